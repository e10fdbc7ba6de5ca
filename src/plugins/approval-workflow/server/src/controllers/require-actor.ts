import { unauthorizedError } from '../../../../../common/errors';
import type { AdminActor } from '../utils/actor';

/** The routes sit behind `admin::isAuthenticatedAdmin`; this only narrows the type. */
export const requireActor = (actor: AdminActor | null): AdminActor => {
  if (!actor) throw unauthorizedError('Admin authentication required');
  return actor;
};
