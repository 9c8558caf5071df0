/**
 * The pane under test: the real App and the real Office.js adapter, whose calls go through
 * Microsoft's Excel client library (`Excel.run`, the build of `excelClient()`) to the in-memory
 * Excel (formulas by HyperFormula), in jsdom. Shared by the taskpane-*.test.tsx suites.
 */
import './taskpane-polyfill';
import { act } from 'react';
import { render, screen, within, type RenderResult } from '@testing-library/react';
import type { MemHost, MemSettings } from '../src/devhost';
import { hyperFormulaEvaluator } from '../src/devhost/hyperformula';
import { createOfficeJsHost } from '../src/devhost/officejs-node';
import { excelClient } from './support/excel-client';
import { createOfficeAdapter, type ExcelRun } from '../src/excel/adapter';
import type { WorkbookAdapter } from '../src/excel/types';
import { Shell } from '../src/taskpane/Shell';
import { App } from '../src/taskpane/app/App';
import { PaneRoot } from '../src/taskpane/app/PaneRoot';
import type { Language } from '../src/taskpane/strings';
import { TEMPLATES } from '../src/core/builtin';
import type { PackLoad } from '../src/core/pack-loader';

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
  } = {},
): Promise<Harness> {
  const base = makeHost();
  if (options.setup) await options.setup(base);
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const given = options.adapter ?? base.adapter;
  const adapter: WorkbookAdapter = options.holdSettings
    ? {
        ...given,
        loadSettings: async () => {
          const read = await given.loadSettings();
          await gate;
          return read;
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
    release();
    await settle();
  };
  return { ...base, adapter, view, releaseSettings };
}

/** Waits for pending promises (adapter calls, lazy tabs) to settle inside act(). */
export async function settle(times = 5): Promise<void> {
  for (let i = 0; i < times; i++) {
    await act(async () => {
      await new Promise((r) => setTimeout(r, 0));
    });
  }
}

export async function click(el: HTMLElement): Promise<void> {
  await act(async () => {
    el.click();
  });
  await settle();
}

export async function openTab(name: string): Promise<void> {
  await click(screen.getByRole('tab', { name }));
  await settle();
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

export { screen, within, act };
