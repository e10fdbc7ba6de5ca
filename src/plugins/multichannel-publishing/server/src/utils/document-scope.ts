import type { Core, UID } from '@strapi/strapi';
import type { Knex } from 'knex';
import { permittedFilters, withPermittedFilters } from '../../../../../common/agency-scope';
import { CONTENT_MANAGER } from '../../../../../common/strapi-actions';
import { deliveredUids } from '../queries/delivered-uids';

/** The admin user's CASL ability (`ctx.state.userAbility`). */
export type Ability = Parameters<typeof permittedFilters>[1];

/**
 * The documents an admin user may read, per content type that has deliveries: `all` (no condition
 * narrows the read permission) or `documentIds`, a subquery of the readable documents' ids (the
 * conditions' filters, e.g. "led by one of my agencies", run by Strapi's query builder, as the
 * content manager's own relation lists do). Content types the user may not read are absent, and so
 * is a content type removed from the schema since (no one may read it any more).
 */
export type DocumentScope = Array<{ uid: string; all: true } | { uid: string; all: false; documentIds: Knex.QueryBuilder }>;

type QueryBuilderLike = { where(filters: unknown): QueryBuilderLike; select(fields: string | string[]): QueryBuilderLike; getKnexQuery(): Knex.QueryBuilder };

const readFilters = (strapi: Core.Strapi, ability: Ability, uid: string) =>
  strapi.getModel(uid as UID.ContentType) ? permittedFilters(strapi, ability, uid as UID.ContentType, CONTENT_MANAGER.read) : null;

/** What `ability` may read among the documents that have deliveries (one query for the content types, none per document). */
export const readableDocuments = async (strapi: Core.Strapi, ability: Ability): Promise<DocumentScope> => {
  const scope: DocumentScope = [];
  for (const uid of await deliveredUids(strapi.db.connection)) {
    const filters = readFilters(strapi, ability, uid);
    if (!filters) continue;
    if (Object.keys(filters).length === 0) {
      scope.push({ uid, all: true });
      continue;
    }
    const builder = (strapi.db.entityManager as unknown as { createQueryBuilder(uid: string): QueryBuilderLike }).createQueryBuilder(uid);
    scope.push({ uid, all: false, documentIds: builder.where(filters).select('documentId').getKnexQuery() });
  }
  return scope;
};

/**
 * Whether `ability` may read one document (its delivery is then the user's to see and replay). With
 * no narrowing condition the document need not exist any more: a deleted document's withdrawal is
 * still replayable.
 */
export const mayReadDocument = async (strapi: Core.Strapi, ability: Ability, uid: string, documentId: string): Promise<boolean> => {
  const filters = readFilters(strapi, ability, uid);
  if (!filters) return false;
  if (Object.keys(filters).length === 0) return true;
  const count = await strapi.db.query(uid as UID.ContentType).count({ where: withPermittedFilters({ documentId }, filters) });
  return Number(count) > 0;
};
