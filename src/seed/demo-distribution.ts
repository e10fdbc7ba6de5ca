import type { Core } from '@strapi/strapi';
import { COMMUNICATING_EVENT_TYPES, OUTBOX_DELIVERY_UID, OUTBOX_EVENT_UID, outboxAvailable } from '../common/publishing-outbox';
import { POLICY_UID } from '../common/uids';

type EventRow = { id: number; sequence: number; targetUid: string; targetDocumentId: string; targetLocale: string | null };

/**
 * The demo's distribution history: on a fresh `npm run develop` no channel is configured, so the
 * seed's publications have their events but no delivery, and the coverage dashboard would show
 * every policy uncommunicated. This records, for the seeded policies' publication events, the
 * outcomes the outbox would have recorded had the province's channels been connected: most
 * delivered on the portal, some also on Zalo and the radio's source system, every fifth policy's
 * portal delivery dead (so a reached stage shows a gap). Earlier stages of a policy (its
 * `previousStages`, before the CMS) stay uncommunicated: gaps at several stages. Rows are written
 * in their terminal state (never claimed by the dispatcher) through the kernel's outbox names, only
 * when multichannel publishing is on; their idempotency keys start with `demo:` and make a second
 * run add nothing.
 */
export const seedDemoDistribution = async (strapi: Core.Strapi, policyDocumentIds: string[], now: Date): Promise<number> => {
  if (!outboxAvailable(strapi) || policyDocumentIds.length === 0) return 0;
  const events = (await strapi.db.query(OUTBOX_EVENT_UID as never).findMany({
    where: { targetUid: POLICY_UID, targetDocumentId: { $in: policyDocumentIds }, type: { $in: [...COMMUNICATING_EVENT_TYPES] } },
    orderBy: { sequence: 'asc' },
  })) as EventRow[];
  let created = 0;
  for (const event of events) {
    const index = policyDocumentIds.indexOf(event.targetDocumentId);
    type Outcome = { channel: string; status: 'delivered' | 'dead' };
    const plan: Outcome[] =
      index % 5 === 4
        ? [{ channel: 'portal', status: 'dead' }]
        : [
            { channel: 'portal', status: 'delivered' },
            ...(index % 2 === 0 ? [{ channel: 'zalo', status: 'delivered' } as Outcome] : []),
            ...(index % 3 === 0 ? [{ channel: 'source-system', status: 'delivered' } as Outcome] : []),
          ];
    for (const { channel, status } of plan) {
      const idempotencyKey = `demo:${event.id}:${channel}`;
      if (await strapi.db.query(OUTBOX_DELIVERY_UID as never).findOne({ where: { idempotencyKey } })) continue;
      await strapi.db.query(OUTBOX_DELIVERY_UID as never).create({
        data: {
          eventId: event.id,
          eventSequence: event.sequence,
          targetUid: event.targetUid,
          targetDocumentId: event.targetDocumentId,
          targetLocale: event.targetLocale,
          channel,
          status,
          priority: 0,
          attempts: status === 'dead' ? 12 : 1,
          firstAttemptAt: now,
          lastAttemptAt: now,
          deliveredAt: status === 'delivered' ? now : null,
          lastError: status === 'dead' ? 'demo: the portal refused this publication (400)' : null,
          lastStatusCode: status === 'dead' ? 400 : 200,
          idempotencyKey,
        },
      });
      created += 1;
    }
  }
  return created;
};
