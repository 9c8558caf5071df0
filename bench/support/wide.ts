/**
 * What the in-memory benchmarks share: a table of every commune of the country (3,321 rows) by 20
 * entry columns, and the median of timed runs.
 */
import type { Template } from '../../src/core/forms/template';

export const ROWS = 3321;
export const ENTRY_COLUMNS = 20;

/** A table like Biểu 01 but 20 entry columns wide: two groups of 10 with their `Cộng`. */
export function wideTemplate(): Template {
  const group = (g: string) => {
    const ids = Array.from({ length: ENTRY_COLUMNS / 2 }, (_, i) => `${g}.c${i + 1}`);
    return {
      id: g,
      label: { vi: `Nhóm ${g}`, en: `Group ${g}` },
      columns: [
        ...ids.map((id, i) => ({ kind: 'entry' as const, id, label: { vi: `Cột ${i + 1}`, en: `Column ${i + 1}` } })),
        { kind: 'sum' as const, id: `${g}.total`, label: { vi: 'Cộng', en: 'Total' }, of: ids },
      ],
    };
  };
  return {
    id: 'bench',
    version: 1,
    name: { vi: 'Biểu thử', en: 'Bench table' },
    title: { vi: 'BIỂU THỬ', en: 'BENCH TABLE' },
    summary: { vi: 'Biểu thử hiệu năng.', en: 'Benchmark table.' },
    rows: { kind: 'repeat', header: { vi: 'Xã / Thời gian', en: 'Commune / Period' }, total: { vi: 'Tổng cộng', en: 'Total' } },
    groups: [group('a'), group('b')],
    sample: [],
  };
}

/** `f` run `warmups` times untimed, then `runs` times: the median in ms, to 0.1 ms. */
export function medianMs(f: () => void, runs: number, warmups = 1): number {
  for (let i = 0; i < warmups; i++) f();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    f();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(times.length / 2)] * 10) / 10;
}
