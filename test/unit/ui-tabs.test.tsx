/** @jest-environment jsdom */
/**
 * The tab strip (src/ui/Tabs.tsx) with the overflow manager given widths (jsdom lays nothing out): the
 * tabs that do not fit the row wait in the "Thêm" menu, last first; the selected tab is never the one
 * moved; a tab chosen from the menu or reached by the keyboard comes into the row with the keyboard on
 * it; a row not laid out (width 0) draws every tab.
 */
import { act, useState, type ReactNode } from 'react';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { Tabs } from '../../src/ui/Tabs';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** The row's width for the overflow manager; every tab is 80 px wide, the "Thêm" button 60 px. */
let rowWidth = 0;
const observers = new Set<() => void>();

beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', {
    configurable: true,
    get(this: HTMLElement) {
      return this.dataset.testid === 'tab-row' ? rowWidth : 0;
    },
  });
  Object.defineProperty(HTMLElement.prototype, 'offsetWidth', {
    configurable: true,
    get(this: HTMLElement) {
      if (this.getAttribute('role') === 'tab') return 80;
      if (this.querySelector(':scope > [data-testid="tabs-more"]')) return 60;
      return 0;
    },
  });
  (globalThis as { ResizeObserver?: unknown }).ResizeObserver = class {
    private readonly fire: () => void;
    constructor(callback: (entries: { target: Element }[]) => void) {
      this.fire = () => callback([{ target: document.body }]);
    }
    observe(): void {
      observers.add(this.fire);
    }
    unobserve(): void {}
    disconnect(): void {
      observers.delete(this.fire);
    }
  };
});

const ITEMS = [
  { value: 'tables', label: 'Bảng biểu' },
  { value: 'settings', label: 'Thiết lập báo cáo', short: 'Thiết lập' },
  { value: 'check', label: 'Kiểm tra' },
  { value: 'figures', label: 'Số liệu' },
  { value: 'consolidate', label: 'Tổng hợp' },
] as const;
type Id = (typeof ITEMS)[number]['value'];

function Strip(): ReactNode {
  const [tab, setTab] = useState<Id>('tables');
  return (
    <FluentProvider theme={webLightTheme}>
      <Tabs<Id> compact label="Các chức năng" moreLabel="Thêm" idPrefix="tab-" panelId="panel" selected={tab} onSelect={setTab} items={[...ITEMS]} />
      <div id="panel" role="tabpanel" data-selected={tab} />
    </FluentProvider>
  );
}

/** The row resized: the manager hears it. */
async function resize(width: number): Promise<void> {
  rowWidth = width;
  await act(async () => {
    for (const fire of [...observers]) fire();
  });
}

function drawn(): string[] {
  return [...document.querySelectorAll<HTMLElement>('[role="tab"]')].filter((b) => !b.hasAttribute('data-overflowing')).map((b) => b.id);
}

async function open(): Promise<void> {
  rowWidth = 0;
  await act(async () => {
    render(<Strip />);
  });
}

afterEach(() => observers.clear());

test('a row not laid out (width 0, as in jsdom) draws every tab and no "Thêm"', async () => {
  await open();
  expect(drawn()).toEqual(['tab-tables', 'tab-settings', 'tab-check', 'tab-figures', 'tab-consolidate']);
  expect(screen.queryByRole('button', { name: 'Thêm' })).toBeNull();
});

test('a narrow row: the last tabs go into "Thêm"; a tab chosen there comes into the row with the keyboard, the selected one never leaves it', async () => {
  await open();
  await resize(1000);
  expect(drawn()).toHaveLength(5);
  expect(screen.queryByRole('button', { name: 'Thêm' })).toBeNull();
  // 2 × 80 + 60 ≤ 250 − 4 < 3 × 80 + 60
  await resize(250);
  expect(drawn()).toEqual(['tab-tables', 'tab-settings']);
  const more = screen.getByRole('button', { name: 'Thêm' });
  expect(more.getAttribute('aria-expanded')).toBe('false');
  fireEvent.click(more);
  const menu = screen.getByRole('menu', { name: 'Thêm' });
  expect(within(menu).getAllByRole('menuitem').map((m) => m.textContent)).toEqual(['Kiểm tra', 'Số liệu', 'Tổng hợp']);
  expect(document.activeElement).toBe(within(menu).getAllByRole('menuitem')[0]);
  fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowUp' });
  expect(document.activeElement?.textContent).toBe('Tổng hợp');
  await act(async () => {
    fireEvent.click(document.activeElement as Element);
  });
  expect(document.querySelector('#panel')?.getAttribute('data-selected')).toBe('consolidate');
  expect(screen.queryByRole('menu')).toBeNull();
  expect(drawn()).toContain('tab-consolidate');
  expect(drawn()).toHaveLength(2);
  expect(document.activeElement?.id).toBe('tab-consolidate');
  // Escape closes the menu and gives the keyboard back to its button.
  fireEvent.click(screen.getByRole('button', { name: 'Thêm' }));
  fireEvent.keyDown(document.activeElement as Element, { key: 'Escape' });
  expect(screen.queryByRole('menu')).toBeNull();
  expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Thêm' }));
});

test('arrow keys reach a tab waiting in "Thêm": it is selected, drawn and focused', async () => {
  await open();
  await resize(250);
  const first = document.getElementById('tab-tables') as HTMLElement;
  await act(async () => {
    first.focus();
  });
  await act(async () => {
    fireEvent.keyDown(first, { key: 'End' });
  });
  expect(document.querySelector('#panel')?.getAttribute('data-selected')).toBe('consolidate');
  expect(drawn()).toContain('tab-consolidate');
  expect(document.activeElement?.id).toBe('tab-consolidate');
  await act(async () => {
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowRight' });
  });
  expect(document.activeElement?.id).toBe('tab-tables');
  expect(drawn()).toContain('tab-tables');
});
