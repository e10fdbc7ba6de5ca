// Child processes of the benchmark (app nodes, the baseline): started on a free 127.0.0.1 port, ready
// when they print READY, stopped by their own pid, with their peak resident memory read from /proc.
const fs = require('fs');
const net = require('net');
const path = require('path');
const { spawn } = require('child_process');

/** A port nothing listens on right now. */
const freePort = () =>
  new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/** Peak resident set size (VmHWM) of a live process, in MB; null once it has exited. */
const peakRssMb = (pid) => {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.round(Number(match[1]) / 1024) : null;
  } catch {
    return null;
  }
};

/**
 * Runs `node [nodeArgs] script` with exactly `env` (nothing inherited) and waits for `READY` (or `until`) on its
 * output. Resolves to a handle; rejects with the end of its output if it exits or times out first.
 */
const startProcess = (label, script, env, { until = 'READY', timeoutMs = 300_000, nodeArgs = [] } = {}) =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, script], { env, cwd: path.resolve(__dirname, '../../..'), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk) => {
      output = (output + chunk.toString()).slice(-20_000);
      const line = output.split('\n').find((candidate) => candidate.startsWith(until));
      if (line !== undefined && !handle.ready) {
        handle.ready = true;
        clearTimeout(timer);
        handle.line = line.slice(until.length).trim();
        resolve(handle);
      }
    };
    const exited = new Promise((done) => child.once('exit', (code) => done(code)));
    const handle = {
      label,
      pid: child.pid,
      ready: false,
      line: '',
      output: () => output,
      exited,
      peakRssMb: () => peakRssMb(child.pid),
      /** SIGTERM (the app shuts down cleanly), SIGKILL after 20 s. */
      async stop() {
        if (child.exitCode !== null || child.signalCode !== null) return;
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
        await exited;
        clearTimeout(killer);
      },
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${label} not ready after ${timeoutMs / 1000} s:\n${output.slice(-3000)}`));
    }, timeoutMs);
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    exited.then((code) => {
      if (handle.ready) return;
      clearTimeout(timer);
      reject(new Error(`${label} exited with ${code} before ${until}:\n${output.slice(-3000)}`));
    });
  });

/** CPU time (user + system) a live process used so far, in seconds (clock ticks of 1/100 s). */
const cpuSeconds = (pid) => {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
};

/**
 * Waits until every process has settled after its boot (background catch-up, radio audio of the demo,
 * the publishing sweep): less than `busyShare` of one core used over a `windowMs` window, at most `timeoutMs`.
 * A case measured while a node still works for itself would measure that work.
 */
const settled = async (handles, { windowMs = 1000, busyShare = 0.05, timeoutMs = 120_000 } = {}) => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const before = handles.map((handle) => cpuSeconds(handle.pid));
    await new Promise((resolve) => setTimeout(resolve, windowMs));
    const busiest = Math.max(...handles.map((handle, i) => cpuSeconds(handle.pid) - before[i]));
    if (busiest < (busyShare * windowMs) / 1000 || Date.now() > deadline) return busiest;
  }
};

module.exports = { cpuSeconds, freePort, peakRssMb, settled, startProcess };
