/**
 * The run loop of an outbox worker (publishing deliveries, notifications): at most one run at a
 * time; a kick during a run asks for one more right after it; a full batch runs again at once
 * (more may be due); a timer polls for what comes due later. Hand-written: it is the few lines of
 * state both outboxes share, and a job library would bring its own tables and process model.
 */
export type BatchLoop = {
  /** Runs once now and then every `pollIntervalMs` (the timer does not keep the process alive). */
  start(): void;
  /** Asks for a run: now, or right after the one in progress. No-op before start or after halt. */
  kick(): void;
  /** Whether `halt` was called. */
  isHalted(): boolean;
  /** Stops the timer and further runs; returns the run in progress, to wait for once its work is interrupted. */
  halt(): Promise<void>;
};

export type BatchLoopOptions = {
  /** Handles one batch; returns how many items it handled. */
  runOnce: () => Promise<number>;
  /** A batch of this many (or more) means more may be due. */
  batchSize: number;
  pollIntervalMs: number;
  /** A run that threw (not called once halted). */
  onError: (error: unknown) => void;
};

export const createBatchLoop = ({ runOnce, batchSize, pollIntervalMs, onError }: BatchLoopOptions): BatchLoop => {
  let started = false;
  let halted = false;
  let running: Promise<void> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | null = null;

  const loop = async () => {
    do {
      again = false;
      try {
        if ((await runOnce()) >= batchSize) again = true;
      } catch (error) {
        if (!halted) onError(error);
      }
    } while (again && !halted);
  };

  const kick = () => {
    if (!started || halted) return;
    if (running) {
      again = true;
      return;
    }
    running = loop().finally(() => {
      running = null;
    });
  };

  const schedule = () => {
    timer = setTimeout(() => {
      kick();
      if (!halted) schedule();
    }, pollIntervalMs);
    timer.unref();
  };

  return {
    start() {
      if (started || halted) return;
      started = true;
      kick();
      schedule();
    },
    kick,
    isHalted: () => halted,
    halt() {
      halted = true;
      if (timer) clearTimeout(timer);
      return running ?? Promise.resolve();
    },
  };
};
