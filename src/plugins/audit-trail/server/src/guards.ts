import type { Core } from '@strapi/strapi';
import { plainForbiddenError } from '../../../../common/errors';
import { ENTRY_UID, IMMUTABLE_MESSAGE as MESSAGE } from './constants';

const refuse = () => {
  throw plainForbiddenError(MESSAGE);
};

/**
 * Below the document service: the query engine (`strapi.db.query`) refuses to update or delete an
 * entry, whoever asks. Only raw SQL gets past this, which no route offers.
 */
export const subscribeQueryGuard = (strapi: Core.Strapi): void => {
  strapi.db.lifecycles.subscribe({
    models: [ENTRY_UID],
    beforeUpdate: refuse,
    beforeUpdateMany: refuse,
    beforeDelete: refuse,
    beforeDeleteMany: refuse,
  });
};
