import type { Knex } from 'knex';
import { MESSAGES_TABLE } from '../constants';

export type ClaimedMessage = {
  id: number;
  channel: string;
  recipient: string | null;
  subject: string | null;
  text: string | null;
  attempts: number;
  firstAttemptAt: Date;
};

const toDate = (value: unknown): Date => (value instanceof Date ? value : new Date(value as string | number));

/** The messages claimed under `lockToken`, with what sending them needs. */
export const findClaimedMessages = async (db: Knex, lockToken: string): Promise<ClaimedMessage[]> => {
  const rows = (await db(MESSAGES_TABLE)
    .select('id', 'channel', 'recipient', 'subject', 'body', 'attempts', 'first_attempt_at')
    .where({ lock_token: lockToken, status: 'sending' })) as Array<Record<string, unknown>>;
  return rows.map((row) => ({
    id: Number(row.id),
    channel: String(row.channel),
    recipient: (row.recipient as string | null) ?? null,
    subject: (row.subject as string | null) ?? null,
    text: (row.body as string | null) ?? null,
    attempts: Number(row.attempts),
    firstAttemptAt: toDate(row.first_attempt_at),
  }));
};
