/**
 * `npm run fuzz [-- --reader NAME] [--iterations N] [--seed S]`: the campaign. Each reader of
 * `registry.ts` runs its inputs 0..N−1 (input `i` made from seed S and `i` alone) in a worker
 * thread; a watchdog stops a worker stuck in one input for more than `HANG_MS` and carries on from
 * the next input. Each input ends in a finding, a refusal or a defect (an exception the reader did
 * not type, a broken promise of the reader, more than 2 s of processor time, resident memory grown
 * by more than 256 MB, a hang, the worker dying). One JSON line per reader on stdout:
 * `{reader, iterations, findings, refusals, defects, max_ms, max_rss_mb}`; each defect on stderr
 * and its input saved under `--save DIR` (default test-output/fuzz/); exit 1 on any defect.
 *
 * `--only I` runs input I of one reader in this thread and prints how it ended (`--out FILE` keeps
 * the input): the way to reproduce a defect. `--replay FILE` gives a file to the reader.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import { join, resolve } from 'path';
import { Worker } from 'worker_threads';
import { rngFor } from './prng';
import { generate, type FuzzTarget } from './target';
import { TARGETS, targetNamed } from './registry';
import { CLOCK, MAX_RSS_MB, STATE, type DefectMessage, type Tally, type WorkerJob } from './worker';

/**
 * A worker busy with one input this long (wall clock, generous: the machine may be shared) is
 * stopped: the input is a hang.
 */
export const HANG_MS = 60000;
/** How often a long campaign says how far it is (stderr). */
const PROGRESS_MS = 60000;

interface Options {
  readers: FuzzTarget[];
  iterations: number;
  seed: number;
  save: string;
  only: number | null;
  replay: string | null;
  out: string | null;
}

function usage(message: string): never {
  process.stderr.write(`fuzz: ${message}\nusage: npm run fuzz -- [--reader ${TARGETS.map((t) => t.name).join('|')}] [--iterations N] [--seed S] [--save DIR] [--only I [--out FILE]] [--replay FILE]\n`);
  process.exit(2);
}

function parse(argv: string[]): Options {
  const o: Options = { readers: [...TARGETS], iterations: 1000, seed: 1, save: 'test-output/fuzz', only: null, replay: null, out: null };
  const names: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const eq = a.indexOf('=');
    const key = eq > 0 ? a.slice(0, eq) : a;
    const value = (): string => {
      const v = eq > 0 ? a.slice(eq + 1) : argv[++i];
      if (v === undefined) usage(`${key} needs a value`);
      return v;
    };
    const whole = (v: string): number => {
      if (!/^\d+$/.test(v)) usage(`${key} takes a whole number, not ${v}`);
      return Number(v);
    };
    if (key === '--reader') names.push(...value().split(','));
    else if (key === '--iterations') o.iterations = whole(value());
    else if (key === '--seed') o.seed = whole(value());
    else if (key === '--save') o.save = value();
    else if (key === '--only') o.only = whole(value());
    else if (key === '--out') o.out = value();
    else if (key === '--replay') o.replay = value();
    else usage(`unknown argument ${a}`);
  }
  if (names.length > 0) {
    o.readers = names.map((n) => targetNamed(n) ?? usage(`no reader ${n}`));
  }
  if ((o.only !== null || o.replay !== null) && o.readers.length !== 1) usage('--only and --replay take one --reader');
  return o;
}

/** Input `index` of `target` under `seed`, made as the worker makes it. */
export async function inputOf(target: FuzzTarget, seed: number, index: number): Promise<ReturnType<typeof generate>> {
  return generate(target, await target.seeds(), rngFor(seed, target.name, index));
}

function startWorker(job: WorkerJob): Worker {
  const file = join(__dirname, 'worker.ts');
  // The worker loads TypeScript as this process does (tsx).
  return new Worker(`require('tsx/cjs'); require(${JSON.stringify(file)});`, { eval: true, workerData: job, resourceLimits: { maxOldGenerationSizeMb: MAX_RSS_MB } });
}

/** One reader's campaign: its figures, each defect told on stderr and its input saved. */
export async function campaign(target: FuzzTarget, iterations: number, seed: number, save: string): Promise<Tally> {
  const stateBuf = new SharedArrayBuffer(4 * STATE.length);
  const clockBuf = new SharedArrayBuffer(8 * CLOCK.length);
  const state = new Int32Array(stateBuf);
  const clock = new Float64Array(clockBuf);
  const saveDefect = (d: Omit<DefectMessage, 'type'>): void => {
    mkdirSync(save, { recursive: true });
    const base = join(save, `${target.name}-s${seed}-i${d.index}`);
    writeFileSync(`${base}.${target.ext}`, d.input);
    writeFileSync(`${base}.defect.json`, `${JSON.stringify({ reader: target.name, seed, index: d.index, note: d.note, from: d.seed, mutators: d.mutators }, null, 2)}\n`);
    process.stderr.write(`fuzz: ${target.name} defect at input ${d.index} (seed ${seed}): ${d.note}\n  input: ${resolve(`${base}.${target.ext}`)}\n  again: npm run fuzz -- --reader ${target.name} --seed ${seed} --only ${d.index}\n`);
  };
  let from = 0;
  let lastProgress = Date.now();
  while (from < iterations) {
    Atomics.store(state, STATE.busy, 0);
    const worker = startWorker({ reader: target.name, seed, from, to: iterations, state: stateBuf, clock: clockBuf });
    const stopped = await new Promise<{ index: number; why: string } | null>((done) => {
      let why: string | null = null;
      const watch = setInterval(() => {
        if (Date.now() - lastProgress > PROGRESS_MS) {
          lastProgress = Date.now();
          process.stderr.write(`fuzz: so far ${JSON.stringify({ reader: target.name, ...tally() })}\n`);
        }
        if (Atomics.load(state, STATE.busy) === 1 && Date.now() - clock[CLOCK.start] > HANG_MS) {
          why = `hang: still running after ${HANG_MS} ms`;
          void worker.terminate();
        }
      }, 100);
      let finished = false;
      worker.on('message', (m: DefectMessage | { type: 'done' }) => {
        if (m.type === 'defect') saveDefect(m);
        else finished = true;
      });
      worker.on('error', (e) => {
        why = `the worker died: ${e.name}: ${e.message.split('\n')[0]}`;
      });
      worker.on('exit', () => {
        clearInterval(watch);
        if (Atomics.load(state, STATE.iterations) === 0 && Atomics.load(state, STATE.busy) === 0 && why !== null && why.startsWith('the worker died')) {
          process.stderr.write(`fuzz: ${target.name}: ${why} outside any input (seeds or warm-up)\n`);
          process.exit(2);
        }
        done(finished ? null : { index: Atomics.load(state, STATE.index), why: why ?? 'the worker exited in the middle of an input' });
      });
    });
    if (!stopped) break;
    // The input the worker was stuck in or died on: a defect; the campaign goes on from the next one.
    const made = await inputOf(target, seed, stopped.index);
    saveDefect({ index: stopped.index, note: stopped.why, input: made.input, seed: made.seed, mutators: made.mutators });
    Atomics.add(state, STATE.defects, 1);
    Atomics.add(state, STATE.iterations, 1);
    clock[CLOCK.maxMs] = Math.max(clock[CLOCK.maxMs], Date.now() - clock[CLOCK.start]);
    from = stopped.index + 1;
  }
  return tally();

  function tally(): Tally {
    return {
      iterations: Atomics.load(state, STATE.iterations),
      findings: Atomics.load(state, STATE.findings),
      refusals: Atomics.load(state, STATE.refusals),
      defects: Atomics.load(state, STATE.defects),
      max_ms: Math.round(clock[CLOCK.maxMs] * 10) / 10,
      max_rss_mb: Math.round(clock[CLOCK.maxRssMb]),
    };
  }
}

export async function main(argv: string[]): Promise<number> {
  const o = parse(argv);
  if (o.only !== null || o.replay !== null) {
    const target = o.readers[0];
    const made = o.replay !== null ? { input: new Uint8Array(readFileSync(o.replay)), seed: o.replay, mutators: [] as string[] } : await inputOf(target, o.seed, o.only as number);
    if (o.out) writeFileSync(o.out, made.input);
    const t0 = performance.now();
    const result = await target.run(made.input);
    const ms = Math.round(performance.now() - t0);
    process.stdout.write(`${JSON.stringify({ reader: target.name, index: o.only, from: made.seed, mutators: made.mutators, bytes: made.input.length, ...result, ms })}\n`);
    return result.outcome === 'defect' ? 1 : 0;
  }
  let defects = 0;
  for (const target of o.readers) {
    const t = await campaign(target, o.iterations, o.seed, o.save);
    defects += t.defects;
    process.stdout.write(`${JSON.stringify({ reader: target.name, ...t })}\n`);
  }
  return defects > 0 ? 1 : 0;
}
