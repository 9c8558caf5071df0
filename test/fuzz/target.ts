/**
 * What a fuzz target is: one reader of the product, the real inputs it starts from (seeds), the
 * ways an input is broken (mutators), and `run`, which gives one input to the reader and says how
 * it ended:
 * - `finding`: the reader read it and said what it holds (tables and their findings, a units list,
 *   a pack, a date or a number);
 * - `refusal`: the reader refused it with its own typed error (a `WorkbookReadError`, a
 *   `UnitsListError`, a pack's faults, "not a date"), whose message the user sees;
 * - `defect`: anything else: another exception, a broken promise of the reader (a prototype
 *   polluted, a resource fetched, a value that does not round-trip). The campaign adds the
 *   defects it measures itself: more than 2 s, more than 256 MB, a hang.
 * `scripts/fuzz.ts` runs the targets of `registry.ts`; test/unit/fuzz-corpus.test.ts replays the
 * inputs kept under `test/fuzz/corpus/<name>/` through the same `run`.
 */
import type { Rng } from './prng';

export type Outcome = 'finding' | 'refusal' | 'defect';

export interface RunResult {
  outcome: Outcome;
  /** What was found, refused or went wrong, in a few words (an error's name and message for a defect). */
  note: string;
}

/** One way of breaking an input: from the seed (or the input so far) to a new input. */
export interface Mutator {
  name: string;
  /** Relative weight among the target's mutators. */
  weight: number;
  apply(input: Uint8Array, rng: Rng, seeds: readonly Seed[]): Uint8Array;
}

export interface Seed {
  name: string;
  bytes: Uint8Array;
}

export interface FuzzTarget {
  /** `--reader NAME`; also the corpus folder `test/fuzz/corpus/NAME/`. */
  name: string;
  /** What is read, for the report and docs/reliability.md. */
  description: string;
  /** File name ending of a kept input (`xlsx`, `csv`, `json`, `txt`). */
  ext: string;
  /** The real inputs the campaign starts from (deterministic: the same bytes on every run). */
  seeds(): Promise<Seed[]>;
  mutators: readonly Mutator[];
  /** At most this many mutators are stacked on one input (1 to maxStack, small counts more often). */
  maxStack: number;
  /** Gives the input to the reader; never throws (an exception is caught and told as a defect). */
  run(input: Uint8Array): Promise<RunResult>;
}

export function finding(note: string): RunResult {
  return { outcome: 'finding', note };
}

export function refusal(note: string): RunResult {
  return { outcome: 'refusal', note };
}

export function defect(note: string): RunResult {
  return { outcome: 'defect', note };
}

/** An unexpected exception as a defect: its name and first line. */
export function defectOf(e: unknown): RunResult {
  if (e instanceof Error) return defect(`${e.name}: ${e.message.split('\n')[0].slice(0, 300)}`);
  return defect(`thrown: ${String(e).slice(0, 300)}`);
}

/** The size beyond which an input gets no further mutator (32 MB). */
export const MAX_MADE_BYTES = 32 * 1024 * 1024;

/**
 * Input `index` of a campaign: a seed chosen, then 1..maxStack mutators applied in turn, each
 * picked by weight. Deterministic in `rng`.
 */
export function generate(target: FuzzTarget, seeds: readonly Seed[], rng: Rng): { input: Uint8Array; seed: string; mutators: string[] } {
  const seed = rng.pick(seeds);
  let input = seed.bytes;
  const applied: string[] = [];
  const total = target.mutators.reduce((s, m) => s + m.weight, 0);
  const n = rng.size(target.maxStack);
  for (let k = 0; k < n; k++) {
    // An input already this large gets no more mutators: stacked growth (a 10 MB line copied fifty
    // times) would fill the campaign's own memory, not test a reader.
    if (input.length > MAX_MADE_BYTES) break;
    let x = rng.int(total);
    let m = target.mutators[0];
    for (const candidate of target.mutators) {
      if (x < candidate.weight) {
        m = candidate;
        break;
      }
      x -= candidate.weight;
    }
    try {
      input = m.apply(input, rng, seeds);
      applied.push(m.name);
    } catch {
      // A mutator that cannot apply to this input (it no longer parses, it would not fit in memory) leaves it as it is.
    }
  }
  return { input, seed: seed.name, mutators: applied };
}
