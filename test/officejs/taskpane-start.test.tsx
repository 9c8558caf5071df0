/** @jest-environment jsdom */
import '../support/taskpane-polyfill';
import { act } from 'react';
import { screen } from '@testing-library/react';
import { startPane, type StartedPane } from '../../src/taskpane/startup';
import { PaneRoot } from '../../src/taskpane/app/PaneRoot';
import { idle, makeHost, tracked } from '../support/taskpane-harness';
import type { Language } from '../../src/ui/i18n';
import { FIRST_RUN_DONE } from '../../src/taskpane/app/memory';

let started: StartedPane | undefined;
afterEach(() => {
  act(() => started?.root.unmount());
  started = undefined;
  delete (globalThis as { Office?: unknown }).Office;
  document.body.innerHTML = '';
});

/**
 * Starts the pane as Excel does. As on any day but the first, its first run is done, unless
 * `firstRun`; `partitionKey` is Office's key for local storage (Excel on the web).
 */
async function start(displayLanguage: string, { firstRun = false, partitionKey }: { firstRun?: boolean; partitionKey?: string } = {}): Promise<Language[]> {
  const seen: Language[] = [];
  localStorage.clear();
  if (!firstRun) localStorage.setItem(FIRST_RUN_DONE, '1');
  (globalThis as { Office?: unknown }).Office = { context: { displayLanguage, partitionKey }, onReady: () => Promise.resolve({ host: 'Excel', platform: 'PC' }) };
  const container = document.createElement('div');
  document.body.appendChild(container);
  const adapter = tracked(makeHost().adapter);
  await act(async () => {
    started = startPane(container, {
      timeoutMs: 1000,
      renderPane: (language, theme) => {
        seen.push(language);
        return <PaneRoot adapter={adapter} language={language} theme={theme} />;
      },
    });
    await started.ready;
  });
  await idle();
  return seen;
}

test('inside Excel with a Vietnamese Office the working pane opens in Vietnamese', async () => {
  expect(await start('vi-VN')).toEqual(['vi']);
  expect(screen.getByRole('button', { name: 'Chèn Biểu 01' })).toBeTruthy();
  expect(screen.getByRole('tab', { name: 'Kiểm tra' }).getAttribute('aria-selected')).toBe('false');
  expect(screen.getByRole('tab', { name: 'Bảng biểu' }).getAttribute('aria-selected')).toBe('true');
});

test('any other Office language gives English', async () => {
  expect(await start('fr-FR')).toEqual(['en']);
  expect(screen.getByRole('button', { name: 'Insert Table 04' })).toBeTruthy();
});

test('tabs follow the WAI-ARIA pattern: arrow keys move and select, one tab stop', async () => {
  await start('vi-VN');
  const tabs = screen.getAllByRole('tab');
  expect(tabs.map((t) => t.tabIndex)).toEqual([0, -1, -1, -1, -1]);
  await act(async () => {
    tabs[0].focus();
    tabs[0].dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true }));
  });
  await idle();
  // ArrowLeft on the first tab wraps to the last one (Tổng hợp)
  const after = screen.getAllByRole('tab');
  const last = after[after.length - 1];
  expect(last.textContent).toBe('Tổng hợp');
  expect(last.getAttribute('aria-selected')).toBe('true');
  expect(document.activeElement).toBe(last);
  expect(screen.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe(last.id);
});

test('the first time on a computer the pane opens on its first-run screen; under Excel on the web its memory is in Office’s partition', async () => {
  await start('vi-VN', { firstRun: true, partitionKey: 'web-1/' });
  expect(screen.getByTestId('first-run')).toBeTruthy();
  expect(screen.queryAllByRole('tab')).toHaveLength(0);
  await act(async () => {
    screen.getByRole('button', { name: 'Bỏ qua' }).click();
  });
  expect(screen.getAllByRole('tab')).toHaveLength(5);
  expect(localStorage.getItem(`web-1/${FIRST_RUN_DONE}`)).toBe('1');
  expect(localStorage.getItem(FIRST_RUN_DONE)).toBeNull();
});
