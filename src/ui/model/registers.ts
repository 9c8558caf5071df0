/**
 * The registers a count is made from, as both screens hold them (the pane's "Đếm từ sổ văn bản…"
 * and the web page's tab): each one read (a register, or why it was refused) and, for an outgoing
 * register whose symbols do not tell, the body the clerk chose. A reducer, pure.
 */
import type { Register, RegisterRefusal } from '../../core/count/register';
import type { Template } from '../../core/forms/template';

/** One register read: the file's (or the sheet's) name and the register or its refusal. */
export interface RegisterEntry {
  name: string;
  result: Register | { refusal: RegisterRefusal };
  /** Read from a sheet of the open workbook (the pane), not from a file. */
  fromSheet?: boolean;
}

export interface RegisterListState {
  entries: readonly RegisterEntry[];
  /** The body chosen for an outgoing register, by its name (Biểu 01's local column id). */
  bodies: Readonly<Record<string, string>>;
}

export type RegisterListAction =
  /** Files chosen: they replace the files chosen before (sheets read stay). */
  | { type: 'files'; entries: readonly RegisterEntry[] }
  /** A sheet read: it replaces the same sheet read before, or is added. */
  | { type: 'sheet'; entry: RegisterEntry }
  | { type: 'body'; name: string; body: string }
  /** A register (or a refusal) taken out of the list. */
  | { type: 'remove'; name: string };

export const NO_REGISTERS: RegisterListState = { entries: [], bodies: {} };

function withoutBodies(bodies: Readonly<Record<string, string>>, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(bodies).filter(([k]) => !names.includes(k)));
}

export function registerListReducer(state: RegisterListState, action: RegisterListAction): RegisterListState {
  switch (action.type) {
    case 'files': {
      const kept = state.entries.filter((e) => e.fromSheet === true);
      const entries = [...kept, ...action.entries];
      return { entries, bodies: withoutBodies(state.bodies, state.entries.filter((e) => e.fromSheet !== true).map((e) => e.name)) };
    }
    case 'sheet': {
      const entry = { ...action.entry, fromSheet: true };
      const at = state.entries.findIndex((e) => e.fromSheet === true && e.name === entry.name);
      const entries = at < 0 ? [...state.entries, entry] : state.entries.map((e, i) => (i === at ? entry : e));
      return { entries, bodies: withoutBodies(state.bodies, [entry.name]) };
    }
    case 'body':
      return { ...state, bodies: { ...state.bodies, [action.name]: action.body } };
    case 'remove':
      return { entries: state.entries.filter((e) => e.name !== action.name), bodies: withoutBodies(state.bodies, [action.name]) };
  }
}

/** The registers read, in order. */
export function registersOf(state: RegisterListState): { name: string; register: Register }[] {
  return state.entries.flatMap((e) => ('refusal' in e.result ? [] : [{ name: e.name, register: e.result }]));
}

/** The refusals, in order. */
export function refusalsOf(state: RegisterListState): RegisterRefusal[] {
  return state.entries.flatMap((e) => ('refusal' in e.result ? [e.result.refusal] : []));
}

/** The count's sources: each register with the body chosen for it, if any. */
export function countSourcesOf(state: RegisterListState): { register: Register; body?: string }[] {
  return registersOf(state).map((r) => ({ register: r.register, ...(state.bodies[r.name] ? { body: state.bodies[r.name] } : {}) }));
}

/** Something to count, and nothing refused. */
export function registersReady(state: RegisterListState): boolean {
  return registersOf(state).length > 0 && refusalsOf(state).length === 0;
}

/**
 * The figures counted above zero, in the tables' order, named as the tables name them ("Biểu 01 —
 * Văn bản do Trung ương ban hành, Bộ Chính trị"); a column no template names keeps its ids.
 */
export function figureLines(counts: readonly { table: string; column: string; value: number }[], templates: readonly Template[], lang: 'vi' | 'en'): { key: string; label: string; value: number }[] {
  return counts
    .filter((c) => c.value > 0)
    .map((c) => {
      const t = templates.find((x) => x.id === c.table);
      const group = t?.groups.find((g) => g.columns.some((x) => x.id === c.column));
      const col = group?.columns.find((x) => x.id === c.column);
      const label = t && group && col ? `${t.name[lang]} — ${group.label[lang]}, ${col.label[lang]}` : `${c.table} ${c.column}`;
      return { key: `${c.table}:${c.column}`, label, value: c.value };
    });
}
