import type { Knex } from 'knex';
import { STATE_TABLE } from '../constants';

/** Updates the value and/or (already encrypted) secret of a state row. */
export const writeState = async (
  db: Knex,
  key: string,
  { value, secret }: { value?: Record<string, unknown>; secret?: string | null },
): Promise<void> => {
  const changes: Record<string, unknown> = { updated_at: new Date() };
  if (value !== undefined) changes.value = JSON.stringify(value);
  if (secret !== undefined) changes.secret = secret;
  await db(STATE_TABLE).where({ key }).update(changes);
};
