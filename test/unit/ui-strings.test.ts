/**
 * Issue 18: the string tables. Every table (the pane's frame and working screens, the web page's, the
 * shared one) has the same keys and, key by key, the same placeholders in Vietnamese and English; the
 * texts both surfaces show live once (src/ui/strings.ts); `format` reports a placeholder left
 * without a value instead of showing it.
 */
import { STRINGS } from '../../src/taskpane/strings';
import { APP_STRINGS } from '../../src/taskpane/app/strings';
import { WEB_STRINGS } from '../../src/web/strings';
import { UI_STRINGS } from '../../src/ui/strings';
import { COUNT_PANE_STRINGS } from '../../src/taskpane/app/count-strings';
import { FIGURES_EXPORT_STRINGS } from '../../src/taskpane/app/figures-export-strings';
import { COUNT_WEB_STRINGS } from '../../src/web/count-strings';
import { REGISTER_LIST_STRINGS } from '../../src/ui/register-strings';
import { MissingPlaceholderError, format, placeholders } from '../../src/ui/i18n';

const TABLES: Record<string, { vi: object; en: object }> = { frame: STRINGS, pane: APP_STRINGS, web: WEB_STRINGS, shared: UI_STRINGS, paneCount: COUNT_PANE_STRINGS, paneFiguresExport: FIGURES_EXPORT_STRINGS, webCount: COUNT_WEB_STRINGS, registerList: REGISTER_LIST_STRINGS };

describe.each(Object.entries(TABLES))('the %s table', (_name, table) => {
  const vi = table.vi as Record<string, unknown>;
  const en = table.en as Record<string, unknown>;
  test('Vietnamese and English have the same keys', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
  });
  test('each key has the same placeholders in Vietnamese and English', () => {
    const differ = Object.keys(vi)
      .filter((k) => typeof vi[k] === 'string')
      .filter((k) => JSON.stringify(placeholders(vi[k] as string).sort()) !== JSON.stringify(placeholders(en[k] as string).sort()))
      .map((k) => `${k}: ${vi[k]} / ${en[k]}`);
    expect(differ).toEqual([]);
  });
  test('the Vietnamese texts are NFC (diacritics as one character)', () => {
    const notNfc = Object.entries(vi).filter(([, v]) => typeof v === 'string' && v !== v.normalize('NFC'));
    expect(notNfc).toEqual([]);
  });
});

test('the texts the pane and the web page share are in the shared table once, not overridden by either', () => {
  const shared = Object.keys(UI_STRINGS.vi);
  const both = Object.keys(APP_STRINGS.vi).filter((k) => k in WEB_STRINGS.vi);
  expect(both.sort()).toEqual(shared.sort());
  for (const lang of ['vi', 'en'] as const) {
    for (const k of shared) {
      const want = (UI_STRINGS[lang] as unknown as Record<string, unknown>)[k];
      expect([k, (APP_STRINGS[lang] as unknown as Record<string, unknown>)[k]]).toEqual([k, want]);
      expect([k, (WEB_STRINGS[lang] as unknown as Record<string, unknown>)[k]]).toEqual([k, want]);
    }
  }
});

describe('format', () => {
  test('fills every placeholder, as often as it stands, and ignores values nobody asked for', () => {
    expect(format('{a} và {b}, {a}', { a: 1, b: 'hai', c: 3 })).toBe('1 và hai, 1');
    expect(format(UI_STRINGS.vi.notReadyDetail, { errors: 2, warnings: '1.292' })).toBe('Còn 2 lỗi và 1.292 cảnh báo.');
  });
  test('reports a placeholder left without a value, naming it and the text', () => {
    let caught: unknown;
    try {
      format(UI_STRINGS.en.missingUnits, { missing: 1, expected: 4 });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(MissingPlaceholderError);
    expect((caught as MissingPlaceholderError).missing).toEqual(['list']);
    expect((caught as Error).message).toBe('format: no value for {list} in "Missing: {missing} of {expected}{list}."');
  });
  test('placeholders lists each name once, in order', () => {
    expect(placeholders('{b} {a} {b} {}')).toEqual(['b', 'a']);
    expect(placeholders('no placeholder')).toEqual([]);
  });
});
