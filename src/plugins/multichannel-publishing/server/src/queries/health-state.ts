import type { Knex } from 'knex';
import { STATE_TABLE } from '../constants';
import { toJson } from '../utils/rows';

/** The health a channel was last recorded in; `version` counts the recorded changes (the row's counter). */
export type RecordedHealth = { state: string | null; since: string | null; version: number };

/** Reads the recorded health of the state row `key` (created beforehand). */
export const readHealthState = async (db: Knex, key: string): Promise<RecordedHealth> => {
  const row = (await db(STATE_TABLE).where({ key }).first(['value', 'counter'])) as { value: unknown; counter: unknown } | undefined;
  const value = toJson<{ state?: unknown; since?: unknown }>(row?.value) ?? {};
  return {
    state: typeof value.state === 'string' ? value.state : null,
    since: typeof value.since === 'string' ? value.since : null,
    version: Number(row?.counter ?? 0),
  };
};

/**
 * Records a change of health when the row is still at `version` (compare-and-set on the counter):
 * of several nodes noticing the same change, exactly one records it. Returns the new version, or
 * null when another node was first.
 */
export const recordHealthChange = async (db: Knex, key: string, version: number, value: { state: string; since: string }): Promise<number | null> => {
  const updated = await db(STATE_TABLE)
    .where({ key, counter: version })
    .update({ value: JSON.stringify(value), counter: version + 1, updated_at: new Date() });
  return Number(updated) === 1 ? version + 1 : null;
};
