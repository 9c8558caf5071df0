/**
 * The screens' state as pure reducers (state, action), tested without a page: each action's new
 * state, and the state left as it was (the same object) when an action changes nothing.
 */
import { CHECK_SCREEN, checkResult, checkScreen } from '../src/taskpane/app/check-model';
import { EMPTY_CHECK, type CheckState } from '../src/taskpane/app/context';
import type { AppliedFix } from '../src/excel/types';
import type { Finding } from '../src/core/findings';

const finding = (rule: string): Finding => ({ rule, severity: 'error', message: { vi: rule, en: rule } }) as unknown as Finding;
const fix = (n: number): AppliedFix => ({ cell: { sheet: 'Biểu 01', row: n, col: 2 }, before: n, after: n + 1 }) as unknown as AppliedFix;

describe('Kiểm tra (pane): the screen', () => {
  test('busy on and off; the live switch; each result revealed counts one more', () => {
    let s = checkScreen(CHECK_SCREEN, { type: 'busy', busy: true });
    expect(s).toEqual({ busy: true, live: false, revealed: 0 });
    s = checkScreen(s, { type: 'live', on: true });
    s = checkScreen(s, { type: 'revealed' });
    s = checkScreen(s, { type: 'revealed' });
    expect(s).toEqual({ busy: true, live: true, revealed: 2 });
    expect(checkScreen(s, { type: 'busy', busy: false })).toEqual({ busy: false, live: true, revealed: 2 });
  });

  test('an action that changes nothing leaves the same state (no new render)', () => {
    expect(checkScreen(CHECK_SCREEN, { type: 'busy', busy: false })).toBe(CHECK_SCREEN);
    expect(checkScreen(CHECK_SCREEN, { type: 'live', on: false })).toBe(CHECK_SCREEN);
  });
});

describe('Kiểm tra (pane): the result kept across tabs', () => {
  test('checked → fixed twice → undone: the fixes in order, the last one undone first', () => {
    const findings = [finding('table.sum'), finding('cell.number')];
    let c: CheckState = checkResult(EMPTY_CHECK, { type: 'checked', findings, sheets: ['Biểu 01', 'Biểu 02'] });
    expect(c).toEqual({ findings, sheets: ['Biểu 01', 'Biểu 02'], applied: [] });
    c = checkResult(c, { type: 'fixed', fix: fix(1) });
    c = checkResult(c, { type: 'fixed', fix: fix(2) });
    expect(c.applied).toEqual([fix(1), fix(2)]);
    c = checkResult(c, { type: 'undone' });
    expect(c.applied).toEqual([fix(1)]);
    expect(c.findings).toBe(findings);
  });

  test('undone with nothing to undo, stale before any check: unchanged', () => {
    expect(checkResult(EMPTY_CHECK, { type: 'undone' })).toBe(EMPTY_CHECK);
    expect(checkResult(EMPTY_CHECK, { type: 'stale' })).toBe(EMPTY_CHECK);
  });

  test('stale: the findings forgotten (no "Sẵn sàng gửi" for a workbook changed since), the fixes kept', () => {
    const c = checkResult(checkResult(EMPTY_CHECK, { type: 'checked', findings: [], sheets: ['Biểu 01'] }), { type: 'fixed', fix: fix(3) });
    expect(checkResult(c, { type: 'stale' })).toEqual({ findings: null, sheets: ['Biểu 01'], applied: [fix(3)] });
  });
});
