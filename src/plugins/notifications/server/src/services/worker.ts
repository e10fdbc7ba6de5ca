import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import { nextAttemptAt } from '../../../../../common/backoff';
import { createBatchLoop } from '../../../../../common/batch-loop';
import { MAX_ERROR_LENGTH } from '../constants';
import { claimDueMessages } from '../queries/claim-due-messages';
import { findClaimedMessages, type ClaimedMessage } from '../queries/find-claimed-messages';
import { recordMessageOutcome, type MessageOutcome } from '../queries/record-message-outcome';
import { getPluginConfig } from '../utils/config';
import { getService } from '../utils/get-service';
import { TransportError } from './email';

const errorText = (value: unknown): string => {
  const text = value instanceof Error ? value.message : String(value);
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH - 1)}…` : text;
};

/**
 * The worker: claims due messages (right after the transaction that wrote them commits, and on a
 * short timer), sends each outside any transaction, and records sent / pending again with the next
 * attempt time (the publishing outbox's schedule, src/common/backoff.ts) / failed.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const { worker: settings, retry } = getPluginConfig(strapi);


  const attempt = async (message: ClaimedMessage): Promise<MessageOutcome> => {
    const now = () => new Date();
    if (!message.recipient || !message.subject || message.text === null) {
      return { status: 'failed', now: now(), lastError: 'nothing to send: the message has no recipient, subject or text' };
    }
    try {
      if (message.channel === 'email') {
        await getService(strapi, 'email').send({ to: message.recipient, subject: message.subject, text: message.text });
      } else if (message.channel === 'zalo') {
        // Checked again at each attempt: a message that waited for retries may have outlived the window.
        const closed = await getService(strapi, 'zalo').windowClosedReason(message.recipient, now());
        if (closed) return { status: 'skipped', now: now(), lastError: closed };
        await getService(strapi, 'zalo').send({ userId: message.recipient, text: message.text });
      } else {
        throw new TransportError(`channel "${message.channel}" has no transport on this node`, { retryable: true });
      }
      return { status: 'sent', now: now() };
    } catch (error) {
      const transportError = error instanceof TransportError ? error : null;
      const lastError = errorText(error);
      if (!transportError) strapi.log.error(`[notifications] message ${message.id}: unexpected error: ${lastError}`);
      const retryable = transportError ? transportError.retryable : true;
      if (!retryable) return { status: 'failed', now: now(), lastError };
      if (message.attempts >= retry.maxAttempts) return { status: 'failed', now: now(), lastError: `gave up after ${message.attempts} attempts: ${lastError}` };
      const at = now();
      return {
        status: 'pending',
        now: at,
        lastError,
        nextAttemptAt: nextAttemptAt({ failedAttempts: message.attempts, firstAttemptAt: message.firstAttemptAt, now: at, baseDelayMs: retry.baseDelayMs }),
      };
    }
  };

  /** Claims one batch and sends it; returns how many messages it handled. */
  const runOnce = async (): Promise<number> => {
    const lockToken = crypto.randomUUID();
    const db = strapi.db.connection;
    const ids = await claimDueMessages(db, { limit: settings.concurrency, now: new Date(), leaseMs: settings.leaseMs, lockToken });
    if (ids.length === 0) return 0;
    const messages = await findClaimedMessages(db, lockToken);
    await Promise.all(
      messages.map(async (message) => {
        const outcome = await attempt(message);
        if (!(await recordMessageOutcome(db, { id: message.id, lockToken }, outcome))) {
          strapi.log.warn(`[notifications] message ${message.id}: lease lost before its outcome (${outcome.status}) was recorded`);
        }
      }),
    );
    return messages.length;
  };

  const loop = createBatchLoop({
    runOnce,
    batchSize: settings.concurrency,
    pollIntervalMs: settings.pollIntervalMs,
    onError: (error) => strapi.log.error(`[notifications] worker: ${errorText(error)}`),
  });

  return {
    /** Starts the timer and a first run (no-op when the worker is disabled on this node). */
    start(): void {
      if (settings.enabled) loop.start();
    },

    /** Asks for a run soon (after the transaction that wrote a message committed). */
    kick(): void {
      // Out of the caller's stack (and of any transaction callback) before touching the database.
      setImmediate(loop.kick);
    },

    /** Stops the timer and waits for the run in progress (its outcomes are recorded). */
    async stop(): Promise<void> {
      await Promise.allSettled([loop.halt()]);
    },
  };
};
