/**
 * Admission: which of the sources given to a consolidation or a roll-up are taken in, and if the
 * set is refused, why — before a figure is added. One step for both operations: the rules they
 * share (unreadable files, files with error findings, files without a table) and each one's own
 * (consolidation: one period, each unit once; roll-up: `core/combine/rollup-rules`) say what they find as
 * typed refusals (`kind`, the files) and per-source notes; every word comes from the catalogue
 * (`core/combine/admission-words`). Summing (`consolidate`, `rollUp`) runs only on what is admitted.
 */
import type { Template, Text } from '../forms/template';
import type { SourceResult, SourceSummary } from './consolidate';
import { DEFAULT_SWITCH, NOTE_WORDS, REFUSAL_WORDS, periodWords, type AdmissionId, type Operation } from './admission-words';
import { unitKey } from '../units';


/** Why the sources are not combined: the rule's id, the files concerned (as given), the sentence. */
export interface AdmissionRefusal {
  kind: AdmissionId;
  files: string[];
  message: Text;
}

export interface AdmitOptions {
  templates: readonly Template[];
  /** Include sources with error findings (flagged); consolidation also goes on without unreadable ones. */
  allowErrors?: boolean;
  /** How the caller names the switch that sets `allowErrors` (default `--allow-errors`). */
  allowErrorsSwitch?: Text;
}

/** What a rule is given: the readable sources, the options, and how to refuse and note. */
export interface RuleContext {
  op: Operation;
  readable: readonly SourceSummary[];
  unreadable: readonly SourceSummary[];
  options: AdmitOptions;
  /** The switch's name as the words give it. */
  sw: Text;
  refuse(kind: AdmissionId, files: string[], message: Text): void;
  /** Adds a note to the source's (after any it has: "…; …"). */
  note(s: SourceSummary, t: Text): void;
}

/** One rule of admission: it looks at the sources and refuses or notes through the context. */
export type AdmissionRule = (ctx: RuleContext) => void;

export interface Admission {
  /** Non-empty: nothing is combined. */
  refusals: AdmissionRefusal[];
  /** The sources to combine, in the order given; empty when refused. */
  admitted: SourceSummary[];
  /** Each source's note so far (flags and the "stopped" note are added by `sourceResults`). */
  notes: Map<SourceSummary, Text>;
}

/** A source with an empty table has errors even if its caller counted none: never summed silently. */
export function hasErrors(s: SourceSummary): boolean {
  return s.errors > 0 || s.emptyTables.length > 0;
}

/** The note of a source with errors: their number, its empty tables named. */
export function errorNote(s: SourceSummary): Text {
  return NOTE_WORDS.errors(Math.max(s.errors, s.emptyTables.length), NOTE_WORDS.emptyTables(s.emptyTables));
}

/** A file as a refusal lists it: with its empty tables named. */
function named(s: SourceSummary): Text {
  return NOTE_WORDS.named(s.file, NOTE_WORDS.emptyTables(s.emptyTables));
}

// ---------------------------------------------------------------------------------------------
// The rules both operations have

/** Unreadable files: consolidation goes on without them when errors are allowed. */
export const unreadableUnlessAllowed: AdmissionRule = (ctx) => {
  if (ctx.options.allowErrors === true || ctx.unreadable.length === 0) return;
  ctx.refuse('unreadable', ctx.unreadable.map((s) => s.file), REFUSAL_WORDS.unreadable(ctx.op, ctx.unreadable.map((s) => s.file), ctx.sw));
};

/** Unreadable files, always refused (a roll-up without them would miss their periods). */
export const unreadableRefused: AdmissionRule = (ctx) => {
  if (ctx.unreadable.length === 0) return;
  ctx.refuse('unreadable', ctx.unreadable.map((s) => s.file), REFUSAL_WORDS.unreadable(ctx.op, ctx.unreadable.map((s) => s.file), ctx.sw));
};

/** Files with error findings (or an empty table): refused unless errors are allowed. */
export const withoutErrors: AdmissionRule = (ctx) => {
  const withErrors = ctx.readable.filter(hasErrors);
  if (ctx.options.allowErrors === true || withErrors.length === 0) return;
  ctx.refuse('errors', withErrors.map((s) => s.file), REFUSAL_WORDS.errors(ctx.op, withErrors.map(named), ctx.sw));
  for (const s of withErrors) ctx.note(s, errorNote(s));
};

// ---------------------------------------------------------------------------------------------
// Consolidation's own

/** Groups items by a key, in order of first appearance. */
export function groupBy<T>(items: readonly T[], key: (x: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const x of items) {
    const k = key(x);
    const l = out.get(k);
    if (l) l.push(x);
    else out.set(k, [x]);
  }
  return out;
}

/** Every readable source of one report period. */
export const onePeriod: AdmissionRule = (ctx) => {
  const byPeriod = groupBy(ctx.readable, (s) => (s.period ? `${s.period.from}/${s.period.to}` : ''));
  if (byPeriod.size <= 1) return;
  const parts = [...byPeriod.values()].map((l) => ({ what: periodWords(l[0].period), files: l.map((s) => s.file) }));
  ctx.refuse('period', ctx.readable.map((s) => s.file), REFUSAL_WORDS.periods(parts));
  for (const s of ctx.readable) ctx.note(s, NOTE_WORDS.periodDiffers(s.period));
};

/** Each unit in one file only. */
export const eachUnitOnce: AdmissionRule = (ctx) => {
  for (const l of groupBy(ctx.readable, (s) => unitKey(s.label)).values()) {
    if (l.length < 2) continue;
    const files = l.map((s) => s.file);
    ctx.refuse('duplicate', files, REFUSAL_WORDS.duplicate(l[0].label, files));
    for (const s of l) ctx.note(s, NOTE_WORDS.sameUnit(files.filter((f) => f !== s.file)));
  }
};

// ---------------------------------------------------------------------------------------------
// The step

export interface Policy {
  op: Operation;
  /** The rules, in the order their refusals are listed. */
  rules: readonly AdmissionRule[];
  /** Readable sources without a table refused (a roll-up would miss their periods) rather than left out. */
  tablelessRefused: boolean;
}

export const CONSOLIDATION: Policy = { op: 'consolidate', rules: [onePeriod, eachUnitOnce, unreadableUnlessAllowed, withoutErrors], tablelessRefused: false };

/** Decides which sources are combined, or refuses the set (refusals name the files). */
export function admit(sources: readonly SourceSummary[], policy: Policy, options: AdmitOptions): Admission {
  const refusals: AdmissionRefusal[] = [];
  const notes = new Map<SourceSummary, Text>();
  const ctx: RuleContext = {
    op: policy.op,
    readable: sources.filter((s) => s.readError === null),
    unreadable: sources.filter((s) => s.readError !== null),
    options,
    sw: options.allowErrorsSwitch ?? DEFAULT_SWITCH,
    refuse: (kind, files, message) => refusals.push({ kind, files, message }),
    note: (s, t) => {
      const old = notes.get(s);
      notes.set(s, old ? NOTE_WORDS.and(old, t) : t);
    },
  };
  for (const rule of policy.rules) rule(ctx);
  for (const s of ctx.unreadable) notes.set(s, s.readError as Text);
  if (refusals.length > 0) return { refusals, admitted: [], notes };
  const tableless = ctx.readable.filter((s) => s.tables.length === 0);
  for (const s of tableless) ctx.note(s, NOTE_WORDS.noTable());
  const admitted = ctx.readable.filter((s) => s.tables.length > 0);
  if (admitted.length === 0) ctx.refuse('empty', sources.map((s) => s.file), REFUSAL_WORDS.empty(policy.op));
  else if (policy.tablelessRefused && tableless.length > 0) ctx.refuse('tables', tableless.map((s) => s.file), REFUSAL_WORDS.tableless(tableless.map((s) => s.file)));
  return { refusals, admitted: refusals.length > 0 ? [] : admitted, notes };
}

/** How a source stands in a summary (consolidation or roll-up): who and what it is, included or not and why. */
export function sourceResult(s: SourceSummary, included: boolean, reason: Text | null): SourceResult {
  return {
    file: s.file,
    unit: s.label,
    included,
    errors: s.errors,
    warnings: s.warnings,
    sha256: s.sha256,
    reason,
    readable: s.readError === null,
    reportNo: s.reportNo,
    reportDate: s.reportDate,
    period: s.period,
  };
}

/** The sources as a summary lists them (in `order`), each with its note: flagged when admitted with errors, "stopped" when left out for the others. */
export function sourceResults(order: readonly SourceSummary[], a: Admission, op: Operation, sw: Text = DEFAULT_SWITCH): SourceResult[] {
  const admitted = new Set(a.admitted);
  return order.map((s) => {
    const inc = admitted.has(s);
    let reason = a.notes.get(s) ?? null;
    if (inc && hasErrors(s)) reason = NOTE_WORDS.flagged(op, errorNote(s), sw);
    if (!inc && reason === null) reason = NOTE_WORDS.stopped(op);
    return sourceResult(s, inc, reason);
  });
}
