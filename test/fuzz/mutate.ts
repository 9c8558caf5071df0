/** Mutators every target can use: bytes (havoc in the manner of AFL) and text. */
import type { Rng } from './prng';
import type { Mutator, Seed } from './target';

const enc = new TextEncoder();
const dec = new TextDecoder('utf-8');

export function utf8(s: string): Uint8Array {
  return enc.encode(s);
}

export function text(b: Uint8Array): string {
  return dec.decode(b);
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const INTERESTING_8 = [0x00, 0x01, 0x7f, 0x80, 0xff, 0x20, 0x3c, 0x3e, 0x22, 0x26];
const INTERESTING_32 = [0, 1, 0x7f, 0x80, 0xff, 0x100, 0xffff, 0x10000, 0x7fffffff, 0x80000000, 0xfffffffe, 0xffffffff];

/** One of the byte-level havoc steps, applied to a copy. */
export function havoc(input: Uint8Array, rng: Rng, seeds: readonly Seed[] = []): Uint8Array {
  const b = input.slice();
  const pos = (): number => rng.int(Math.max(1, b.length));
  switch (rng.int(9)) {
    case 0: {
      if (b.length === 0) return b;
      const p = pos();
      b[p] ^= 1 << rng.int(8);
      return b;
    }
    case 1: {
      if (b.length === 0) return b;
      b[pos()] = rng.pick(INTERESTING_8);
      return b;
    }
    case 2: {
      if (b.length < 4) return b;
      const p = rng.int(b.length - 3);
      const v = rng.pick(INTERESTING_32);
      b[p] = v & 0xff;
      b[p + 1] = (v >>> 8) & 0xff;
      b[p + 2] = (v >>> 16) & 0xff;
      b[p + 3] = (v >>> 24) & 0xff;
      return b;
    }
    case 3: {
      const p = pos();
      return concat(b.subarray(0, p), rng.bytes(rng.size(64)), b.subarray(p));
    }
    case 4: {
      const p = pos();
      const n = rng.size(Math.max(1, Math.min(4096, b.length - p)));
      return concat(b.subarray(0, p), b.subarray(p + n));
    }
    case 5: {
      const p = pos();
      const n = rng.size(Math.max(1, Math.min(4096, b.length - p)));
      const q = pos();
      return concat(b.subarray(0, q), b.subarray(p, p + n), b.subarray(q));
    }
    case 6:
      return b.subarray(0, pos());
    case 7: {
      if (seeds.length === 0) return b;
      const other = rng.pick(seeds).bytes;
      const p = pos();
      const q = rng.int(Math.max(1, other.length));
      return concat(b.subarray(0, p), other.subarray(q));
    }
    default: {
      if (b.length === 0) return b;
      const p = pos();
      const n = rng.size(Math.min(64, b.length - p));
      b.fill(rng.pick(INTERESTING_8), p, p + n);
      return b;
    }
  }
}

export const HAVOC: Mutator = { name: 'havoc', weight: 1, apply: (input, rng, seeds) => havoc(input, rng, seeds) };

/** A text mutator from a function of the decoded text. */
export function textMutator(name: string, weight: number, f: (s: string, rng: Rng) => string): Mutator {
  return { name, weight, apply: (input, rng) => utf8(f(text(input), rng)) };
}

/** `s` with `piece` put in at a random place. */
export function insertAt(s: string, piece: string, rng: Rng): string {
  const p = rng.int(s.length + 1);
  return s.slice(0, p) + piece + s.slice(p);
}

/** A character from awkward classes: separators, quotes, spaces of every kind, marks, surrogates. */
export function awkwardChar(rng: Rng): string {
  return rng.pick([
    '"', "'", ',', ';', '\t', '\n', '\r', '\r\n', '\u0000', '\ufeff', '\u00a0', '\u2009', '\u202f', '\u3000', '\u200b', '\u2028',
    '\u0301', '\u0300', '\u0323', '\ud800', '\udc00', '\ud83d\ude00', '.', '-', '/', '\u2212', '\u2013', '+', 'e', 'E', '0', '9',
    '\uff10', '\u0660', '&', '<', '>', '\\', '$', '^', '*', '(', ')', '[', ']', '{', '}', '|', '?', '%', '#', '=', '@',
  ]);
}

/** A long run of one thing: `n` copies of `unit`. */
export function run(unit: string, n: number): string {
  return unit.repeat(Math.max(0, n));
}
