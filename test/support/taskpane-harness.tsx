/**
 * The pane under test: the real App and the real Office.js adapter, whose calls go through
 * Microsoft's Excel client library (`Excel.run`, the build of `excelClient()`) to the in-memory
 * Excel (formulas by HyperFormula), in jsdom. Shared by the taskpane-*.test.tsx suites.
 */
import './taskpane-polyfill';
import { act } from 'react';
import { render, screen, waitFor, within, type RenderResult } from '@testing-library/react';
import type { MemHost, MemSettings } from '../../src/devhost';
import { hyperFormulaEvaluator } from '../../src/devhost/hyperformula';
import { createOfficeJsHost } from '../../src/devhost/officejs-node';
import { excelClient } from './excel-client';
import { createOfficeAdapter } from '../../src/excel/adapter';
import type { ExcelRun } from '../../src/excel/context';
import type { WorkbookAdapter } from '../../src/excel/types';
import { Shell } from '../../src/taskpane/Shell';
import { App } from '../../src/taskpane/app/App';
import { PaneRoot } from '../../src/taskpane/app/PaneRoot';
import type { Language } from '../../src/ui/i18n';
import { TEMPLATES } from '../../src/core/forms/builtin';
import type { PackLoad } from '../../src/core/forms/pack-loader';
import { APP_STRINGS } from '../../src/taskpane/app/strings';
import { FIRST_RUN_DONE } from '../../src/taskpane/app/memory';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export interface Harness {
  host: MemHost;
  settings: MemSettings;
  adapter: WorkbookAdapter;
  view: RenderResult;
  /**
   * With `holdSettings`: lets the held `loadSettings` answer (with what it read when called) and
   * waits for the pane to take it in. Without it, does nothing.
   */
  releaseSettings(): Promise<void>;
}

export interface Base {
  host: MemHost;
  settings: MemSettings;
  adapter: WorkbookAdapter;
  /** The client library's `Excel.run` and `isSetSupported`, for a test that builds its own adapter. */
  run: ExcelRun;
  isSetSupported: (name: string, minVersion?: string) => boolean;
}

export function makeHost(): Base {
  const x = createOfficeJsHost({ client: excelClient(), evaluator: hyperFormulaEvaluator(), sheets: ['Sheet1'] });
  const adapter = createOfficeAdapter({ run: x.run as ExcelRun, isSetSupported: x.isSetSupported, settings: x.settings });
  return { host: x.host, settings: x.settings, adapter, run: x.run as ExcelRun, isSetSupported: x.isSetSupported };
}

export async function renderPane(
  options: {
    language?: Language;
    adapter?: WorkbookAdapter;
    withSwitch?: boolean;
    setup?: (h: ReturnType<typeof makeHost>) => Promise<void>;
    /**
     * Holds the adapter's `loadSettings` answer until `releaseSettings()`, as a slow Excel would:
     * the settings are read when the pane asks, and arrive only when released.
     */
    holdSettings?: boolean;
    /** The pane's loader of deployed packs (packs/index.json); none by default. */
    loadPacks?: () => Promise<PackLoad>;
    /**
     * Show the first-run screen, as on a computer where the pane never opened. By default the pane
     * starts as it does on every later opening: first run done (the introductions are still new).
     */
    firstRun?: boolean;
    /** Keep what the last pane remembered (first run, introductions seen): the pane opened again on the same computer. */
    keepMemory?: boolean;
  } = {},
): Promise<Harness> {
  // Each pane starts on a computer where it remembers nothing, but for the first run unless asked.
  if (!options.keepMemory) {
    localStorage.clear();
    if (!options.firstRun) localStorage.setItem(FIRST_RUN_DONE, '1');
  }
  const base = makeHost();
  if (options.setup) await options.setup(base);
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const given = tracked(options.adapter ?? base.adapter);
  /** The held answers of `loadSettings`, counted as running from their release until they arrive. */
  const held: Promise<unknown>[] = [];
  const adapter: WorkbookAdapter = options.holdSettings
    ? {
        ...given,
        loadSettings: () => {
          const answer = given.loadSettings().then(async (read) => {
            await gate;
            return read;
          });
          held.push(answer);
          return answer;
        },
      }
    : given;
  let view!: RenderResult;
  await act(async () => {
    view = render(
      options.withSwitch ? (
        <PaneRoot adapter={adapter} language={options.language ?? 'vi'} theme="light" loadPacks={options.loadPacks} />
      ) : (
        <Shell language={options.language ?? 'vi'} theme="light">
          <App adapter={adapter} today="2025-11-14" loadPacks={options.loadPacks} />
        </Shell>
      ),
    );
  });
  const releaseSettings = async (): Promise<void> => {
    for (const answer of held) count(answer);
    release();
    await idle();
  };
  // The pane at rest: the settings it reads at start (unless held) and the deployed packs are in.
  if (!options.holdSettings) await idle();
  return { ...base, adapter, view, releaseSettings };
}

/**
 * Adapter calls in flight of the pane rendered last (`tracked`): with none and no part of the pane
 * loading, the pane has done what it was asked. One counter per pane, so a call a former test left
 * unanswered does not count.
 */
let calls = { inFlight: 0 };

/** Counts `p` as running until it settles (by default for the pane rendered last). */
function count(p: Promise<unknown>, counter = calls): void {
  counter.inFlight++;
  const done = (): void => {
    counter.inFlight--;
  };
  p.then(done, done);
}

/**
 * The adapter with each call counted as running until its promise settles (a new pane's count).
 * Each call goes to the adapter's method as it is at the time, so a test may still spy on it.
 */
export function tracked(adapter: WorkbookAdapter): WorkbookAdapter {
  const counter = { inFlight: 0 };
  calls = counter;
  const methods = adapter as unknown as Record<string, (...a: unknown[]) => unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(adapter)) {
    out[key] =
      typeof value === 'function'
        ? (...args: unknown[]): unknown => {
            const r: unknown = methods[key].apply(adapter, args);
            if (r instanceof Promise) count(r, counter);
            return r;
          }
        : value;
  }
  return out as unknown as WorkbookAdapter;
}

const LOADING = new Set([APP_STRINGS.vi.loadingPart, APP_STRINGS.en.loadingPart]);

/** What the pane is still doing, or null when it is at rest. */
function busyWith(): string | null {
  if (calls.inFlight > 0) return `${calls.inFlight} adapter call(s) running`;
  if ([...document.querySelectorAll('[role="status"]')].some((el) => LOADING.has(el.textContent ?? ''))) return 'a tab still loading';
  if (document.querySelector('[data-testid="packs-loading"]')) return 'the deployed packs still loading';
  return null;
}

/** A bound for failing, not a pause: the wait ends as soon as the state is there. */
export const WAIT = { timeout: 60_000 };

/**
 * Waits until the pane is at rest: no adapter call running, no tab or pack loading. A state,
 * checked as the pane changes, never a number of event-loop turns.
 */
export async function idle(): Promise<void> {
  await waitFor(() => {
    const doing = busyWith();
    if (doing) throw new Error(`the pane is still busy: ${doing}`);
  }, WAIT);
}

/** Clicks, then waits until what the click started is done (`idle`). */
export async function click(el: HTMLElement): Promise<void> {
  await act(async () => {
    el.click();
  });
  await idle();
}

/** Opens a tab and waits until it is selected and its content has loaded. */
export async function openTab(name: string): Promise<void> {
  const tab = screen.getByRole('tab', { name });
  await click(tab);
  await waitFor(() => {
    if (tab.getAttribute('aria-selected') !== 'true') throw new Error(`tab ${name} not selected`);
    if (screen.getByRole('tabpanel').getAttribute('aria-labelledby') !== tab.id) throw new Error(`tab ${name} not shown`);
  }, WAIT);
  await idle();
}

/** Entry cell addresses of a table, by column id, read back through the adapter. */
export async function entryCells(adapter: WorkbookAdapter, templateId: string): Promise<{ sheet: string; cells: Record<string, string[]> }> {
  const read = await adapter.readTables();
  const t = read.tables.find((x) => x.templateId === templateId);
  if (!t) throw new Error(`no table ${templateId}`);
  const cells: Record<string, string[]> = {};
  for (const [id, list] of Object.entries(t.columns)) cells[id] = list.map((c) => c.address);
  return { sheet: t.sheet, cells };
}

/** Types the template's sample figures into its entry cells, as a user would. */
export async function typeSample(h: { host: MemHost; adapter: WorkbookAdapter }, templateId: string): Promise<{ sheet: string; cells: Record<string, string[]> }> {
  const template = TEMPLATES.find((t) => t.id === templateId)!;
  const where = await entryCells(h.adapter, templateId);
  const entries = template.groups.flatMap((g) => g.columns).filter((c) => c.kind === 'entry');
  template.sample.forEach((row, r) => {
    entries.forEach((c, i) => h.host.type(where.sheet, where.cells[c.id][r], String(row[i])));
  });
  return where;
}

export { screen, within, act, waitFor };
