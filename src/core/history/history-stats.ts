/**
 * When a figure stands out from the same unit's earlier periods (`core/history/history`; method in
 * docs/history.md): the ratio rule with one to three earlier figures, the modified z-score
 * (Iglewicz and Hoaglin) with four or more, either only when the change is large in absolute terms.
 */

/** A flow changed by at least this factor, up or down, is flagged (one to three earlier periods, or MAD 0). */
export const RATIO_LIMIT = 3;
/**
 * The same for a stock: a state "up to now" (procedures published) moves slowly from one period to
 * the next, so doubling or halving already stands out.
 */
export const STOCK_RATIO_LIMIT = 2;
/** A modified z-score above this (absolute value) is flagged (four or more earlier periods). */
export const Z_LIMIT = 3.5;
/** From this many earlier figures on, the robust score is used. */
export const ROBUST_FROM = 4;
/** The smallest change flagged, in items over this period (a flow: |rate − usual| × days). */
export const FLOOR = 10;

/** The middle of the figures (the mean of the two middle ones for an even count); NaN for none. */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export interface Verdict {
  usual: number;
  method: 'ratio' | 'robust';
  score: number | null;
  flagged: boolean;
}

/**
 * Whether `x` stands out from the earlier figures `xs` (both rates for a flow, values for a stock).
 * `days`: this period's days for a flow (the floor is counted over them), 1 for a stock;
 * `limit`: the ratio rule's factor.
 */
export function judge(x: number, xs: readonly number[], days: number, limit: number = RATIO_LIMIT): Verdict | null {
  if (xs.length === 0) return null;
  const usual = median(xs);
  const large = Math.abs(x - usual) * days >= FLOOR - 1e-9;
  if (xs.length >= ROBUST_FROM) {
    const mad = median(xs.map((v) => Math.abs(v - usual)));
    if (mad > 0) {
      const score = (0.6745 * (x - usual)) / mad;
      return { usual, method: 'robust', score, flagged: Math.abs(score) > Z_LIMIT && large };
    }
  }
  const hi = Math.max(x, usual);
  const lo = Math.min(x, usual);
  const far = lo <= 0 ? hi > 0 : hi / lo >= limit - 1e-9;
  return { usual, method: 'ratio', score: null, flagged: far && large };
}

