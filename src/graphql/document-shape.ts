import {
  Kind,
  KnownFragmentNamesRule,
  NoFragmentCyclesRule,
  visit,
  visitInParallel,
  type ASTVisitor,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLError,
  type SelectionSetNode,
} from 'graphql';
import { ASTValidationContext } from 'graphql/validation/ValidationContext';
import type { GraphqlLimits } from './limits';
import { invalidDocument, overLimit } from './request-errors';

/**
 * Field selections of every operation with each fragment spread expanded where it is used: what
 * the depth-limit rule walks. Memoised per fragment, so a "fragment bomb" (each fragment spreading
 * the next twice) is counted in linear time while its expansion is exponential. Stops early past
 * `cap`. Fragment cycles must have been refused before.
 */
export const expandedFieldCount = (document: DocumentNode, cap = Number.POSITIVE_INFINITY): number => {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const memo = new Map<string, number>();
  const fragmentCount = (name: string): number => {
    const known = memo.get(name);
    if (known !== undefined) return known;
    // Provisional zero: a cycle that slipped through ends here instead of recursing forever.
    memo.set(name, 0);
    const count = selectionCount(fragments.get(name)?.selectionSet);
    memo.set(name, count);
    return count;
  };
  const selectionCount = (selectionSet: SelectionSetNode | undefined): number => {
    let total = 0;
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD) total += 1 + selectionCount(selection.selectionSet);
      else if (selection.kind === Kind.INLINE_FRAGMENT) total += selectionCount(selection.selectionSet);
      else total += fragmentCount(selection.name.value);
      if (total > cap) return total;
    }
    return total;
  };
  let total = 0;
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) total += selectionCount(definition.selectionSet);
    if (total > cap) break;
  }
  return total;
};

/**
 * graphql's own fragment rules, run on the document alone: they read no schema, so they need only
 * the AST context (graphql's `validate` would insist on one).
 */
const fragmentErrors = (document: DocumentNode): GraphQLError[] => {
  const errors: GraphQLError[] = [];
  const context = new ASTValidationContext(document, (error) => errors.push(error));
  // KnownFragmentNamesRule is typed for the full context but calls only getFragment and reportError.
  const rules = [NoFragmentCyclesRule, KnownFragmentNamesRule as unknown as (context: ASTValidationContext) => ASTVisitor];
  visit(document, visitInParallel(rules.map((rule) => rule(context))));
  return errors;
};

/**
 * What must be refused before graphql's validation runs, because that validation cannot survive
 * it: Strapi's depth-limit rule (graphql-depth-limit) expands fragments recursively as soon as it
 * is instantiated, before NoFragmentCyclesRule can report anything, so a fragment cycle overflows
 * the stack (a 500), an unknown fragment crashes it, and a fragment bomb keeps the event loop busy
 * for minutes; OverlappingFieldsCanBeMergedRule is quadratic in the fields of a selection set.
 */
export const documentShapeError = (document: DocumentNode, limits: GraphqlLimits): GraphQLError | undefined => {
  const [fragmentError] = fragmentErrors(document);
  if (fragmentError) return invalidDocument(fragmentError.message, { rule: 'fragments' }, fragmentError.nodes);
  if (expandedFieldCount(document, limits.maxFields) > limits.maxFields) {
    return overLimit(`The query selects more than ${limits.maxFields} fields once its fragments are expanded`, {
      rule: 'maxFields',
      path: '',
    });
  }
  return undefined;
};
