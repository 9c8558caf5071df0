/**
 * The screens' state as pure reducers (state, action), tested without a page: each action's new
 * state, and the state left as it was (the same object) when an action changes nothing.
 */
import { CHECK_SCREEN, checkResult, checkScreen } from '../../src/taskpane/app/check-model';
import { EMPTY_CHECK, type CheckState } from '../../src/taskpane/app/context';
import type { AppliedFix } from '../../src/excel/types';
import type { Finding } from '../../src/core/check/findings';
import { paneFrame, type PaneFrame } from '../../src/taskpane/app/pane-model';
import { webFrame, webFrameStart } from '../../src/web/web-model';
import { webCheck, webCheckStart, type WebCheck } from '../../src/web/check-model';
import { historyNoteLines } from '../../src/ui/model/history-lines';
import type { HistoryResult } from '../../src/core/history/history';
import { settingsForm, settingsFormStart } from '../../src/taskpane/app/settings-model';
import type { ReportInfo } from '../../src/excel/types';
import type { PeriodForm } from '../../src/ui/PeriodFieldset';
import { combineForm, combineFormStart, type CombineForm } from '../../src/ui/model/combine';

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

describe('the pane’s frame', () => {
  const start: PaneFrame = { tab: 'tables', introOpen: true, firstRun: true, error: null, status: '', statusShown: true };

  test('a tab opened: its introduction shown unless seen before; the last tab’s status goes', () => {
    const busy = { ...start, status: 'Đã chèn Biểu 01.' };
    expect(paneFrame(busy, { type: 'tab', tab: 'check', introSeen: false })).toEqual({ ...start, tab: 'check', introOpen: true });
    expect(paneFrame(busy, { type: 'tab', tab: 'settings', introSeen: true })).toEqual({ ...start, tab: 'settings', introOpen: false });
  });

  test('"?" toggles the introduction; the first run ends', () => {
    expect(paneFrame(start, { type: 'toggleIntro' }).introOpen).toBe(false);
    expect(paneFrame(paneFrame(start, { type: 'toggleIntro' }), { type: 'toggleIntro' }).introOpen).toBe(true);
    expect(paneFrame(start, { type: 'firstRunDone' }).firstRun).toBe(false);
  });

  test('a message takes the place of the error; a quiet one is read out, not drawn', () => {
    const failed = paneFrame(start, { type: 'error', message: 'Không thực hiện được: x' });
    expect(failed.error).toBe('Không thực hiện được: x');
    expect(paneFrame(failed, { type: 'announce', message: 'Đã kiểm tra xong.', shown: false })).toEqual({ ...start, status: 'Đã kiểm tra xong.', statusShown: false });
    expect(paneFrame(failed, { type: 'error', message: null }).error).toBeNull();
  });

  test('the slow-Excel notice: shown even over a quiet status, gone when the call ends, any other status kept', () => {
    const quiet = { ...start, status: 'x', statusShown: false };
    const slow = paneFrame(quiet, { type: 'slow', message: 'Excel đang bận' });
    expect(slow).toEqual({ ...start, status: 'Excel đang bận', statusShown: true });
    expect(paneFrame(slow, { type: 'slowDone', messages: ['Excel đang bận', 'Excel is busy'] }).status).toBe('');
    const other = { ...start, status: 'Đã lưu.' };
    expect(paneFrame(other, { type: 'slowDone', messages: ['Excel đang bận', 'Excel is busy'] })).toBe(other);
  });
});

describe('the web page’s frame', () => {
  test('starts on Tạo biểu mẫu, the only tab mounted', () => {
    const f = webFrameStart('en');
    expect(f).toEqual({ lang: 'en', tab: 'create', opened: new Set(['create']), status: '' });
  });

  test('a tab opened stays mounted after the next is chosen; opening it again adds nothing', () => {
    let f = webFrame(webFrameStart('vi'), { type: 'tab', tab: 'check' });
    f = webFrame(f, { type: 'tab', tab: 'consolidate' });
    expect(f.tab).toBe('consolidate');
    expect([...f.opened]).toEqual(['create', 'check', 'consolidate']);
    const opened = f.opened;
    expect(webFrame(f, { type: 'tab', tab: 'check' }).opened).toBe(opened);
  });

  test('the language and the status line; the same status again is no change', () => {
    const f = webFrame(webFrame(webFrameStart('vi'), { type: 'language', lang: 'en' }), { type: 'announce', text: 'Đã tạo tệp.' });
    expect(f.lang).toBe('en');
    expect(f.status).toBe('Đã tạo tệp.');
    expect(webFrame(f, { type: 'announce', text: 'Đã tạo tệp.' })).toBe(f);
  });
});

describe('Tổng hợp (pane and web page): the form', () => {
  type Form = CombineForm<string, number>;
  const start = combineFormStart<string, number>();

  test('starts by unit, no list, no sources with errors, nothing running, no outcome', () => {
    expect(start).toEqual({ mode: 'units', unitsText: '', allowErrors: false, working: null, outcome: null });
  });

  test('work: started (the last outcome goes), its progress, finished with its outcome', () => {
    const before: Form = { ...start, outcome: 'tong-hop.xlsx' };
    let f = combineForm(before, { type: 'start', working: 0 });
    expect(f).toEqual({ ...start, working: 0 });
    f = combineForm(f, { type: 'progress', working: 2 });
    expect(f.working).toBe(2);
    expect(combineForm(f, { type: 'finish', outcome: 'luy-ke.xlsx' })).toEqual({ ...start, outcome: 'luy-ke.xlsx' });
  });

  test('finished without an outcome (the call failed and said so): nothing running, no outcome made up', () => {
    const f = combineForm(combineForm(start, { type: 'start', working: 1 }), { type: 'finish' });
    expect(f).toEqual(start);
  });

  test('another way of combining puts the outcome away; the list and the switch stay', () => {
    const f: Form = { ...start, unitsText: 'Xã 1\nXã 2', allowErrors: true, outcome: 'x' };
    expect(combineForm(f, { type: 'mode', mode: 'periods' })).toEqual({ ...f, mode: 'periods', outcome: null });
  });

  test('the units list and the switch as given', () => {
    const f = combineForm(combineForm(start, { type: 'unitsText', text: 'Xã 1' }), { type: 'allowErrors', on: true });
    expect(f).toEqual({ ...start, unitsText: 'Xã 1', allowErrors: true });
  });
});

describe('Kiểm tra (web page): the check', () => {
  const file = (name: string): File => ({ name }) as File;

  test('started: files done 0 of n, the last outcome and failure put away; progress; done', () => {
    let c: WebCheck<string> = { ...webCheckStart<string>(), outcome: 'last', failure: 'Không chạy được' };
    c = webCheck(c, { type: 'start', total: 3 });
    expect(c).toEqual({ progress: { done: 0, total: 3 }, outcome: null, failure: '', earlier: [] });
    c = webCheck(c, { type: 'progress', done: 2 });
    expect(c.progress).toEqual({ done: 2, total: 3 });
    expect(webCheck(c, { type: 'done', outcome: 'ok' })).toEqual({ progress: null, outcome: 'ok', failure: '', earlier: [] });
  });

  test('failed: the message, nothing running; progress with nothing running changes nothing', () => {
    const c = webCheck(webCheck(webCheckStart<string>(), { type: 'start', total: 1 }), { type: 'failed', message: 'x' });
    expect(c).toEqual({ progress: null, outcome: null, failure: 'x', earlier: [] });
    expect(webCheck(c, { type: 'progress', done: 1 })).toBe(c);
  });

  test('the earlier files kept through checks', () => {
    const q1 = [file('q1.xlsx')];
    const c = webCheck(webCheck(webCheckStart<string>(), { type: 'earlier', files: q1 }), { type: 'start', total: 1 });
    expect(c.earlier).toBe(q1);
  });
});

test('historyNoteLines: the workbook’s own note as it is, a file left out named with its reason', () => {
  const result = {
    compared: [],
    findings: [],
    notes: [
      { kind: 'period', file: null, message: { vi: 'Chưa có kỳ báo cáo.', en: 'No report period.' } },
      { kind: 'unreadable', file: 'q1.xlsx', message: { vi: 'không đọc được', en: 'cannot be read' } },
    ],
  } as unknown as HistoryResult;
  expect(historyNoteLines(result, 'Bỏ qua {file}: {reason}', 'vi')).toEqual(['Chưa có kỳ báo cáo.', 'Bỏ qua q1.xlsx: không đọc được']);
  expect(historyNoteLines(result, 'Left out {file}: {reason}', 'en')).toEqual(['No report period.', 'Left out q1.xlsx: cannot be read']);
});

describe('Thiết lập báo cáo (pane): the form', () => {
  const blank: ReportInfo = { unit: '', reportNo: '', reportDate: '', reportBy: '', from: '', to: '' };
  const q1 = { kind: 'quarter', year: '2025', quarter: '1' } as unknown as PeriodForm;
  const q2 = { kind: 'quarter', year: '2025', quarter: '2' } as unknown as PeriodForm;
  const saved: ReportInfo = { unit: 'UBND xã A', reportNo: '12/BC-UBND', reportDate: '2025-07-01', reportBy: 'Nguyễn Văn B', from: '2025-04-01', to: '2025-06-30' };

  test('settings read late fill only what the clerk has not typed; a period chosen stays', () => {
    let f = settingsFormStart(blank, q1);
    f = settingsForm(f, { type: 'info', key: 'unit', value: 'UBND xã C' });
    f = settingsForm(f, { type: 'period', key: 'quarter' as keyof PeriodForm, value: '3' as PeriodForm[keyof PeriodForm] });
    f = settingsForm(f, { type: 'arrived', settings: saved, period: q2 });
    expect(f.info).toEqual({ ...saved, unit: 'UBND xã C' });
    expect(f.period).toEqual({ ...q1, quarter: '3' });
    expect(f.shown).toBe(saved);
    expect([...f.edited].sort()).toEqual(['period', 'unit']);
  });

  test('nothing typed: the settings read and their period, whole', () => {
    const f = settingsForm(settingsFormStart(blank, q1), { type: 'arrived', settings: saved, period: q2 });
    expect(f.info).toEqual(saved);
    expect(f.period).toBe(q2);
  });

  test('a save: busy, then what was saved is what the form was filled from', () => {
    const busy = settingsForm(settingsFormStart(blank, q1), { type: 'busy', busy: true });
    expect(busy.busy).toBe(true);
    const done = settingsForm(busy, { type: 'saved', settings: saved });
    expect(done.busy).toBe(false);
    expect(done.shown).toBe(saved);
  });
});
