import type { Core } from '@strapi/strapi';
import { consultationStatus } from '../lib/consultation-status';
import { CONSULTATION_DRAFT_UID } from '../common/uids';

type Window = { id?: number; opensAt?: string | null; closesAt?: string | null };

/** Adds the computed `consultationStatus` to the GraphQL `ConsultationDraft` type, as on REST. */
export const registerConsultationStatusField = (strapi: Core.Strapi): void => {
  const graphql = strapi.plugin('graphql');
  if (!graphql) return;
  graphql.service('extension').use(() => ({
    typeDefs: `
      enum ConsultationStatus { upcoming open closed }
      extend type ConsultationDraft { consultationStatus: ConsultationStatus! }
    `,
    resolvers: {
      ConsultationDraft: {
        async consultationStatus(parent: Window) {
          let window = parent;
          if (!('opensAt' in parent) && parent.id !== undefined) {
            window = (await strapi.db
              .query(CONSULTATION_DRAFT_UID)
              .findOne({ select: ['opensAt', 'closesAt'], where: { id: parent.id } })) as Window;
          }
          return consultationStatus(window?.opensAt, window?.closesAt);
        },
      },
    },
    resolversConfig: {
      'ConsultationDraft.consultationStatus': { auth: false },
    },
  }));
};
