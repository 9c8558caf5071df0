/** @jest-environment jsdom */
import './taskpane-polyfill';
import { act } from 'react';
import { screen } from '@testing-library/react';
import { startPane, type StartedPane } from '../src/taskpane/startup';
import { PaneRoot } from '../src/taskpane/app/PaneRoot';
import { idle, makeHost, tracked } from './taskpane-harness';
import type { Language } from '../src/taskpane/strings';

let started: StartedPane | undefined;
afterEach(() => {
  act(() => started?.root.unmount());
  started = undefined;
  delete (globalThis as { Office?: unknown }).Office;
  document.body.innerHTML = '';
});

async function start(displayLanguage: string): Promise<Language[]> {
  const seen: Language[] = [];
  (globalThis as { Office?: unknown }).Office = { context: { displayLanguage }, onReady: () => Promise.resolve({ host: 'Excel', platform: 'PC' }) };
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
