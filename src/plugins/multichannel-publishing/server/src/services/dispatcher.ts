import crypto from 'crypto';
import os from 'os';
import type { Core } from '@strapi/strapi';
import { ChannelError, isChannelError, type DeliveryContext, type SendResult } from '../channels/types';
import { nextAttemptAt } from '../../../../../common/backoff';
import { toDelivery, toJoinedEvent } from '../utils/delivery-rows';
import { createBatchLoop } from '../../../../../common/batch-loop';
import { DELIVERY_OUTCOME_EVENT, type DeliveryOutcomeNotice } from '../../../../../common/publishing-outbox';
import { errorText } from '../utils/errors';
import { claimDueDeliveries } from '../queries/claim-due-deliveries';
import { findClaimedDeliveries } from '../queries/find-claimed-deliveries';
import { findPreviousExternalId } from '../queries/find-previous-external-id';
import { findSupersedingEvent } from '../queries/find-superseding-event';
import { recordDeliveryOutcome, type DeliveryOutcome } from '../queries/record-delivery-outcome';
import { saveDeliveryCheckpoint } from '../queries/save-delivery-checkpoint';
import type { Delivery, PublicationEvent } from '../types';
import { getPluginConfig } from '../utils/config';
import { getService } from '../utils/get-service';

/**
 * The dispatcher: claims due deliveries (right after a publishing transaction commits, and on a
 * short timer), calls the channel outside any transaction, and records delivered / failed with the
 * next attempt time / dead. The reconciliation sweep runs at start and on its own timer.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = getPluginConfig(strapi);
  const { dispatcher: settings, retry } = config;
  const workerId = `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString('hex')}`;
  const shutdown = new AbortController();

  let sweeping: Promise<unknown> | null = null;
  let sweepTimer: NodeJS.Timeout | null = null;

  const record = async (delivery: Delivery, lockToken: string, outcome: DeliveryOutcome) => {
    const recorded = await recordDeliveryOutcome(strapi.db.connection, { id: delivery.id, lockToken }, outcome);
    if (!recorded) {
      strapi.log.warn(`[multichannel-publishing] delivery ${delivery.id}: lease lost before its outcome (${outcome.status}) was recorded`);
      return;
    }
    const notice: DeliveryOutcomeNotice = { deliveryId: delivery.id, channel: delivery.channel, status: outcome.status };
    await strapi.eventHub.emit(DELIVERY_OUTCOME_EVENT, notice);
  };

  const failure = (delivery: Delivery, error: unknown, now: Date): DeliveryOutcome => {
    const channelError = isChannelError(error) ? error : null;
    if (!channelError) strapi.log.error(`[multichannel-publishing] delivery ${delivery.id} on ${delivery.channel}: unexpected error: ${errorText(error)}`);
    const lastError = channelError ? channelError.message : `unexpected error: ${errorText(error)}`;
    const lastStatusCode = channelError?.statusCode ?? null;
    if (shutdown.signal.aborted) {
      // Interrupted by this node stopping: due again at once, wherever the next node runs.
      return { status: 'failed', now, nextAttemptAt: now, lastError: 'interrupted: the node stopped during the attempt', lastStatusCode };
    }
    const retryable = channelError ? channelError.retryable : true;
    if (!retryable || delivery.attempts >= retry.maxAttempts) return { status: 'dead', now, lastError, lastStatusCode };
    return {
      status: 'failed',
      now,
      lastError,
      lastStatusCode,
      nextAttemptAt: nextAttemptAt({
        failedAttempts: delivery.attempts,
        firstAttemptAt: delivery.firstAttemptAt ?? now,
        now,
        baseDelayMs: retry.baseDelayMs,
        retryAfterMs: channelError?.retryAfterMs,
        maxRetryAfterMs: retry.maxRetryAfterMs,
      }),
    };
  };

  const attempt = async (delivery: Delivery, event: PublicationEvent, lockToken: string): Promise<DeliveryOutcome> => {
    const now = () => new Date();
    if (delivery.attempts > retry.maxAttempts) {
      // Its node died during the last allowed attempt (the claim counts the attempt).
      return { status: 'dead', now: now(), lastError: delivery.lastError ?? 'the node sending the last attempt stopped before it finished' };
    }
    const channels = getService(strapi, 'channels');
    const adapter = channels.get(delivery.channel);
    try {
      // Normally a newer event waits on the channel behind this one; if the channel is already done with
      // it (a replay queued after a withdrawal was skipped), sending this older event would undo it.
      const superseding = await findSupersedingEvent(strapi.db.connection, {
        channel: delivery.channel,
        uid: delivery.uid,
        documentId: delivery.documentId,
        locale: delivery.locale,
        sequence: delivery.eventSequence,
      });
      if (superseding) {
        return {
          status: 'skipped',
          now: now(),
          lastError: `superseded by the newer ${superseding.type} event (sequence ${superseding.sequence}) already handled on this channel: not sent`,
        };
      }
      // Both can be fixed by an operator (deploy the channel, complete its settings): retried, not dropped.
      if (!adapter) throw new ChannelError(`channel "${delivery.channel}" is not registered on this node`, { retryable: true });
      const description = await adapter.describe();
      if (!description.configComplete) {
        throw new ChannelError(`channel "${delivery.channel}" is not configured: ${description.problems.join(', ') || 'incomplete settings'}`, {
          retryable: true,
        });
      }
      const context: DeliveryContext = {
        deliveryId: delivery.id,
        idempotencyKey: delivery.idempotencyKey,
        attempt: delivery.attempts,
        previousExternalId: await findPreviousExternalId(strapi.db.connection, {
          channel: delivery.channel,
          uid: delivery.uid,
          documentId: delivery.documentId,
          locale: delivery.locale,
          beforeSequence: delivery.eventSequence,
        }),
        checkpoint: delivery.checkpoint,
        saveCheckpoint: async (value) => {
          if (!(await saveDeliveryCheckpoint(strapi.db.connection, { id: delivery.id, lockToken }, value))) {
            throw new Error('lease lost while saving progress');
          }
        },
        signal: shutdown.signal,
        log: strapi.log,
      };
      const request = await adapter.render(event, context);
      const result: SendResult = await adapter.send(request, context);
      if (result.outcome === 'skipped') return { status: 'skipped', now: now(), lastError: result.reason };
      if (result.outcome === 'deferred') return { status: 'pending', now: now(), nextAttemptAt: result.until, lastError: result.reason, notAnAttempt: true };
      // A delivered attempt's note (e.g. "sent without audio") is kept where the editor reads attempts' messages.
      return { status: 'delivered', now: now(), externalId: result.externalId ?? null, lastStatusCode: result.statusCode ?? null, lastError: result.note ?? null };
    } catch (error) {
      return failure(delivery, error, now());
    }
  };

  /** Claims one batch and processes it; returns how many deliveries it handled. */
  const runOnce = async (): Promise<number> => {
    const lockToken = crypto.randomUUID();
    const ids = await claimDueDeliveries(strapi.db.connection, {
      limit: settings.concurrency,
      now: new Date(),
      leaseMs: settings.leaseMs,
      lockToken,
      workerId,
    });
    if (ids.length === 0) return 0;
    const rows = await findClaimedDeliveries(strapi.db.connection, lockToken);
    await Promise.all(
      rows.map(async (row) => {
        const delivery = toDelivery(row);
        const outcome = await attempt(delivery, toJoinedEvent(strapi, row), lockToken);
        await record(delivery, lockToken, outcome);
        getService(strapi, 'channel-health').noteOutcome();
      }),
    );
    return rows.length;
  };

  const loop = createBatchLoop({
    runOnce,
    batchSize: settings.concurrency,
    pollIntervalMs: settings.pollIntervalMs,
    onError: (error) => strapi.log.error(`[multichannel-publishing] dispatcher: ${errorText(error)}`),
  });
  const kick = loop.kick;
  const stopped = () => loop.isHalted();

  const sweep = () => {
    if (stopped() || sweeping) return sweeping;
    sweeping = getService(strapi, 'publication-events')
      .sweep()
      .then((created) => {
        if (created > 0) kick();
      })
      .catch((error: unknown) => {
        if (!stopped()) strapi.log.error(`[multichannel-publishing] reconciliation sweep: ${errorText(error)}`);
      })
      .finally(() => {
        sweeping = null;
      });
    return sweeping;
  };

  const scheduleSweep = () => {
    sweepTimer = setTimeout(() => {
      void sweep();
      if (!stopped()) scheduleSweep();
    }, settings.sweepIntervalMs);
    sweepTimer.unref();
  };

  return {
    workerId,

    /** Whether this node sends deliveries. */
    isEnabled(): boolean {
      return settings.enabled;
    },

    /** Starts the timers and runs the boot sweep (no-op when the dispatcher is disabled on this node). */
    start(): void {
      if (!settings.enabled || loop.isHalted() || sweepTimer) return;
      void sweep();
      loop.start();
      scheduleSweep();
    },

    /** Asks for a dispatch soon (after a publishing transaction committed, or a retry). */
    kick(): void {
      // Out of the caller's stack (and of any transaction callback) before touching the database.
      setImmediate(kick);
    },

    /** Runs the reconciliation sweep now and waits for it. */
    async sweepNow(): Promise<void> {
      await sweep();
    },

    /** Stops the timers, interrupts attempts in progress and waits until their outcome is recorded. */
    async stop(): Promise<void> {
      const running = loop.halt();
      if (sweepTimer) clearTimeout(sweepTimer);
      shutdown.abort(new DOMException('node stopping', 'AbortError'));
      await Promise.allSettled([running, sweeping]);
    },
  };
};
