/**
 * Pack JSON (`parsePack` of src/core/forms/pack, then for a valid pack each template laid out with its
 * sample and checked, as `bieumau new --pack` and the checks would): deep nesting, huge arrays,
 * `__proto__` and `constructor` keys and ids, types swapped, keys dropped or repeated, broken JSON.
 * After every input, `Object.prototype` and `Array.prototype` must be as they were.
 */
import { parsePack } from '../../../src/core/forms/pack';
import { BUILTIN_CATALOG } from '../../../src/core/forms/builtin';
import { layout } from '../../../src/core/forms/layout';
import { validateWorkbook } from '../../../src/core/check/validate';
import { readPlan } from '../../support/plan-read';
import { HAVOC, awkwardChar, run, text, textMutator, utf8 } from '../mutate';
import type { Rng } from '../prng';
import { defect, defectOf, finding, refusal, type FuzzTarget, type Mutator } from '../target';
import { packSeeds } from '../seeds';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Marks the place of a textual replacement inside JSON.stringify's output. */
const HOLE = '\u0000HOLE\u0000';

const KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', 'polluted'];
const ID_VALUES = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', 'prototype', '__proto__', 'constructor.prototype', 'constructor.prototype.polluted', 'a.__proto__', 'isPrototypeOf'];

/** Every container of the tree, with the path to it, at most `limit`. */
function containers(root: Json, limit = 5000): (Json[] | { [k: string]: Json })[] {
  const out: (Json[] | { [k: string]: Json })[] = [];
  const stack: Json[] = [root];
  while (stack.length > 0 && out.length < limit) {
    const v = stack.pop() as Json;
    if (v !== null && typeof v === 'object') {
      out.push(v);
      for (const x of Array.isArray(v) ? v : Object.values(v)) stack.push(x);
    }
  }
  return out;
}

function keysOf(c: Json[] | { [k: string]: Json }): (string | number)[] {
  return Array.isArray(c) ? c.map((_, i) => i) : Object.keys(c);
}

function setAt(c: Json[] | { [k: string]: Json }, k: string | number, v: Json): void {
  if (Array.isArray(c)) c[k as number] = v;
  else Object.defineProperty(c, k as string, { value: v, enumerable: true, writable: true, configurable: true });
}

/** A mutator of the parsed tree; `hole` text, when given, replaces the marked value in the JSON text. */
function treeMutator(name: string, weight: number, f: (root: Json, rng: Rng) => string | void): Mutator {
  return {
    name,
    weight,
    apply(input, rng) {
      let root: Json;
      try {
        root = JSON.parse(text(input).replace(/^\ufeff/, '')) as Json;
      } catch {
        return input;
      }
      const hole = f(root, rng);
      const out = JSON.stringify(root);
      return utf8(hole === undefined ? out : out.replace(JSON.stringify(HOLE), () => hole));
    },
  };
}

function somewhere(root: Json, rng: Rng): { c: Json[] | { [k: string]: Json }; k: string | number } | null {
  const cs = containers(root).filter((c) => keysOf(c).length > 0);
  if (cs.length === 0) return null;
  const c = rng.pick(cs);
  return { c, k: rng.pick(keysOf(c)) };
}

export const PACK_MUTATORS: Mutator[] = [
  { ...HAVOC, weight: 2 },
  textMutator('json-junk', 2, (s, rng) => {
    const p = rng.int(s.length + 1);
    return s.slice(0, p) + rng.pick(['{', '}', '[', ']', ',', ':', '"', '\\', '\\u', '\\ud800', 'null', '1e999', '-0', 'NaN', awkwardChar(rng)]) + s.slice(p);
  }),
  treeMutator('deep-nesting', 2, (root, rng) => {
    const at = somewhere(root, rng);
    if (!at) return;
    setAt(at.c, at.k, HOLE);
    const n = rng.size(100000);
    return rng.chance(0.5) ? run('[', n) + run(']', n) : run('{"a":', n) + '1' + run('}', n);
  }),
  treeMutator('huge-array', 1, (root, rng) => {
    const at = somewhere(root, rng);
    if (!at) return;
    setAt(at.c, at.k, HOLE);
    const n = rng.size(200000);
    const item = rng.pick(['0', '1', '"a"', '{}', '[]', 'null', '{"kind":"entry","id":"a","label":{"vi":"a","en":"a"}}']);
    return `[${Array<string>(n).fill(item).join(',')}]`;
  }),
  treeMutator('proto-keys', 4, (root, rng) => {
    const cs = containers(root).filter((c) => !Array.isArray(c)) as { [k: string]: Json }[];
    if (cs.length === 0) return;
    const c = rng.pick(cs);
    const key = rng.pick(KEYS);
    setAt(c, key, rng.pick<Json>([{ polluted: 'yes' }, { prototype: { polluted: 'yes' } }, 'polluted', 1, null, [], { toString: 'x' }]));
  }),
  treeMutator('proto-ids', 4, (root, rng) => {
    const cs = containers(root).filter((c) => !Array.isArray(c) && ('id' in c || 'template' in c || 'column' in c)) as { [k: string]: Json }[];
    if (cs.length === 0) return;
    const c = rng.pick(cs);
    const key = ['id', 'template', 'column'].find((k) => k in c) as string;
    c[key] = rng.pick(ID_VALUES);
  }),
  treeMutator('swap-type', 4, (root, rng) => {
    const at = somewhere(root, rng);
    if (at) setAt(at.c, at.k, rng.pick<Json>([null, true, 0, -1, 1.5, 1e308, '', ' ', 'x', [], {}, [[]], { vi: '', en: '' }, Number.MAX_SAFE_INTEGER + 2]));
  }),
  treeMutator('drop-key', 3, (root, rng) => {
    const at = somewhere(root, rng);
    if (!at) return;
    if (Array.isArray(at.c)) at.c.splice(at.k as number, 1);
    else delete at.c[at.k as string];
  }),
  treeMutator('duplicate-item', 3, (root, rng) => {
    const arrays = containers(root).filter((c) => Array.isArray(c) && c.length > 0) as Json[][];
    if (arrays.length === 0) return;
    const a = rng.pick(arrays);
    const x = rng.pick(a);
    a.splice(rng.int(a.length + 1), 0, ...Array<Json>(rng.size(200)).fill(JSON.parse(JSON.stringify(x)) as Json));
  }),
  treeMutator('odd-text', 3, (root, rng) => {
    const cs = containers(root);
    const strings: { c: Json[] | { [k: string]: Json }; k: string | number }[] = [];
    for (const c of cs) for (const k of keysOf(c)) if (typeof (c as Record<string | number, Json>)[k] === 'string') strings.push({ c, k });
    if (strings.length === 0) return;
    const s = rng.pick(strings);
    setAt(s.c, s.k, rng.pick(['(.*)+$', '[a-z', '\\', '^$|', '.*', 'a{1,99999}', run('(a+)+', 50), run(' ', rng.size(100000)), run('Đ', rng.size(5000)), '\ud800', 'History', "'", 'B01', '%s %d {0}']));
  }),
  treeMutator('duplicate-key-text', 1, (root, rng) => {
    const cs = containers(root).filter((c) => !Array.isArray(c) && Object.keys(c).length > 0) as { [k: string]: Json }[];
    if (cs.length === 0) return;
    const c = rng.pick(cs);
    const k = rng.pick(Object.keys(c));
    setAt(c, k, HOLE);
    return `${JSON.stringify(rng.pick<Json>(['x', 1, null, {}]))},${JSON.stringify(k)}:${JSON.stringify(rng.pick<Json>(['y', 2, [], { vi: 'a', en: 'b' }]))}`;
  }),
];

const PROTO_KEYS = (o: object): string => Object.getOwnPropertyNames(o).sort().join(',');
const OBJECT_KEYS = PROTO_KEYS(Object.prototype);
const ARRAY_KEYS = PROTO_KEYS(Array.prototype);

/** Object.prototype and Array.prototype as they were before any pack was read; a message when not. */
export function prototypesPolluted(): string | null {
  if (PROTO_KEYS(Object.prototype) !== OBJECT_KEYS) return `Object.prototype changed: ${PROTO_KEYS(Object.prototype)}`;
  if (PROTO_KEYS(Array.prototype) !== ARRAY_KEYS) return `Array.prototype changed`;
  if (({} as Record<string, unknown>).polluted !== undefined) return 'Object.prototype.polluted is set';
  return null;
}

export const packTarget: FuzzTarget = {
  name: 'pack',
  description: "pack JSON (parsePack); a valid pack's templates laid out with their samples and checked",
  ext: 'json',
  seeds: packSeeds,
  mutators: PACK_MUTATORS,
  maxStack: 3,
  async run(input) {
    try {
      const checked = parsePack(text(input));
      let result;
      if (!checked.ok) {
        result = refusal('notJson' in checked ? checked.notJson.en : `${checked.faults.length} faults: ${checked.faults[0]?.code}`);
      } else {
        const catalog = BUILTIN_CATALOG.with([checked.pack]);
        const tables = checked.pack.templates.map((t) => {
          const template = catalog.find(checked.pack.id, t.id, t.version) ?? t;
          return readPlan(layout(template, { values: template.sample }), template);
        });
        const findings = validateWorkbook({ tables }, { catalog });
        result = finding(`${tables.length} templates, ${findings.length} findings`);
      }
      const polluted = prototypesPolluted();
      return polluted ? defect(polluted) : result;
    } catch (e) {
      return defectOf(e);
    }
  },
};
