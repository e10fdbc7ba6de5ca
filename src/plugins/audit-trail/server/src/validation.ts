import { z } from 'zod';
import { AUDIT_ACTIONS } from '../../../../common/audit';
import { parseOrThrow } from '../../../../common/errors';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './constants';
import type { EntryFilters } from './services/entries';

const date = z
  .string()
  .max(40)
  .refine((value) => !Number.isNaN(Date.parse(value)), 'must be an ISO date or date-time')
  .transform((value) => new Date(value));

const listQuery = z
  .strictObject({
    page: z.coerce.number().int().min(1).max(1_000_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
    action: z.enum(AUDIT_ACTIONS).optional(),
    // An admin user's id, or their e-mail (case-insensitive).
    actor: z.union([z.coerce.number().int().min(1).max(2_147_483_647), z.string().email().max(254)]).optional(),
    from: date.optional(),
    to: date.optional(),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, { path: ['to'], message: 'to must not be before from' });

/** `GET /audit-trail/entries?page=&pageSize=&action=&actor=&from=&to=`. */
export const parseListQuery = (query: unknown): { filters: EntryFilters; page: number; pageSize: number } => {
  const { page, pageSize, action, actor, from, to } = parseOrThrow(listQuery, query ?? {});
  return {
    page,
    pageSize,
    filters: {
      action,
      ...(typeof actor === 'number' ? { actorId: actor } : {}),
      ...(typeof actor === 'string' ? { actorEmail: actor } : {}),
      from,
      to,
    },
  };
};
