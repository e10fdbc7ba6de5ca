import { errors } from '@strapi/utils';
import { UPLOAD_FILE_UID } from '../common/strapi-actions';

/**
 * The cost bounds of one content-API read. A filter through a to-many relation adds a join, and
 * joins inside `$or` branches multiply rows: 8 branches two hops deep kept PostgreSQL busy for
 * seconds. So the number of relation hops, their depth and the logical branches are bounded, and
 * every leaf value is checked against its attribute's type (a string compared with an integer
 * column is a database error on PostgreSQL, i.e. a 500, unless it is refused here with a 400).
 */
export type QueryLimits = {
  /** Children of `$or` / `$and` / `$not` in the whole query. */
  maxBranches: number;
  /** Relation or component hops in filters and sort, counted per occurrence (each may be a join). */
  maxRelationFilters: number;
  /** Hops in one filter or sort path (`policy.leadAgency.code` is 2). */
  maxRelationDepth: number;
  /** Leaf conditions in the whole query. */
  maxConditions: number;
  /** Values of one `$in` / `$notIn`. */
  maxInValues: number;
  /** Characters of one filter value. */
  maxValueLength: number;
  /** Nested `populate` levels. */
  maxPopulateDepth: number;
  /** Populated relations, media and components in the whole query. */
  maxPopulatedRelations: number;
  /** Sort keys. */
  maxSorts: number;
};

export const DEFAULT_QUERY_LIMITS: QueryLimits = {
  maxBranches: 20,
  maxRelationFilters: 4,
  maxRelationDepth: 2,
  maxConditions: 40,
  maxInValues: 100,
  maxValueLength: 500,
  maxPopulateDepth: 4,
  maxPopulatedRelations: 25,
  maxSorts: 5,
};

export type AttributeLike = {
  type: string;
  target?: string;
  component?: string;
  components?: string[];
  relation?: string;
  multiple?: boolean;
};
export type ModelLike = { uid?: string; attributes: Record<string, AttributeLike> };
/** Looks a content type or component up by uid (`strapi.getModel`). */
export type ModelLookup = (uid: string) => ModelLike | undefined;

/**
 * `$`: REST and the document service (`$or`, `$eq`); `''`: GraphQL filter inputs (`or`, `eq`),
 * whose values GraphQL has already typed, so only their shape and size are checked.
 */
export type OperatorStyle = '$' | '';

export type ReadQuery = { filters?: unknown; populate?: unknown; sort?: unknown; fields?: unknown; _q?: unknown };

const LOGICAL = new Set(['or', 'and', 'not']);
const COMPARISON = new Set(['eq', 'ne', 'lt', 'lte', 'gt', 'gte']);
const TEXT_ONLY = new Set([
  'eqi',
  'nei',
  'contains',
  'notContains',
  'containsi',
  'notContainsi',
  'startsWith',
  'startsWithi',
  'endsWith',
  'endsWithi',
]);
const NULL_CHECKS = new Set(['null', 'notNull']);
const LISTS = new Set(['in', 'notIn']);
const OPERATORS = new Set([...COMPARISON, ...TEXT_ONLY, ...NULL_CHECKS, ...LISTS, 'between']);

const RELATIONAL_TYPES = new Set(['relation', 'media', 'component', 'dynamiczone']);
const INTEGER_TYPES = new Set(['integer', 'biginteger']);
const NUMBER_TYPES = new Set(['integer', 'biginteger', 'float', 'decimal']);
const DATE_TYPES = new Set(['date', 'datetime', 'timestamp', 'time']);
/** Stored as JSON: PostgreSQL cannot compare them with text (a 500), and nothing needs to. */
const UNFILTERABLE_TYPES = new Set(['json', 'blocks', 'password']);

const ID_ATTRIBUTE: AttributeLike = { type: 'integer' };
const DOCUMENT_ID_ATTRIBUTE: AttributeLike = { type: 'string' };

const INTEGER = /^-?\d{1,18}$/;
const NUMBER = /^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/;
const BOOLEANS = new Set(['true', 'false', '1', '0', 't', 'f']);

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `qs` turns arrays with more than `arrayLimit` items, or sparse ones, into objects keyed by index. */
const asList = (value: unknown): unknown[] | undefined => {
  if (Array.isArray(value)) return value;
  if (isPlainObject(value) && Object.keys(value).every((key) => /^\d+$/.test(key))) return Object.values(value);
  return undefined;
};

const fail = (path: string, rule: string, message: string): never => {
  throw new errors.ValidationError(`${path}: ${message}`, { path, rule });
};

type Budget = { branches: number; joins: number; conditions: number; populated: number; sorts: number };

/** Checks filters, populate and sort of a read against `limits`; throws a 400 naming the path. */
export const assertReadQueryWithinLimits = (
  getModel: ModelLookup,
  uid: string,
  query: ReadQuery,
  limits: QueryLimits = DEFAULT_QUERY_LIMITS,
  style: OperatorStyle = '$',
): void => {
  const budget: Budget = { branches: 0, joins: 0, conditions: 0, populated: 0, sorts: 0 };
  const walker = createWalker(getModel, limits, style, budget);
  const model = getModel(uid);
  if (!model) return;
  if (
    query._q !== undefined &&
    query._q !== null &&
    (typeof query._q !== 'string' || query._q.length > limits.maxValueLength || query._q.includes('\u0000'))
  ) {
    fail('_q', 'valueType', `expected one search text of at most ${limits.maxValueLength} characters`);
  }
  if (query.fields !== undefined && query.fields !== null) walker.fields(query.fields, 'fields');
  if (query.filters !== undefined && query.filters !== null) walker.filters(model, query.filters, 'filters', 0);
  if (query.sort !== undefined && query.sort !== null) walker.sort(model, query.sort, 'sort');
  if (query.populate !== undefined && query.populate !== null) walker.populate(model, query.populate, 'populate', 1);
};

const createWalker = (getModel: ModelLookup, limits: QueryLimits, style: OperatorStyle, budget: Budget) => {
  const operatorName = (key: string): string | undefined => {
    if (style === '$') return key.startsWith('$') ? key.slice(1) : undefined;
    return LOGICAL.has(key) || OPERATORS.has(key) ? key : undefined;
  };
  const display = (name: string) => `${style}${name}`;

  const attributeOf = (model: ModelLike, key: string): AttributeLike | undefined =>
    key === 'id' ? ID_ATTRIBUTE : key === 'documentId' ? (model.attributes[key] ?? DOCUMENT_ID_ATTRIBUTE) : model.attributes[key];

  const targetsOf = (attribute: AttributeLike): string[] => {
    if (attribute.type === 'media') return [UPLOAD_FILE_UID];
    if (attribute.type === 'component' && attribute.component) return [attribute.component];
    if (attribute.type === 'dynamiczone') return attribute.components ?? [];
    return attribute.target ? [attribute.target] : [];
  };

  const countJoin = (path: string, depth: number) => {
    budget.joins += 1;
    if (depth > limits.maxRelationDepth) {
      fail(path, 'maxRelationDepth', `filters and sort may go at most ${limits.maxRelationDepth} relations deep`);
    }
    if (budget.joins > limits.maxRelationFilters) {
      fail(path, 'maxRelationFilters', `at most ${limits.maxRelationFilters} relation conditions per query (filters and sort together)`);
    }
  };

  const countBranches = (path: string, count: number) => {
    budget.branches += count;
    if (budget.branches > limits.maxBranches) {
      fail(path, 'maxBranches', `at most ${limits.maxBranches} ${display('or')}/${display('and')}/${display('not')} branches per query`);
    }
  };

  const checkScalar = (attribute: AttributeLike, operator: string, value: unknown, path: string) => {
    // PostgreSQL text cannot hold NUL: passed on, it is a database error (a 500).
    if (typeof value === 'string' && value.includes('\u0000')) fail(path, 'valueType', 'a filter value may not contain NUL characters');
    if (style === '') return;
    // GraphQL's DateTime scalar hands the document service a Date it has already parsed.
    if (value instanceof Date) return;
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean' && value !== null) {
      fail(path, 'valueType', 'expected a single value');
    }
    const text = value === null ? '' : String(value);
    if (text.length > limits.maxValueLength) fail(path, 'maxValueLength', `a filter value may have at most ${limits.maxValueLength} characters`);
    if (value === null) return;
    const { type } = attribute;
    if (NULL_CHECKS.has(operator)) {
      if (!BOOLEANS.has(text.toLowerCase())) fail(path, 'valueType', 'expected true or false');
      return;
    }
    if (TEXT_ONLY.has(operator) && (NUMBER_TYPES.has(type) || DATE_TYPES.has(type) || type === 'boolean')) {
      fail(path, 'operator', `${display(operator)} applies to text fields, not to a ${type} field`);
    }
    if (INTEGER_TYPES.has(type) && !INTEGER.test(text)) fail(path, 'valueType', `expected an integer, got "${text}"`);
    if (NUMBER_TYPES.has(type) && !NUMBER.test(text)) fail(path, 'valueType', `expected a number, got "${text}"`);
    if (type === 'boolean' && !BOOLEANS.has(text.toLowerCase())) fail(path, 'valueType', `expected true or false, got "${text}"`);
    if (type === 'date' && !(DATE.test(text) && !Number.isNaN(Date.parse(text)))) fail(path, 'valueType', `expected a date (YYYY-MM-DD), got "${text}"`);
    if (type === 'time' && !TIME.test(text)) fail(path, 'valueType', `expected a time (HH:mm:ss), got "${text}"`);
    if ((type === 'datetime' || type === 'timestamp') && (Number.isNaN(Date.parse(text)) || !/^\d{4}-/.test(text))) {
      fail(path, 'valueType', `expected an ISO 8601 date-time, got "${text}"`);
    }
  };

  const condition = (path: string) => {
    budget.conditions += 1;
    if (budget.conditions > limits.maxConditions) fail(path, 'maxConditions', `at most ${limits.maxConditions} conditions per query`);
  };

  /** One attribute's operator object (`{ $gt: 3 }`), or a bare value meaning equality. */
  const scalarFilter = (attribute: AttributeLike, value: unknown, path: string) => {
    if (!isPlainObject(value)) {
      condition(path);
      const list = asList(value);
      if (list) {
        // `filters[id]=1&filters[id]=2` means $in.
        if (list.length > limits.maxInValues) fail(path, 'maxInValues', `at most ${limits.maxInValues} values`);
        list.forEach((item, index) => checkScalar(attribute, 'in', item, `${path}.${index}`));
        return;
      }
      checkScalar(attribute, 'eq', value, path);
      return;
    }
    for (const [key, operand] of Object.entries(value)) {
      const operator = operatorName(key);
      const here = `${path}.${key}`;
      if (operator === undefined || !(OPERATORS.has(operator) || LOGICAL.has(operator))) {
        fail(here, 'operator', `unknown operator "${key}"`);
      }
      if (operator === 'or' || operator === 'and') {
        // Strapi's query engine has no field-level $or/$and (a 500): they belong above the field.
        if (style === '$') fail(here, 'operator', `${display(operator)} goes above the field, e.g. filters[${display(operator)}][0][field][$eq]=…`);
        const branches = asList(operand) ?? fail(here, 'shape', 'expected a list of conditions');
        countBranches(here, branches.length);
        branches.forEach((branch, index) => scalarFilter(attribute, branch, `${here}.${index}`));
      } else if (operator === 'not') {
        countBranches(here, 1);
        scalarFilter(attribute, operand, here);
      } else if (LISTS.has(operator as string) || operator === 'between') {
        condition(here);
        const items = asList(operand) ?? [operand];
        if (items.length > limits.maxInValues) fail(here, 'maxInValues', `at most ${limits.maxInValues} values`);
        if (operator === 'between' && items.length !== 2) fail(here, 'shape', `${display('between')} takes exactly two values`);
        items.forEach((item, index) => checkScalar(attribute, operator === 'between' ? 'gte' : 'in', item, `${here}.${index}`));
      } else {
        condition(here);
        checkScalar(attribute, operator as string, operand, here);
      }
    }
  };

  const filters = (model: ModelLike, value: unknown, path: string, depth: number): void => {
    if (!isPlainObject(value)) {
      const list = asList(value);
      // A list at the top of `filters` is an implicit $and.
      if (list) {
        countBranches(path, list.length);
        list.forEach((item, index) => filters(model, item, `${path}.${index}`, depth));
        return;
      }
      fail(path, 'shape', 'expected an object of conditions');
    }
    for (const [key, operand] of Object.entries(value as Record<string, unknown>)) {
      const here = `${path}.${key}`;
      const operator = operatorName(key);
      if (operator === 'or' || operator === 'and') {
        const branches = asList(operand) ?? fail(here, 'shape', 'expected a list of conditions');
        countBranches(here, branches.length);
        branches.forEach((branch, index) => filters(model, branch, `${here}.${index}`, depth));
        continue;
      }
      if (operator === 'not') {
        countBranches(here, 1);
        filters(model, operand, here, depth);
        continue;
      }
      if (operator !== undefined) {
        // Right under a relation only a presence test is meaningful (`filters[policy][$null]=true`);
        // anything else is a 500 in Strapi's query engine.
        if (depth === 0 || !NULL_CHECKS.has(operator)) {
          fail(here, 'operator', `${key} must follow a field name, e.g. ${path}.id.${key}`);
        }
        scalarFilter(ID_ATTRIBUTE, { [key]: operand }, path);
        continue;
      }
      const attribute = attributeOf(model, key);
      // Unknown keys are left to Strapi's own query validation, which answers 400 naming them.
      if (!attribute) continue;
      if (RELATIONAL_TYPES.has(attribute.type)) {
        countJoin(here, depth + 1);
        for (const target of targetsOf(attribute)) {
          const targetModel = getModel(target);
          if (!targetModel) continue;
          if (isPlainObject(operand)) filters(targetModel, operand, here, depth + 1);
          else scalarFilter(ID_ATTRIBUTE, operand, here);
        }
        continue;
      }
      if (UNFILTERABLE_TYPES.has(attribute.type)) fail(here, 'operator', `a ${attribute.type} field cannot be filtered`);
      scalarFilter(attribute, operand, here);
    }
  };

  /** A dotted sort path such as `leadAgency.name:desc`. */
  const sortPath = (model: ModelLike, dotted: string, path: string) => {
    budget.sorts += 1;
    if (budget.sorts > limits.maxSorts) fail(path, 'maxSorts', `at most ${limits.maxSorts} sort keys`);
    let current: ModelLike | undefined = model;
    const segments = dotted.split(':')[0].split('.');
    // Strapi looks an empty name up as an attribute and throws (a 500): `sort=.`, `sort=a.`, `sort=:asc`.
    if (dotted.trim() !== '' && segments.some((segment) => segment.trim() === '')) {
      fail(path, 'sort', `"${dotted}" has an empty field name: write field or relation.field, optionally :asc or :desc`);
    }
    segments.forEach((segment, index) => {
      const attribute = current ? attributeOf(current, segment.trim()) : undefined;
      if (!attribute || !RELATIONAL_TYPES.has(attribute.type) || index === segments.length - 1) {
        current = undefined;
        return;
      }
      countJoin(path, index + 1);
      current = getModel(targetsOf(attribute)[0] ?? '');
    });
  };

  const sortObject = (model: ModelLike, value: Record<string, unknown>, path: string, depth: number) => {
    for (const [key, direction] of Object.entries(value)) {
      const here = `${path}.${key}`;
      const attribute = attributeOf(model, key);
      if (attribute && RELATIONAL_TYPES.has(attribute.type) && isPlainObject(direction)) {
        countJoin(here, depth + 1);
        const target = getModel(targetsOf(attribute)[0] ?? '');
        if (target) sortObject(target, direction, here, depth + 1);
        continue;
      }
      budget.sorts += 1;
      if (budget.sorts > limits.maxSorts) fail(here, 'maxSorts', `at most ${limits.maxSorts} sort keys`);
    }
  };

  const sort = (model: ModelLike, value: unknown, path: string): void => {
    if (typeof value === 'string') {
      value.split(',').forEach((part) => sortPath(model, part, path));
      return;
    }
    const list = asList(value);
    if (list) {
      list.forEach((item, index) => sort(model, item, `${path}.${index}`));
      return;
    }
    if (isPlainObject(value)) sortObject(model, value, path, 0);
  };

  /** Field names: a comma-separated string or a list of names (Strapi fails on an empty one). */
  const fields = (value: unknown, path: string) => {
    const names = typeof value === 'string' ? value.split(',') : asList(value);
    if (!names) fail(path, 'shape', 'expected a list of field names');
    (names as unknown[]).forEach((name, index) => {
      if (typeof name !== 'string' || name.trim() === '' || name.length > 100) fail(`${path}.${index}`, 'shape', 'expected a field name');
    });
  };

  const populated = (path: string, depth: number) => {
    budget.populated += 1;
    if (depth > limits.maxPopulateDepth) fail(path, 'maxPopulateDepth', `populate may go at most ${limits.maxPopulateDepth} levels deep`);
    if (budget.populated > limits.maxPopulatedRelations) {
      fail(path, 'maxPopulatedRelations', `at most ${limits.maxPopulatedRelations} populated relations per query`);
    }
  };

  const relationalKeys = (model: ModelLike) =>
    Object.entries(model.attributes)
      .filter(([, attribute]) => RELATIONAL_TYPES.has(attribute.type))
      .map(([key]) => key);

  const populateKey = (model: ModelLike, key: string, options: unknown, path: string, depth: number) => {
    const attribute = attributeOf(model, key);
    populated(path, depth);
    if (!attribute || !isPlainObject(options)) return;
    const targets = targetsOf(attribute);
    for (const [option, optionValue] of Object.entries(options)) {
      const here = `${path}.${option}`;
      if (option === 'on' && isPlainObject(optionValue)) {
        for (const [component, nested] of Object.entries(optionValue)) {
          const componentModel = getModel(component);
          if (componentModel) populateKey({ attributes: { [component]: { type: 'component', component } } }, component, nested, `${here}.${component}`, depth);
        }
        continue;
      }
      for (const target of targets) {
        const targetModel = getModel(target);
        if (!targetModel) continue;
        if (option === 'populate') populate(targetModel, optionValue, here, depth + 1);
        else if (option === 'fields') fields(optionValue, here);
        else if (option === 'filters') filters(targetModel, optionValue, here, 0);
        else if (option === 'sort') sort(targetModel, optionValue, here);
      }
    }
  };

  const populate = (model: ModelLike, value: unknown, path: string, depth: number): void => {
    if (value === true || value === 'true') return;
    if (typeof value === 'string') {
      const keys = value === '*' ? relationalKeys(model) : value.split(',').map((key) => key.trim());
      for (const key of keys) {
        // A dotted string (`leadAgency.focalPoints`) populates one more level per segment.
        const [head, ...rest] = key.split('.');
        populateKey(model, head, undefined, `${path}.${key}`, depth);
        const attribute = attributeOf(model, head);
        const target = attribute ? getModel(targetsOf(attribute)[0] ?? '') : undefined;
        if (rest.length > 0 && target) populate(target, rest.join('.'), `${path}.${key}`, depth + 1);
      }
      return;
    }
    const list = asList(value);
    if (list) {
      list.forEach((item, index) => populate(model, item, `${path}.${index}`, depth));
      return;
    }
    if (!isPlainObject(value)) return;
    for (const [key, options] of Object.entries(value)) populateKey(model, key, options, `${path}.${key}`, depth);
  };

  return { filters, sort, populate, fields };
};
