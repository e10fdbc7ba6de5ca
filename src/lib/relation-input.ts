/**
 * What a write does to a to-one relation, whatever shape the caller used: a documentId or id,
 * `{ documentId }`, `{ connect: [...] }`, `{ set: [...] }`, `{ disconnect: [...] }` or `null`.
 */
export type RelationIntent = 'set' | 'clear' | 'unchanged';

const nonEmpty = (value: unknown) => (Array.isArray(value) ? value.length > 0 : value !== null && value !== undefined);

export const relationIntent = (data: Record<string, unknown>, key: string): RelationIntent => {
  if (!(key in data)) return 'unchanged';
  const value = data[key];
  if (value === null || value === '') return 'clear';
  if (typeof value === 'string' || typeof value === 'number') return 'set';
  if (Array.isArray(value)) return value.length > 0 ? 'set' : 'clear';
  if (typeof value === 'object') {
    const ops = value as Record<string, unknown>;
    if ('set' in ops) return nonEmpty(ops.set) ? 'set' : 'clear';
    if ('connect' in ops && nonEmpty(ops.connect)) return 'set';
    if ('disconnect' in ops && nonEmpty(ops.disconnect)) return 'clear';
    if ('documentId' in ops || 'id' in ops) return 'set';
    return 'unchanged';
  }
  return 'unchanged';
};
