/** @jest-environment jsdom */
import { act } from 'react';
import { render, screen } from '@testing-library/react';
import { Shell } from '../../src/taskpane/Shell';
import { currentLanguage, languageFromTag } from '../../src/taskpane/i18n';
import { format } from '../../src/ui/i18n';
import { startPane, type OfficeLike, type StartedPane } from '../../src/taskpane/startup';
import { STRINGS, en, vi } from '../../src/taskpane/strings';
import { currentThemeKind, parseHexColor, themeKindFromBackground } from '../../src/taskpane/theme';

// React 19 wants this flag in test environments that drive updates through act().
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

interface OfficeMock extends OfficeLike {
  context: { displayLanguage?: string; officeTheme?: { bodyBackgroundColor?: string } };
}

type GlobalWithOffice = { Office?: unknown };

/** A minimal `Office` global: what office.js gives the pane inside Excel. */
function mockOffice(options: {
  displayLanguage?: string;
  bodyBackgroundColor?: string;
  host?: string | null;
  onReady?: () => Promise<{ host: unknown; platform: unknown }>;
}): OfficeMock {
  const office: OfficeMock = {
    context: {
      displayLanguage: options.displayLanguage,
      officeTheme: options.bodyBackgroundColor === undefined ? undefined : { bodyBackgroundColor: options.bodyBackgroundColor },
    },
    onReady:
      options.onReady ??
      (() => Promise.resolve({ host: options.host === undefined ? 'Excel' : options.host, platform: 'PC' })),
  };
  (globalThis as GlobalWithOffice).Office = office;
  return office;
}

let container: HTMLElement;
let unmount: (() => void) | undefined;
let consoleError: jest.SpyInstance;

beforeEach(() => {
  container = document.createElement('div');
  document.body.appendChild(container);
  // React reports render errors and act() misuse through console.error: none may happen.
  consoleError = jest.spyOn(console, 'error');
});

afterEach(() => {
  expect(consoleError).not.toHaveBeenCalled();
  consoleError.mockRestore();
  act(() => unmount?.());
  unmount = undefined;
  container.remove();
  delete (globalThis as GlobalWithOffice).Office;
  jest.useRealTimers();
});

async function start(timeoutMs = 1000): Promise<string> {
  let kind = '';
  await act(async () => {
    const started = startPane(container, { timeoutMs });
    unmount = () => started.root.unmount();
    kind = (await started.ready).kind;
  });
  return kind;
}

describe('string tables', () => {
  test('Vietnamese and English have the same keys and no empty string', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    for (const table of [vi, en]) for (const value of Object.values(table)) expect(value.trim()).not.toBe('');
  });

  test('the product name matches the manifest, with exact diacritics', () => {
    expect(vi.productName).toBe('Biểu mẫu thống kê');
    expect(vi.productName.normalize('NFC')).toBe(vi.productName);
    expect(STRINGS.en.productName).toBe('Statistics report tables');
  });

  // Issue 18: a placeholder left without a value is reported, no longer shown as "{b}".
  test('format fills placeholders and reports one left without a value', () => {
    expect(format(vi.startupFailed, { detail: 'lỗi X' })).toBe('Không khởi động được ngăn tác vụ: lỗi X');
    expect(() => format('{a} {b}', { a: 1 })).toThrow('format: no value for {b} in "{a} {b}"');
  });
});

describe('language from Office.context.displayLanguage', () => {
  test.each([
    ['vi-VN', 'vi'],
    ['vi', 'vi'],
    ['VI-vn', 'vi'],
    ['en-US', 'en'],
    ['fr-FR', 'en'],
    ['vie', 'en'], // not a vi tag: a three-letter code Office does not send
    ['', 'vi'],
    [undefined, 'vi'],
  ])('%s → %s', (tag, language) => {
    expect(languageFromTag(tag)).toBe(language);
  });

  test('read from the Office global, Vietnamese when there is none', () => {
    expect(currentLanguage()).toBe('vi');
    mockOffice({ displayLanguage: 'en-GB' });
    expect(currentLanguage()).toBe('en');
  });
});

describe('theme from Office.context.officeTheme', () => {
  test.each([
    ['#FFFFFF', 'light'],
    ['#f3f3f3', 'light'],
    ['#262626', 'dark'],
    ['000', 'dark'],
    ['#6a6a6a', 'dark'],
    ['#999999', 'light'],
    ['not a colour', 'light'],
    [undefined, 'light'],
  ])('body background %s → %s', (color, kind) => {
    expect(themeKindFromBackground(color)).toBe(kind);
  });

  test('parses short and long hex', () => {
    expect(parseHexColor('#0f8')).toEqual({ r: 0, g: 255, b: 136 });
    expect(parseHexColor('1E7B4D')).toEqual({ r: 30, g: 123, b: 77 });
    expect(parseHexColor('#12345')).toBeUndefined();
  });

  test('light when the host has no officeTheme (Excel on the web)', () => {
    mockOffice({ displayLanguage: 'vi-VN' });
    expect(currentThemeKind()).toBe('light');
    mockOffice({ displayLanguage: 'vi-VN', bodyBackgroundColor: '#1f1f1f' });
    expect(currentThemeKind()).toBe('dark');
  });
});

describe('the shell', () => {
  test('renders its children under a header with the product name', () => {
    const { container: shell } = render(
      <Shell language="en" theme="light">
        <p>slot content</p>
      </Shell>,
    );
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Statistics report tables');
    expect(shell.querySelector('main')?.textContent).toBe('slot content');
    expect(shell.querySelector('[lang="en"]')).not.toBeNull();
  });

  test('in Excel with a Vietnamese display language: Vietnamese shell', async () => {
    mockOffice({ displayLanguage: 'vi-VN', bodyBackgroundColor: '#ffffff' });
    expect(await start()).toBe('excel');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Biểu mẫu thống kê');
    // One line: the name, and nothing else until the pane puts its buttons at the end of it.
    expect(container.querySelector('header')?.textContent).toBe('Biểu mẫu thống kê');
    expect(container.querySelector('[data-theme]')?.getAttribute('data-theme')).toBe('light');
    expect(container.querySelector('[data-theme]')?.getAttribute('lang')).toBe('vi');
  });

  test('in Excel with an English display language and a dark Office theme: English, dark', async () => {
    mockOffice({ displayLanguage: 'en-US', bodyBackgroundColor: '#262626' });
    expect(await start()).toBe('excel');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Statistics report tables');
    expect(container.querySelector('header')?.textContent).toBe('Statistics report tables');
    expect(container.querySelector('[data-theme]')?.getAttribute('data-theme')).toBe('dark');
  });
});

describe('outside Office', () => {
  test('no Office global (office.js not loaded): bilingual message and the office.js hint', async () => {
    expect(await start()).toBe('no-office-js');
    const message = screen.getByTestId('outside-office');
    expect(message.querySelector('section[lang="vi"] h1')?.textContent).toBe('Hãy mở phần bổ trợ này trong Excel');
    expect(message.querySelector('section[lang="en"] h1')?.textContent).toBe('Open this add-in in Excel');
    expect(screen.getByText(vi.officeJsMissing)).toBeTruthy();
    expect(screen.getByText(en.officeJsMissing)).toBeTruthy();
  });

  test('office.js loaded in a plain browser tab (no host): the message without the office.js hint', async () => {
    mockOffice({ host: null });
    expect(await start()).toBe('no-host');
    expect(screen.getByText(vi.outsideOfficeBody)).toBeTruthy();
    expect(screen.getByText(en.outsideOfficeBody)).toBeTruthy();
    expect(screen.queryByText(vi.officeJsMissing)).toBeNull();
  });

  test('another Office application: says the add-in runs only in Excel', async () => {
    mockOffice({ host: 'Word', displayLanguage: 'en-US' });
    expect(await start()).toBe('other-host');
    expect(screen.getByText(vi.wrongHost)).toBeTruthy();
    expect(screen.getByText(en.wrongHost)).toBeTruthy();
  });

  test('Office.onReady rejecting: the message with the error, no exception', async () => {
    mockOffice({ onReady: () => Promise.reject(new Error('host gone')) });
    expect(await start()).toBe('failed');
    expect(screen.getByText('The task pane could not start: host gone')).toBeTruthy();
  });

  test('Office.onReady never answering: the message after the timeout, then the pane if Excel answers late', async () => {
    jest.useFakeTimers();
    let answer: (info: { host: unknown; platform: unknown }) => void = () => undefined;
    mockOffice({
      displayLanguage: 'en-US',
      onReady: () => new Promise((resolve) => (answer = resolve)),
    });
    let started!: StartedPane;
    act(() => {
      started = startPane(container, { timeoutMs: 3000 });
    });
    unmount = () => started.root.unmount();
    await act(async () => {
      jest.advanceTimersByTime(2999);
    });
    expect(screen.queryByTestId('outside-office')).toBeNull();
    expect(container.textContent).toContain('Starting…');
    await act(async () => {
      jest.advanceTimersByTime(1);
      await started.ready;
    });
    expect(screen.getByTestId('outside-office')).toBeTruthy();
    await act(async () => {
      answer({ host: 'Excel', platform: 'PC' });
    });
    expect(screen.queryByTestId('outside-office')).toBeNull();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Statistics report tables');
  });

  test('the bundle entry (index.tsx) starts the pane in #root without throwing', async () => {
    container.id = 'root';
    await act(async () => {
      // First and only import of the entry in this file: it runs its side effect now.
      await import('../../src/taskpane/index');
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(container.querySelector('[data-testid="outside-office"]')).not.toBeNull();
    // index.tsx owns its root; unmount it by clearing the container with React out of the way.
    unmount = undefined;
  });
});
