import {
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  getArgumentValues,
  getNamedType,
  getNullableType,
  isCompositeType,
  isInterfaceType,
  isLeafType,
  isListType,
  isObjectType,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type FragmentSpreadNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type InlineFragmentNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/** Arguments of one field occurrence, with variables substituted. */
export type FieldArguments = Record<string, unknown>;

/** A field that takes `filters`/`sort`: what its resolver will hand to the database. */
export type FilterSite = { path: string; filtersType: string; args: FieldArguments };

/** A field that takes publication arguments (`status`, `publicationFilter`, `hasPublishedVersion`). */
export type PublicationSite = { path: string; args: FieldArguments };

export type OperationAnalysis = {
  /** Distinct response keys at the root: every alias is a separate resolver call. */
  rootFields: number;
  /** Estimated rows read (see `analyseOperation`). */
  complexity: number;
  filterSites: FilterSite[];
  publicationSites: PublicationSite[];
};

/** How many rows one list field may return, from its `pagination` argument (Strapi's own defaults and cap). */
export type PageSize = (pagination: unknown) => number;

const PUBLICATION_ARGUMENTS = new Set(['status', 'publicationFilter', 'hasPublishedVersion']);
const FILTER_ARGUMENTS = new Set(['filters', 'sort']);

type Occurrence = { node: FieldNode; parentType: GraphQLCompositeType };
type Group = { responseKey: string; parentType: GraphQLCompositeType; nodes: FieldNode[] };

const fieldDefinition = (schema: GraphQLSchema, parentType: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined => {
  if (name === TypeNameMetaFieldDef.name) return TypeNameMetaFieldDef;
  if (parentType === schema.getQueryType()) {
    if (name === SchemaMetaFieldDef.name) return SchemaMetaFieldDef;
    if (name === TypeMetaFieldDef.name) return TypeMetaFieldDef;
  }
  return isObjectType(parentType) || isInterfaceType(parentType) ? parentType.getFields()[name] : undefined;
};

/**
 * What an operation will cost, read from the document before it runs. Fields are merged by
 * response key as graphql's execution merges them (the same field selected twice through two
 * fragments runs once), and fragments are followed whatever their type condition or `@skip`, so
 * the estimate is an upper bound. The complexity counts the rows each object field may read: a
 * list field reads up to its page size per parent (a `_connection` passes its page size to
 * `nodes`), a single relation one row per parent, introspection nothing.
 *
 * graphql ships no cost analysis, and the maintained libraries for it (e.g. graphql-query-complexity)
 * would be a new dependency that still needs Strapi's pagination rules taught to it; this walk is
 * the small part we need.
 */
export const analyseOperation = (
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  pageSize: PageSize,
): OperationAnalysis => {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const analysis: OperationAnalysis = { rootFields: 0, complexity: 0, filterSites: [], publicationSites: [] };

  /** The selections a fragment adds, or nothing when it was spread already in this selection set. */
  const fragmentOf = (selection: InlineFragmentNode | FragmentSpreadNode, visited: Set<string>) => {
    if (selection.kind === Kind.INLINE_FRAGMENT) return { selectionSet: selection.selectionSet, typeName: selection.typeCondition?.name.value };
    const name = selection.name.value;
    const definition = fragments.get(name);
    if (visited.has(name) || !definition) return undefined;
    visited.add(name);
    return { selectionSet: definition.selectionSet, typeName: definition.typeCondition.name.value };
  };

  /** graphql's collectFields, minus type-condition and directive checks (see above). */
  const collect = (selectionSet: SelectionSetNode, parentType: GraphQLCompositeType, into: Occurrence[], visited: Set<string>) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        into.push({ node: selection, parentType });
        continue;
      }
      const fragment = fragmentOf(selection, visited);
      if (!fragment) continue;
      const type = fragment.typeName ? schema.getType(fragment.typeName) : parentType;
      collect(fragment.selectionSet, isCompositeType(type) ? type : parentType, into, visited);
    }
  };

  const groupsOf = (selectionSets: SelectionSetNode[], parentType: GraphQLCompositeType): Group[] => {
    const occurrences: Occurrence[] = [];
    const visited = new Set<string>();
    for (const selectionSet of selectionSets) collect(selectionSet, parentType, occurrences, visited);
    const groups = new Map<string, Group>();
    for (const { node, parentType: type } of occurrences) {
      const responseKey = (node.alias ?? node.name).value;
      const key = `${type.name}.${responseKey}`;
      const group = groups.get(key) ?? { responseKey, parentType: type, nodes: [] };
      group.nodes.push(node);
      groups.set(key, group);
    }
    return [...groups.values()];
  };

  const argumentsOf = (field: GraphQLField<unknown, unknown>, node: FieldNode): FieldArguments | undefined => {
    try {
      return getArgumentValues(field, node, variables);
    } catch {
      // An argument graphql cannot coerce fails the field at execution: its resolver never runs.
      return undefined;
    }
  };

  const visit = (groups: Group[], parents: number, prefix: string, connectionPageSize: number | undefined) => {
    for (const { responseKey, parentType, nodes } of groups) {
      const field = fieldDefinition(schema, parentType, nodes[0].name.value);
      if (!field) continue;
      const path = prefix ? `${prefix}.${responseKey}` : responseKey;
      const argumentNames = new Set(field.args.map((argument) => argument.name));
      const occurrences = nodes.map((node) => ({ node, args: argumentsOf(field, node) }));
      for (const { node, args } of occurrences) {
        if (!args) continue;
        const given = (node.arguments ?? []).map((argument) => argument.name.value);
        if (given.some((name) => PUBLICATION_ARGUMENTS.has(name))) analysis.publicationSites.push({ path, args });
        const filtersType = field.args.find((argument) => argument.name === 'filters');
        if (filtersType && given.some((name) => FILTER_ARGUMENTS.has(name))) {
          analysis.filterSites.push({ path, filtersType: getNamedType(filtersType.type).name, args });
        }
      }

      const returnType = getNamedType(field.type);
      if (isLeafType(returnType) || returnType.name.startsWith('__')) continue;
      const firstArgs = occurrences[0].args ?? {};
      const paginated = argumentNames.has('pagination');
      const isList = isListType(getNullableType(field.type));
      let size = 1;
      if (isList) size = paginated ? pageSize(firstArgs.pagination) : connectionPageSize ?? pageSize(undefined);
      const rows = parents * size;
      analysis.complexity += rows;
      const isConnection = !isList && paginated && isObjectType(returnType) && 'nodes' in returnType.getFields();
      const selectionSets = nodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
      visit(groupsOf(selectionSets, returnType), rows, path, isConnection ? pageSize(firstArgs.pagination) : undefined);
    }
  };

  const rootType = schema.getRootType(operation.operation);
  if (!rootType) return analysis;
  const rootGroups = groupsOf([operation.selectionSet], rootType);
  analysis.rootFields = rootGroups.filter((group) => group.nodes[0].name.value !== TypeNameMetaFieldDef.name).length;
  visit(rootGroups, 1, '', undefined);
  return analysis;
};
