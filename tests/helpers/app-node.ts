import { spawn, type ChildProcess } from 'child_process';
import path from 'path';

export type AppNode = {
  /** Everything the process printed so far. */
  output: () => string;
  /** Waits for a line starting with `prefix` and returns the rest of it. */
  line: (prefix: string, timeoutMs?: number) => Promise<string>;
  /** SIGKILL: the process dies at once, as in a crash or an OOM kill. */
  kill: () => Promise<void>;
  /** SIGTERM: a clean shutdown. */
  stop: () => Promise<void>;
};

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });

/**
 * Starts another app process (tests/helpers/app-node-process.js) on the current test database, with the
 * parent's environment plus `env`: Strapi keeps one global instance per process, so a second node
 * or a node to kill must be a separate process.
 */
export const startAppNode = (env: Record<string, string | undefined>): AppNode => {
  const childEnv: NodeJS.ProcessEnv = { ...process.env };
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) delete childEnv[key];
    else childEnv[key] = value;
  }
  const child = spawn(process.execPath, [path.join(__dirname, 'app-node-process.js')], { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  return {
    output: () => output,
    line: async (prefix, timeoutMs = 90_000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = output.split('\n').find((line) => line.startsWith(prefix));
        if (found !== undefined) return found.slice(prefix.length).trim() || prefix;
        if (child.exitCode !== null) throw new Error(`app node exited with ${child.exitCode} before "${prefix}": ${output.slice(-2000)}`);
        if (Date.now() > deadline) throw new Error(`timed out waiting for "${prefix}" from the app node: ${output.slice(-2000)}`);
        await delay(100);
      }
    },
    kill: async () => {
      child.kill('SIGKILL');
      await exited(child);
    },
    stop: async () => {
      child.kill('SIGTERM');
      await exited(child);
    },
  };
};
