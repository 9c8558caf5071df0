/**
 * One reader's inputs, run in a worker thread of `npm run fuzz` (test/fuzz/campaign.ts): each input
 * made from the campaign's seed and its index, given to the reader, classified, timed and weighed.
 * Before each input the worker writes its index and start time into shared memory, so the campaign
 * can stop a worker stuck in one input (a hang) and name the input.
 */
import { isMainThread, parentPort, workerData } from 'worker_threads';
import { rngFor } from './prng';
import { generate } from './target';
import { targetNamed } from './registry';
import { installGuard, takeTouched } from './guard';

export interface WorkerJob {
  reader: string;
  seed: number;
  from: number;
  to: number;
  /** Int32Array: see `STATE`. */
  state: SharedArrayBuffer;
  /** Float64Array: see `CLOCK`. */
  clock: SharedArrayBuffer;
}

/** Int32 slots of the shared state: the campaign reads them at any time, even after the worker died. */
export const STATE = { index: 0, busy: 1, iterations: 2, findings: 3, refusals: 4, defects: 5, length: 6 } as const;
/** Float64 slots: the start of the input running (ms since the epoch), the most time and memory so far. */
export const CLOCK = { start: 0, maxMs: 1, maxRssMb: 2, length: 3 } as const;

export interface Tally {
  iterations: number;
  findings: number;
  refusals: number;
  defects: number;
  max_ms: number;
  max_rss_mb: number;
}

export interface DefectMessage {
  type: 'defect';
  index: number;
  note: string;
  input: Uint8Array;
  seed: string;
  mutators: string[];
}

/** An input that takes more than this much processor time (twice) is a defect. */
export const SLOW_MS = 2000;
/**
 * An input that makes the process's resident memory grow by more than this is a defect; the
 * worker's heap is also capped at this size (`resourceLimits`), so an input holding more dies there.
 */
export const MAX_RSS_MB = 256;
const MB = 1024 * 1024;

/**
 * Processor time (user and system) since `from`, in ms: what an input costs, whatever else the
 * machine is busy with (a wall clock on a shared machine would blame the input for the others' work).
 */
function cpuMs(from: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1000;
}

function rssMb(): number {
  return process.memoryUsage.rss() / MB;
}

async function main(): Promise<void> {
  const job = workerData as WorkerJob;
  const target = targetNamed(job.reader);
  if (!target || !parentPort) throw new Error(`no reader ${job.reader}`);
  const port = parentPort;
  const state = new Int32Array(job.state);
  const clock = new Float64Array(job.clock);
  const seeds = await target.seeds();
  // Warm up (modules loaded, caches filled) before the watch on files and network starts.
  for (const s of seeds) await target.run(s.bytes);
  installGuard();
  takeTouched();
  let rejected: unknown = null;
  process.on('unhandledRejection', (e) => {
    rejected = e;
  });
  for (let i = job.from; i < job.to; i++) {
    Atomics.store(state, STATE.index, i);
    const made = generate(target, seeds, rngFor(job.seed, target.name, i));
    const before = rssMb();
    clock[CLOCK.start] = Date.now();
    Atomics.store(state, STATE.busy, 1);
    let t0 = process.cpuUsage();
    let result = await target.run(made.input);
    let ms = cpuMs(t0);
    if (ms > SLOW_MS) {
      // Once more, so that work of the process's other threads at that moment is not taken for a slow input.
      clock[CLOCK.start] = Date.now();
      t0 = process.cpuUsage();
      result = await target.run(made.input);
      ms = Math.min(ms, cpuMs(t0));
    }
    Atomics.store(state, STATE.busy, 0);
    await new Promise<void>((r) => setImmediate(r));
    const rss = rssMb();
    const grew = rss - before;
    const touched = takeTouched();
    let note = result.note;
    let outcome = result.outcome;
    if (touched.length > 0) {
      outcome = 'defect';
      note = `resource touched: ${touched.join('; ')}`;
    } else if (rejected !== null) {
      outcome = 'defect';
      note = `unhandled rejection: ${rejected instanceof Error ? `${rejected.name}: ${rejected.message}` : String(rejected)}`;
      rejected = null;
    } else if (ms > SLOW_MS) {
      outcome = 'defect';
      note = `slow: ${Math.round(ms)} ms (${note})`;
    } else if (grew > MAX_RSS_MB) {
      outcome = 'defect';
      note = `memory: the process grew by ${Math.round(grew)} MB (${note})`;
    }
    clock[CLOCK.maxMs] = Math.max(clock[CLOCK.maxMs], ms);
    clock[CLOCK.maxRssMb] = Math.max(clock[CLOCK.maxRssMb], rss);
    if (outcome === 'finding') Atomics.add(state, STATE.findings, 1);
    else if (outcome === 'refusal') Atomics.add(state, STATE.refusals, 1);
    else {
      const message: DefectMessage = { type: 'defect', index: i, note, input: made.input, seed: made.seed, mutators: made.mutators };
      port.postMessage(message);
      Atomics.add(state, STATE.defects, 1);
    }
    Atomics.add(state, STATE.iterations, 1);
  }
  port.postMessage({ type: 'done' });
}

// Run only as the campaign's worker (the campaign imports this file for its shared slots).
if (!isMainThread && (workerData as WorkerJob | null)?.reader !== undefined) {
  main().catch((e: unknown) => {
    // Seeds or warm-up failed: the campaign reports it.
    throw e;
  });
}
