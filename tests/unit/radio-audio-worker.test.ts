import type { Core } from '@strapi/strapi';
import { startAudioWorker } from '../../src/api/radio-script/audio/worker';

type Deferred = { promise: Promise<boolean>; resolve: (more: boolean) => void; reject: (error: Error) => void };
const deferred = (): Deferred => {
  let resolve: (more: boolean) => void = () => undefined;
  let reject: (error: Error) => void = () => undefined;
  const promise = new Promise<boolean>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
};

/** A worker over a fake radio service whose every `renderNextPending` call waits for the test to answer it. */
const setUp = () => {
  const calls: Deferred[] = [];
  const errors: string[] = [];
  const strapi = {
    config: { get: () => 3_600_000 },
    service: () => ({
      renderNextPending: () => {
        const call = deferred();
        calls.push(call);
        return call.promise;
      },
    }),
    log: { error: (message: string) => errors.push(message) },
  } as unknown as Core.Strapi;
  const worker = startAudioWorker(strapi);
  /** Lets the worker's pending promise callbacks run (no timer involved). */
  const flush = async () => {
    for (let i = 0; i < 10; i += 1) await Promise.resolve();
  };
  return { worker, calls, errors, flush };
};

describe('the radio audio worker', () => {
  it('looks again when kicked during a run, so audio queued meanwhile is not left for the next tick', async () => {
    const { worker, calls, flush } = setUp();
    worker.kick();
    expect(calls).toHaveLength(1);
    worker.kick(); // queued while the first look is in progress
    calls[0].resolve(false);
    await flush();
    expect(calls).toHaveLength(2);
    calls[1].resolve(false);
    await worker.idle();
    expect(worker.busy()).toBe(false);
    await worker.stop();
  });

  it('keeps one run at a time', async () => {
    const { worker, calls, flush } = setUp();
    worker.kick();
    worker.kick();
    worker.kick();
    await flush();
    expect(calls).toHaveLength(1);
    calls[0].resolve(false);
    await flush();
    calls[1].resolve(false);
    await worker.stop();
    expect(calls).toHaveLength(2);
  });

  it('is idle only once the run in progress has finished, even when a later kick joined it', async () => {
    const { worker, calls, flush } = setUp();
    worker.kick();
    let idle = false;
    const waiting = worker.idle().then(() => {
      idle = true;
    });
    worker.kick();
    calls[0].resolve(false);
    await flush();
    expect(idle).toBe(false);
    calls[1].resolve(false);
    await waiting;
    expect(idle).toBe(true);
    await worker.stop();
  });

  it('makes stop() wait for the run in progress, whoever started it', async () => {
    const { worker, calls, flush } = setUp();
    worker.kick();
    worker.kick();
    let stopped = false;
    const stopping = worker.stop().then(() => {
      stopped = true;
    });
    await flush();
    expect(stopped).toBe(false);
    calls[0].resolve(true);
    await stopping;
    expect(stopped).toBe(true);
    worker.kick();
    expect(calls).toHaveLength(1);
  });

  it('does not lose a kick that arrived while a render failed', async () => {
    const { worker, calls, errors, flush } = setUp();
    worker.kick();
    worker.kick();
    calls[0].reject(new Error('database is locked'));
    await flush();
    expect(errors).toEqual(['[radio] audio worker: database is locked']);
    expect(calls).toHaveLength(2);
    calls[1].resolve(false);
    await worker.stop();
  });
});
