// The browser suite's harness (`npm run test:e2e`): builds what is out of date, serves the preview
// page, and runs the scenarios of test/e2e/scenarios/*.js in Debian's Chromium with playwright-core.
//
// Every scenario gets its own browser context and page, so its own in-memory workbook and document
// settings: it starts from a known state (built by the set-up helpers below) whatever the scenario
// before it did or left broken. The suite waits on states (a role, a text, an attribute), never on
// time. The browser emulates `prefers-reduced-motion: reduce`, which the pane honours (no
// transitions), and every axe check waits until no animation runs. Any console error, page error
// or failed request in a scenario fails it. The last line of the run is `N passed, M failed`.
//
// A scenario file:
//   const { scenario, expect, expectEqual } = require('../harness');
//   scenario('what it shows', async (t) => {
//     await t.seed({ tables: 'all', sample: true });        // or t.open() for an empty workbook
//     await t.pane.getByRole('tab', { name: 'Kiểm tra' }).click();
//     await t.axeCheck('state name');
//   });
// `t.page` is the preview page, `t.pane` the pane's frame (a FrameLocator); see class Session.
'use strict';

const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const { fontConfig, fontProbe } = require('./fonts');

const ROOT = path.resolve(__dirname, '..', '..');
/** Screenshots and reports: test-output/e2e/, or a folder of their own there for a run with --fonts. */
let OUT = path.join(ROOT, 'test-output', 'e2e');
const AXE = require.resolve('axe-core/axe.min.js');

require('tsx/cjs/api').register();
const { TEMPLATES, SEED_REPORT } = require(path.join(ROOT, 'src', 'core', 'forms', 'builtin.ts'));
const { columnName } = require(path.join(ROOT, 'src', 'core', 'forms', 'defined-names.ts'));
const { address } = require(path.join(ROOT, 'src', 'core', 'a1.ts'));
const { FIRST_RUN_DONE } = require(path.join(ROOT, 'src', 'taskpane', 'app', 'memory.ts'));

/**
 * How long a wait for a state may take before the scenario fails. A bound for failing, not a
 * pause: every wait returns as soon as its state is there. Generous, for a busy 2-core machine.
 */
const STATE_TIMEOUT_MS = Number(process.env.E2E_TIMEOUT_MS || 30000);

// ---------------------------------------------------------------------------------------------
// Build when needed

function newestMtime(dirs, filter = () => true) {
  let newest = 0;
  const walk = (p) => {
    if (!fs.existsSync(p)) return;
    const st = fs.statSync(p);
    if (st.isDirectory()) for (const e of fs.readdirSync(p)) walk(path.join(p, e));
    else if (filter(p)) newest = Math.max(newest, st.mtimeMs);
  };
  for (const d of dirs) walk(path.join(ROOT, d));
  return newest;
}

function mtime(file) {
  const p = path.join(ROOT, file);
  return fs.existsSync(p) ? fs.statSync(p).mtimeMs : 0;
}

function build(args, what) {
  process.stdout.write(`e2e: building ${what}…\n`);
  const r = spawnSync('npx', args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error(`building ${what} failed (exit ${r.status})`);
}

const DIST = process.env.E2E_DIST ? path.resolve(process.env.E2E_DIST) : path.join(ROOT, 'dist');

function ensureBuilt() {
  if (process.env.E2E_NO_BUILD === '1') return;
  const sources = newestMtime(['src', 'assets', 'manifest.xml', 'webpack.config.js', 'tsconfig.json'], (p) => !p.includes(`${path.sep}preview${path.sep}`) && !p.includes(`${path.sep}devhost${path.sep}`));
  if (mtime(path.relative(ROOT, path.join(DIST, 'taskpane.html'))) < sources)
    build(['webpack', '--mode', 'production', '--output-path', DIST], `the task pane (${path.relative(ROOT, DIST) || DIST})`);
  const previewSources = newestMtime(['src/preview', 'src/devhost', 'webpack.preview.js', 'src/core', 'src/excel']);
  if (mtime('build/preview/index.html') < previewSources || mtime('build/preview/office-shim.js') === 0 || mtime('build/preview/office-js/excel-web-16.00.debug.js') === 0)
    build(['webpack', '-c', 'webpack.preview.js', '--mode', 'production'], 'the preview page (build/preview/)');
}

// ---------------------------------------------------------------------------------------------
// Scenarios and expectations

const scenarios = [];
/** Registers a scenario; scenarios run in the order their files are loaded and they are declared. */
function scenario(name, fn) {
  scenarios.push({ name, fn });
}

class Failure extends Error {}
function expect(cond, message) {
  if (!cond) throw new Failure(message);
}
function expectEqual(actual, expected, what) {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) throw new Failure(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

/** The address of a data-row cell of an entry column, from the table's defined names. */
function entryAddress(names, columnId, row = 0) {
  const n = names[columnName(columnId)];
  if (!n) throw new Failure(`no defined name for ${columnId}`);
  return address(n.row + row, n.col);
}

/** The report settings every seeded workbook gets (the seed report 52-BC/TU). */
const SEED_SETTINGS = { ...SEED_REPORT };

/**
 * The web page (dist/web/) in a browser context of its own (Vietnamese, `width` × `height`, downloads
 * accepted, reduced motion), its page errors and console errors recorded in `problems`. The caller
 * closes `context`.
 */
async function openWebPage({ width = 1000, height = 900 } = {}) {
  const { browser, origin } = env();
  const context = await browser.newContext({ viewport: { width, height }, locale: 'vi-VN', acceptDownloads: true, reducedMotion: 'reduce' });
  const page = await context.newPage();
  page.setDefaultTimeout(60000);
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  await page.goto(`${origin}/web/`);
  return { context, page, problems };
}

// ---------------------------------------------------------------------------------------------
// One scenario's browser session

let shot = 0;
const axeReports = [];
/** The run's browser and the preview server's origin, for scenarios that open their own contexts. */
let current = { browser: null, origin: null };
/** `{ browser, origin, out, dist }`: the Chromium instance, the preview server's origin, the screenshot folder, the build tested. */
function env() {
  return { browser: current.browser, origin: current.origin, out: OUT, dist: DIST };
}

class Session {
  constructor(browser, baseUrl, name) {
    this.browser = browser;
    this.baseUrl = baseUrl;
    this.name = name;
    this.problems = [];
    this.context = null;
    this.page = null;
    this.pane = null;
  }

  /**
   * A fresh page, so a fresh in-memory workbook: `lang` is the Office display language (`?lang=`);
   * `reducedMotion` what the system asks for (default 'reduce', the suite's setting; 'no-preference'
   * to see the pane as most users do); `theme` the Office theme desktop Excel reports (`black`,
   * `darkGray`, `colorful`, `white`; default none, as Excel on the web). The pane opens as on any later day, its first run done (the
   * browser's storage says so before the page loads), unless `firstRun` asks for the first-run screen.
   */
  async open({ lang, reducedMotion = 'reduce', firstRun = false, theme } = {}) {
    await this.close();
    this.context = await this.browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'vi-VN', reducedMotion });
    this.context.setDefaultTimeout(STATE_TIMEOUT_MS);
    if (!firstRun) {
      await this.context.addInitScript((key) => {
        try {
          window.localStorage.setItem(key, '1');
        } catch {
          // a page without storage: the pane would show its first-run screen
        }
      }, FIRST_RUN_DONE);
    }
    const page = await this.context.newPage();
    page.on('pageerror', (e) => this.problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') this.problems.push(`console: ${m.text()}`);
    });
    page.on('requestfailed', (r) => this.problems.push(`request failed: ${r.url()}`));
    this.page = page;
    const query = new URLSearchParams();
    if (lang) query.set('lang', lang);
    if (theme) query.set('theme', theme);
    await page.goto(`${this.baseUrl}/${query.size > 0 ? `?${query}` : ''}`);
    this.pane = page.frameLocator('#pane');
    const english = lang !== undefined && !lang.toLowerCase().startsWith('vi');
    if (firstRun) await this.pane.getByRole('button', { name: english ? 'Skip' : 'Bỏ qua', exact: true }).waitFor();
    else await this.pane.getByRole('button', { name: english ? 'Insert Table 01' : 'Chèn Biểu 01', exact: true }).waitFor();
    return this;
  }

  async close() {
    if (this.context) await this.context.close().catch(() => undefined);
    this.context = null;
  }

  /**
   * A fresh page brought to a known state, through the pane as a clerk would (Vietnamese pane):
   *   settings  save the seed report's settings first (default true)
   *   tables    'all' or a list of template ids to insert, in order (default none)
   *   sample    the preview's "Fill in sample figures" button: the seed report's figures
   *   check     open Kiểm tra and run it
   *   english   switch the pane to English at the end (in-pane switch)
   *   reducedMotion, theme  as for open()
   */
  async seed({ settings = true, tables = [], sample = false, check = false, english = false, reducedMotion, theme } = {}) {
    await this.open({ reducedMotion, theme });
    const pane = this.pane;
    if (settings) await this.saveSettings(SEED_SETTINGS, 0);
    const ids = tables === 'all' ? TEMPLATES.map((t) => t.id) : tables;
    if (ids.length > 0) {
      await this.openTab('Bảng biểu');
      for (const id of ids) await this.insert(id);
    }
    if (sample) {
      await this.page.getByRole('button', { name: /Fill in sample figures/ }).click();
      if (ids.includes('b02')) expectEqual(await this.hostValue('Biểu 02', entryAddress(await this.tableCells('Biểu 02'), 'council.total')), 732, 'set-up: Biểu 02 HĐND total');
    }
    if (check) await this.runCheck();
    if (english) {
      await pane.getByRole('button', { name: 'English', exact: true }).click();
      await pane.getByRole('tab', { name: 'Tables' }).waitFor();
    }
    return this;
  }

  /**
   * Opens a tab as a clerk would: the tab itself when it is drawn, else through the "Thêm" / "More"
   * menu of the tabs the row has no room for (`more`: that button's name); waits until it is the
   * selected tab, drawn (the selected tab is never in the menu).
   */
  async openTab(name, more = 'Thêm') {
    const pane = this.pane;
    const tab = pane.getByRole('tab', { name, exact: true });
    if ((await tab.count()) > 0 && (await tab.isVisible())) await tab.click();
    else {
      await pane.getByRole('button', { name: more, exact: true }).click();
      await pane.getByRole('menuitem', { name, exact: true }).click();
    }
    await pane.locator('[role="tab"][aria-selected="true"]:visible', { hasText: name }).waitFor();
  }

  /** Fills and saves the Thiết lập báo cáo form (custom period); `tables` is how many headings it updates. */
  async saveSettings(info, tables) {
    const pane = this.pane;
    await this.openTab('Thiết lập báo cáo');
    await pane.getByRole('textbox', { name: 'Đơn vị báo cáo' }).fill(info.unit);
    await pane.getByRole('textbox', { name: 'Số báo cáo' }).fill(info.reportNo);
    await pane.getByLabel('Ngày báo cáo').fill(info.reportDate);
    await pane.getByRole('textbox', { name: 'Báo cáo của' }).fill(info.reportBy);
    await pane.getByRole('combobox', { name: 'Loại kỳ' }).selectOption('custom');
    await pane.getByLabel('Từ ngày').fill(info.from);
    await pane.getByLabel('Đến ngày').fill(info.to);
    await pane.getByRole('button', { name: 'Lưu thiết lập' }).click();
    await pane.getByText(`Đã lưu. Đã cập nhật tiêu đề của ${tables} biểu.`).waitFor();
  }

  /** Chèn Biểu NN on the Bảng biểu tab; waits until the pane names the new sheet and the grid shows it. */
  async insert(templateId) {
    const t = TEMPLATES.find((x) => x.id === templateId);
    const before = await this.pane.getByTestId(`inserted-${t.id}`).count();
    await this.pane.getByRole('button', { name: `Chèn ${t.name.vi}`, exact: true }).click();
    if (before === 0) await this.pane.getByTestId(`inserted-${t.id}`).waitFor();
    await this.page.locator(`#sheet-tabs button[data-sheet="${t.name.vi}"]`).waitFor();
  }

  /** Opens Kiểm tra and runs the check; waits for the summary of this run. */
  async runCheck() {
    await this.openTab('Kiểm tra');
    await this.pane.getByRole('button', { name: 'Kiểm tra', exact: true }).click();
    await this.pane.getByTestId('check-summary').waitFor();
  }

  /** The pane's document (a Frame), for evaluate(). */
  async paneFrame() {
    const handle = await this.page.waitForSelector('#pane');
    const frame = await handle.contentFrame();
    if (!frame) throw new Failure('the pane frame has no document');
    return frame;
  }

  /** The preview page as it is on screen; with `{ pane: true }` only the pane's frame. */
  async screenshot(name, { pane = false } = {}) {
    shot++;
    const file = path.join(OUT, `${String(shot).padStart(2, '0')}-${name}.png`);
    if (pane) await this.page.locator('#pane').screenshot({ path: file });
    else await this.page.screenshot({ path: file, fullPage: false });
    return file;
  }

  /** Gives the pane's frame this size in CSS pixels (Excel's pane: 320 px wide on Windows, 350 on the web); returns the frame. */
  async resizePane(width, height) {
    await this.page.evaluate(
      ([w, h]) => {
        const frame = document.getElementById('pane');
        frame.style.width = `${w}px`;
        frame.style.height = `${h}px`;
      },
      [width, height],
    );
    const frame = await this.paneFrame();
    await frame.waitForFunction(([w, h]) => window.innerWidth === w && window.innerHeight === h, [width, height], { timeout: STATE_TIMEOUT_MS });
    return frame;
  }

  /** Puts axe-core in the pane's document (once per page); returns the frame. */
  async loadAxe() {
    const frame = await this.paneFrame();
    if (!(await frame.evaluate(() => typeof window.axe !== 'undefined'))) {
      // page.addScriptTag({ path }) adds an inline <script>, which the pane's Content-Security-Policy
      // (scripts from its own origin and Microsoft's CDN only) rightly refuses; evaluating the source
      // through the DevTools protocol is not subject to it.
      await frame.evaluate(fs.readFileSync(AXE, 'utf8'));
    }
    return frame;
  }

  /** axe-core on the pane root once no animation runs: no serious or critical violation. */
  async axeCheck(state) {
    const frame = await this.loadAxe();
    // The state is settled when nothing is moving (with reduced motion the pane runs no transition).
    await frame.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), null, { timeout: STATE_TIMEOUT_MS });
    const violations = await frame.evaluate(async () => {
      const root = document.getElementById('root');
      const r = await window.axe.run(root, { resultTypes: ['violations'] });
      return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
    });
    axeReports.push({ scenario: this.name, state, violations });
    const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.length === 0, `axe (${state}): ${bad.map((v) => `${v.id} [${v.impact}] ${v.help} at ${v.targets.join(', ')}`).join('; ')}`);
  }

  /** Defined names of a sheet: name → first row, column and row count. */
  async tableCells(sheet) {
    return this.page.evaluate((sheetName) => {
      const host = window.__bieumauPreview.host;
      const s = host.sheet(sheetName);
      const out = {};
      for (const n of s.names) if (n.ref) out[n.name] = { row: n.ref.top, col: n.ref.left, rows: n.ref.bottom - n.ref.top + 1 };
      return out;
    }, sheet);
  }

  /** A cell's value as Excel shows it after calculation, read from the in-memory host. */
  async hostValue(sheet, addr) {
    return this.page.evaluate(([s, a]) => window.__bieumauPreview.host.valueAt(s, a), [sheet, addr]);
  }

  async openSheet(name) {
    await this.page.locator(`#sheet-tabs button[data-sheet="${name}"]`).click();
    await this.page.locator(`#sheet-tabs button[data-sheet="${name}"][aria-current="true"]`).waitFor();
  }

  /** Types into a grid cell as a user: click it, type, Enter; waits until the host holds it. */
  async typeInGrid(sheet, addr, text) {
    const input = this.page.getByLabel(`${sheet}!${addr}`, { exact: true });
    await input.click();
    await input.fill(text);
    await input.press('Enter');
    const raw = text.startsWith("'") ? text.slice(1) : text;
    await this.page.waitForFunction(
      ([s, a, want]) => {
        const host = window.__bieumauPreview.host;
        const sh = host.sheet(s);
        const m = /^([A-Z]+)(\d+)$/.exec(a);
        let col = 0;
        for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
        const c = sh.cell(Number(m[2]), col);
        const held = c ? (c.formula !== null ? c.formula : c.constant) : null;
        return String(held ?? '') === want;
      },
      [sheet, addr, raw],
      { timeout: STATE_TIMEOUT_MS },
    );
  }

  /** Types a template's seed figures into its entry cells through the grid. */
  async typeSample(templateId) {
    const t = TEMPLATES.find((x) => x.id === templateId);
    const sheet = t.name.vi;
    await this.openSheet(sheet);
    const names = await this.tableCells(sheet);
    const entries = t.groups.flatMap((g) => g.columns).filter((c) => c.kind === 'entry');
    for (let r = 0; r < t.sample.length; r++) {
      for (let i = 0; i < entries.length; i++) await this.typeInGrid(sheet, entryAddress(names, entries[i].id, r), String(t.sample[r][i]));
    }
    return names;
  }
}

// ---------------------------------------------------------------------------------------------
// The run

function loadScenarioFiles(dir) {
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.js')).sort()) require(path.join(dir, f));
}

/**
 * Builds, serves, runs every registered scenario (those matching `grep`, a RegExp, when given; or
 * whose name contains the environment's E2E_ONLY), writes the axe report and prints
 * `N passed, M failed` last. `fontsDir`: Chromium sees only the fonts in that folder (fonts.js),
 * and the screenshots and reports go to test-output/e2e/fonts-<folder's name>/. Resolves to the exit code.
 */
async function runAll({ grep, fontsDir } = {}) {
  const fonts = fontConfig(fontsDir);
  if (fonts.dir) OUT = path.join(OUT, fonts.label);
  for (const l of fonts.lines) console.log(l);
  fs.mkdirSync(OUT, { recursive: true });
  for (const f of fs.readdirSync(OUT)) if (f.endsWith('.png')) fs.unlinkSync(path.join(OUT, f));
  ensureBuilt();
  const { chromium } = require('playwright-core');
  const { startPreviewServer } = require(path.join(ROOT, 'scripts', 'preview.js'));
  const only = process.env.E2E_ONLY;
  const chosen = scenarios.filter((s) => (!grep || grep.test(s.name)) && (!only || s.name.includes(only)));
  const { server, port } = await startPreviewServer({ port: 0, host: '127.0.0.1', dist: DIST });
  let passed = 0;
  let failed = 0;
  let browser;
  try {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
      ...(fonts.env ? { env: fonts.env } : {}),
    });
    current = { browser, origin: `http://127.0.0.1:${port}` };
    await fontProbe(browser, current.origin, fonts, OUT, FIRST_RUN_DONE);
    for (const s of chosen) {
      const t = new Session(browser, `http://127.0.0.1:${port}`, s.name);
      const started = Date.now();
      try {
        await s.fn(t);
        if (t.problems.length) throw new Failure(`errors in the page: ${t.problems.join(' | ')}`);
        passed++;
        console.log(`  ✓ ${s.name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      } catch (e) {
        failed++;
        console.log(`  ✗ ${s.name}\n      ${(e && e.message ? e.message : String(e)).split('\n').join('\n      ')}`);
        if (t.problems.length) console.log(`      page: ${t.problems.join(' | ')}`);
        try {
          if (t.page) await t.screenshot(`FAILED-${s.name.replace(/[^a-zA-Z0-9]+/g, '-').slice(0, 40)}`);
        } catch {
          // the page may be gone
        }
      } finally {
        await t.close();
      }
    }
  } catch (e) {
    console.error(`e2e: ${e && e.message ? e.message : String(e)}`);
    failed = chosen.length - passed;
  } finally {
    if (browser) await browser.close().catch(() => undefined);
    server.close();
    fonts.cleanUp();
  }
  fs.writeFileSync(path.join(OUT, 'axe.json'), `${JSON.stringify(axeReports, null, 2)}\n`);
  console.log(`Screenshots and axe report: ${path.relative(ROOT, OUT)}/`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 && chosen.length > 0 ? 0 : 1;
}

module.exports = { scenario, expect, expectEqual, Failure, entryAddress, env, openWebPage, runAll, loadScenarioFiles, scenarios, TEMPLATES, SEED_SETTINGS, STATE_TIMEOUT_MS };
