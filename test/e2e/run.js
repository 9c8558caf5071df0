#!/usr/bin/env node
// `npm run test:e2e`: the production task pane, driven in Debian's Chromium through the preview page
// (scripts/preview.js) with playwright-core. Builds dist/ and build/preview/ when sources are newer,
// starts the preview server on a free port, runs the scenarios in order (each one builds on the
// workbook the previous ones left), checks every pane state with axe-core (no serious or critical
// violation), writes screenshots to test-output/e2e/, and ends with the line `N passed, M failed`.
// Exit code 0 only when every scenario passed.
//   E2E_NO_BUILD=1   use dist/ and build/preview/ as they are
//   E2E_DIST=DIR     build the production bundle (same config) into DIR and test that one, e.g. when
//                    other work rebuilds dist/ at the same time
//   CHROMIUM=/path   another Chromium binary (default /usr/bin/chromium)
'use strict';

const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..', '..');
const OUT = path.join(ROOT, 'test-output', 'e2e');
const AXE = require.resolve('axe-core/axe.min.js');

require('tsx/cjs/api').register();
const { TEMPLATES } = require(path.join(ROOT, 'src', 'templates', 'index.ts'));
const { columnName } = require(path.join(ROOT, 'src', 'core', 'names.ts'));
const { address } = require(path.join(ROOT, 'src', 'core', 'a1.ts'));
const { startPreviewServer } = require(path.join(ROOT, 'scripts', 'preview.js'));

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
  if (mtime('build/preview/index.html') < previewSources || mtime('build/preview/office-shim.js') === 0)
    build(['webpack', '-c', 'webpack.preview.js', '--mode', 'production'], 'the preview page (build/preview/)');
}

// ---------------------------------------------------------------------------------------------
// Tiny test harness: scenarios in order, `N passed, M failed`

const scenarios = [];
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

// ---------------------------------------------------------------------------------------------
// Page helpers

let page;
let pane; // FrameLocator of the pane
let shot = 0;
const consoleProblems = [];
const axeReports = [];

async function paneFrame() {
  const handle = await page.waitForSelector('#pane');
  const frame = await handle.contentFrame();
  if (!frame) throw new Failure('the pane frame has no document');
  return frame;
}

async function screenshot(name) {
  shot++;
  const file = path.join(OUT, `${String(shot).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

/** axe-core on the pane root: no serious or critical violation. */
async function axeCheck(state) {
  const frame = await paneFrame();
  if (!(await frame.evaluate(() => typeof window.axe !== 'undefined'))) {
    // page.addScriptTag({ path }) adds an inline <script>, which the pane's Content-Security-Policy
    // (scripts from its own origin and Microsoft's CDN only) rightly refuses; evaluating the source
    // through the DevTools protocol is not subject to it.
    await frame.evaluate(fs.readFileSync(AXE, 'utf8'));
  }
  const violations = await frame.evaluate(async () => {
    const root = document.getElementById('root');
    const r = await window.axe.run(root, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  axeReports.push({ state, violations });
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.length === 0, `axe (${state}): ${bad.map((v) => `${v.id} [${v.impact}] ${v.help} at ${v.targets.join(', ')}`).join('; ')}`);
}

async function tableCells(sheet) {
  return page.evaluate((sheetName) => {
    const host = window.__bieumauPreview.host;
    const s = host.sheet(sheetName);
    const out = {};
    for (const n of s.names) if (n.ref) out[n.name] = { row: n.ref.top, col: n.ref.left, rows: n.ref.bottom - n.ref.top + 1 };
    return out;
  }, sheet);
}

async function hostValue(sheet, addr) {
  return page.evaluate(([s, a]) => window.__bieumauPreview.host.valueAt(s, a), [sheet, addr]);
}

async function openSheet(name) {
  await page.locator(`#sheet-tabs button[data-sheet="${name}"]`).click();
  await page.locator(`#sheet-tabs button[data-sheet="${name}"][aria-current="true"]`).waitFor();
}

/** Types into a grid cell as a user: click it, type, Enter. */
async function typeInGrid(sheet, addr, text) {
  const input = page.getByLabel(`${sheet}!${addr}`, { exact: true });
  await input.click();
  await input.fill(text);
  await input.press('Enter');
}

/** The address of the first data-row cell of an entry column. */
function entryAddress(names, columnId, row = 0) {
  const n = names[columnName(columnId)];
  if (!n) throw new Failure(`no defined name for ${columnId}`);
  return address(n.row + row, n.col);
}

async function typeSample(templateId) {
  const t = TEMPLATES.find((x) => x.id === templateId);
  const sheet = t.name.vi;
  await openSheet(sheet);
  const names = await tableCells(sheet);
  const entries = t.groups.flatMap((g) => g.columns).filter((c) => c.kind === 'entry');
  for (let r = 0; r < t.sample.length; r++) {
    for (let i = 0; i < entries.length; i++) await typeInGrid(sheet, entryAddress(names, entries[i].id, r), String(t.sample[r][i]));
  }
  return names;
}

// ---------------------------------------------------------------------------------------------
// Scenarios

scenario('the pane opens in Vietnamese beside the in-memory workbook', async () => {
  await pane.getByRole('button', { name: 'Chèn Biểu 01' }).waitFor();
  for (const n of ['01', '02', '03', '04']) expect(await pane.getByRole('button', { name: `Chèn Biểu ${n}`, exact: true }).isVisible(), `button Chèn Biểu ${n}`);
  for (const tab of ['Bảng biểu', 'Thiết lập báo cáo', 'Kiểm tra', 'Số liệu']) expect(await pane.getByRole('tab', { name: tab }).isVisible(), `tab ${tab}`);
  expectEqual(await page.locator('#sheet-tabs button').allTextContents(), ['Sheet1'], 'sheet tabs');
  await axeCheck('start');
  await screenshot('start');
});

scenario('report settings: unit, report number and date, custom period 01/7–15/10/2025', async () => {
  await pane.getByRole('tab', { name: 'Thiết lập báo cáo' }).click();
  await pane.getByRole('textbox', { name: 'Đơn vị báo cáo' }).fill('TỈNH ỦY LÂM ĐỒNG');
  await pane.getByRole('textbox', { name: 'Số báo cáo' }).fill('52-BC/TU');
  await pane.getByLabel('Ngày báo cáo').fill('2025-11-14');
  await pane.getByRole('textbox', { name: 'Báo cáo của' }).fill('Ban Thường vụ Tỉnh ủy');
  await pane.getByRole('combobox', { name: 'Loại kỳ' }).selectOption('quarter');
  await pane.getByRole('combobox', { name: 'Quý' }).selectOption('4');
  await pane.getByRole('spinbutton', { name: 'Năm' }).fill('2025');
  expectEqual(await pane.getByTestId('period-range').textContent(), 'Quý IV/2025: Từ ngày 15/9/2025 đến ngày 14/12/2025', 'quarter quick pick');
  await pane.getByRole('combobox', { name: 'Loại kỳ' }).selectOption('custom');
  await pane.getByLabel('Từ ngày').fill('2025-07-01');
  await pane.getByLabel('Đến ngày').fill('2025-10-15');
  expectEqual(await pane.getByTestId('period-range').textContent(), 'Từ ngày 01/7/2025 đến ngày 15/10/2025', 'custom period');
  await axeCheck('settings');
  await screenshot('settings');
  await pane.getByRole('button', { name: 'Lưu thiết lập' }).click();
  await pane.getByText('Đã lưu. Đã cập nhật tiêu đề của 0 biểu.').waitFor();
  await pane.getByRole('tab', { name: 'Bảng biểu' }).click();
});

scenario('insert each table: one click, a new sheet, its name shown in the pane', async () => {
  for (const t of TEMPLATES) {
    await pane.getByRole('button', { name: `Chèn ${t.name.vi}`, exact: true }).click();
    await pane.getByTestId(`inserted-${t.id}`).waitFor();
    expectEqual(await pane.getByTestId(`inserted-${t.id}`).textContent(), `Trang tính: ${t.name.vi}`, `sheet of ${t.id}`);
    await page.locator(`#sheet-tabs button[data-sheet="${t.name.vi}"][aria-current="true"]`).waitFor();
  }
  expectEqual(await page.locator('#sheet-tabs button').allTextContents(), ['Sheet1', 'Biểu 01', 'Biểu 02', 'Biểu 03', 'Biểu 04'], 'sheet tabs');
  expectEqual(await hostValue('Biểu 01', 'A1'), 'TỈNH ỦY LÂM ĐỒNG', 'unit in the heading');
  await axeCheck('tables inserted');
  await openSheet('Biểu 01');
  await screenshot('tables-inserted');
});

let b01Names;
let b02Names;
scenario('type the seed figures into the grid as a user would; totals compute', async () => {
  b01Names = await typeSample('b01');
  b02Names = await typeSample('b02');
  await typeSample('b03');
  await typeSample('b04');
  await openSheet('Biểu 01');
  const centralTotal = entryAddress(b01Names, 'central.total');
  const localTotal = entryAddress(b01Names, 'local.total');
  expectEqual(await hostValue('Biểu 01', centralTotal), 4525, 'Biểu 01 central total');
  expectEqual(await hostValue('Biểu 01', localTotal), 486563, 'Biểu 01 local total');
  expectEqual(await page.locator(`#grid td[data-address="${localTotal}"]`).textContent(), '486.563', 'total as the grid shows it');
  expectEqual(await hostValue('Biểu 02', entryAddress(b02Names, 'council.total')), 732, 'Biểu 02 HĐND total');
  await screenshot('seed-typed');
});

let councilFinding;
scenario('Kiểm tra finds the HĐND mismatch: 732 against 752, difference −20', async () => {
  await pane.getByRole('tab', { name: 'Kiểm tra' }).click();
  await pane.getByRole('button', { name: 'Kiểm tra', exact: true }).click();
  councilFinding = pane.locator('li[data-rule="cross.council"]');
  await councilFinding.waitFor();
  expectEqual(await pane.locator('li[data-severity="error"]').count(), 1, 'errors');
  expectEqual(await councilFinding.getByTestId('arithmetic').textContent(), 'Vế trái:732Vế phải:752Chênh lệch:-20', 'left / right / difference');
  expect((await pane.getByTestId('check-summary').textContent()).includes('Chưa sẵn sàng gửi'), 'not ready');
  await axeCheck('check: mismatch');
  await screenshot('check-mismatch');
});

scenario('clicking the finding selects its cell in the grid', async () => {
  const d = entryAddress(b02Names, 'council.total');
  await councilFinding.getByRole('button', { name: `Biểu 02!${d}` }).click();
  await page.locator(`#sheet-tabs button[data-sheet="Biểu 02"][aria-current="true"]`).waitFor();
  await page.locator(`#grid td[data-address="${d}"][data-selected="true"]`).waitFor();
  expectEqual(await page.locator('#name-box').textContent(), `Biểu 02!${d}`, 'name box');
  expect((await page.locator(`#grid td[data-address="${d}"]`).getAttribute('data-marked')) === 'true', 'the cell is marked in the sheet');
  await screenshot('finding-selected');
});

scenario('"1.292" planted as text: Sửa makes it 1292, Hoàn tác puts the text back', async () => {
  await openSheet('Biểu 01');
  const cell = entryAddress(b01Names, 'central.politburo');
  await typeInGrid('Biểu 01', cell, "'1.292");
  expectEqual(await hostValue('Biểu 01', cell), '1.292', 'planted text');
  await pane.getByRole('button', { name: 'Kiểm tra', exact: true }).click();
  const item = pane.locator(`li[data-rule="entry.text-number"]`);
  await item.waitFor();
  expect((await item.textContent()).includes(`Biểu 01!${cell}`), 'finding names the cell');
  await axeCheck('check: text number');
  await screenshot('text-number');
  await item.getByRole('button', { name: 'Sửa', exact: true }).click();
  await pane.getByText(`Đã sửa ô Biểu 01!${cell}.`).waitFor();
  expectEqual(await hostValue('Biểu 01', cell), 1292, 'fixed value');
  expectEqual(await pane.locator('li[data-rule="entry.text-number"]').count(), 0, 'finding gone after the fix');
  await axeCheck('check: fixed');
  await screenshot('fixed');
  await pane.getByRole('button', { name: 'Hoàn tác', exact: true }).click();
  await pane.getByText('Đã hoàn tác lần sửa gần nhất.').waitFor();
  expectEqual(await hostValue('Biểu 01', cell), '1.292', 'reverted value');
  await pane.locator('li[data-rule="entry.text-number"]').waitFor();
  await screenshot('reverted');
  // Back to the seed figure for the next steps.
  await typeInGrid('Biểu 01', cell, '39');
});

scenario('with HĐND made equal, the pane says "Sẵn sàng gửi"; Xóa đánh dấu clears the marks', async () => {
  await openSheet('Biểu 02');
  await typeInGrid('Biểu 02', entryAddress(b02Names, 'council.other'), '577');
  await pane.getByRole('button', { name: 'Kiểm tra', exact: true }).click();
  await pane.locator('[data-testid="check-summary"][data-ready="true"]').waitFor();
  expect(await pane.getByText('Sẵn sàng gửi', { exact: true }).isVisible(), 'Sẵn sàng gửi is shown');
  await axeCheck('check: ready');
  await screenshot('ready-to-send');
  await pane.getByRole('button', { name: 'Xóa đánh dấu' }).click();
  await pane.getByText('Đã xóa đánh dấu trên trang tính.').waitFor();
  expectEqual(await page.locator('#grid td[data-marked="true"]').count(), 0, 'marks left in the grid');
});

scenario('live re-check on: an edit in the grid breaks and then fixes HĐND, findings follow without Kiểm tra', async () => {
  const live = pane.getByRole('switch', { name: 'Tự động kiểm tra lại khi sửa số liệu' });
  expect(!(await live.isChecked()), 'the switch is off by default');
  await live.click();
  expect(await live.isChecked(), 'the switch is on');
  await openSheet('Biểu 02');
  const other = entryAddress(b02Names, 'council.other');
  await typeInGrid('Biểu 02', other, '570');
  await pane.locator('[data-testid="check-summary"][data-ready="false"]').waitFor();
  const item = pane.locator('li[data-rule="cross.council"]');
  await item.waitFor();
  expectEqual(await item.getByTestId('arithmetic').textContent(), 'Vế trái:745Vế phải:752Chênh lệch:-7', 'left / right / difference after the edit');
  await axeCheck('check: live, broken');
  await screenshot('live-broken');
  await typeInGrid('Biểu 02', other, '577');
  await pane.locator('[data-testid="check-summary"][data-ready="true"]').waitFor();
  expectEqual(await pane.locator('li[data-rule="cross.council"]').count(), 0, 'HĐND finding gone after the edit');
  await axeCheck('check: live, fixed');
  await screenshot('live-fixed');
  await live.click();
  expect(!(await live.isChecked()), 'the switch is off again');
  await pane.getByRole('button', { name: 'Xóa đánh dấu' }).click();
  await pane.getByText('Đã xóa đánh dấu trên trang tính.').waitFor();
});

scenario('Số liệu: totals, averages and the sentences to copy', async () => {
  await pane.getByRole('tab', { name: 'Số liệu' }).click();
  await pane.getByText('trung bình một ngày xử lý 42 văn bản đến, ban hành 4.547 văn bản đi', { exact: true }).waitFor();
  expectEqual(await pane.getByTestId('figures-period').textContent(), 'Kỳ báo cáo: 01/7/2025 – 15/10/2025 (107 ngày; một tháng tính 30 ngày).', 'period line');
  expect((await pane.getByRole('button', { name: 'Sao chép' }).count()) >= 3, 'copy buttons');
  await axeCheck('figures');
  await screenshot('figures');
});

scenario('settings saved after insertion update the heading of every table', async () => {
  await pane.getByRole('tab', { name: 'Thiết lập báo cáo' }).click();
  await pane.getByRole('textbox', { name: 'Số báo cáo' }).fill('53-BC/TU');
  await pane.getByRole('button', { name: 'Lưu thiết lập' }).click();
  await pane.getByText('Đã lưu. Đã cập nhật tiêu đề của 4 biểu.').waitFor();
  for (const t of TEMPLATES) {
    const v = await hostValue(t.name.vi, 'A3');
    expect(typeof v === 'string' && v.includes('53-BC/TU'), `${t.name.vi} heading: ${v}`);
  }
});

scenario('switch to English', async () => {
  await pane.getByRole('button', { name: 'English', exact: true }).click();
  await pane.getByRole('tab', { name: 'Tables' }).click();
  await pane.getByRole('button', { name: 'Insert Table 01' }).waitFor();
  expect(await pane.getByRole('button', { name: 'Insert Table 04' }).isVisible(), 'Insert Table 04');
  await pane.getByRole('tab', { name: 'Check' }).click();
  await pane.getByRole('button', { name: 'Check', exact: true }).click();
  await pane.locator('[data-testid="check-summary"][data-ready="true"]').waitFor();
  expect(await pane.getByText('Ready to send', { exact: true }).isVisible(), 'Ready to send is shown');
  await axeCheck('english: check');
  await screenshot('english-check');
  await pane.getByRole('tab', { name: 'Figures' }).click();
  await pane.getByText('on average 42 incoming documents handled and 4,547 outgoing documents issued per day', { exact: true }).waitFor();
  await axeCheck('english: figures');
  await pane.getByRole('tab', { name: 'Tables' }).click();
  await axeCheck('english: tables');
});

scenario('an Excel failure shows a message in the pane, which keeps working', async () => {
  await page.evaluate(() => {
    window.__bieumauPreview.failNext = 'GeneralException: simulated failure';
  });
  await pane.getByRole('tab', { name: 'Tables' }).click();
  await pane.getByRole('button', { name: 'Insert Table 03' }).click();
  const bar = pane.getByTestId('pane-error');
  await bar.waitFor();
  expect((await bar.textContent()).includes('GeneralException: simulated failure'), 'message shown');
  await axeCheck('error');
  await screenshot('error');
  await pane.getByRole('button', { name: 'Dismiss message' }).click();
  await pane.getByRole('button', { name: 'Insert Table 03' }).click();
  await pane.getByTestId('inserted-b03').getByText('Biểu 03 (2)').waitFor();
});

scenario('usable at 320 px wide: no horizontal scrolling', async () => {
  await page.evaluate(() => {
    document.getElementById('pane').style.width = '320px';
  });
  for (const tab of ['Tables', 'Report settings', 'Check', 'Figures']) {
    await pane.getByRole('tab', { name: tab }).click();
    await page.waitForTimeout(0);
    const frame = await paneFrame();
    const { scroll, client } = await frame.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(scroll <= client, `${tab}: content ${scroll}px wide in a ${client}px pane`);
  }
  await pane.getByRole('tab', { name: 'Check' }).click();
  await screenshot('narrow-320');
});

scenario('every control is reachable with the keyboard', async () => {
  const frame = await paneFrame();
  await pane.getByRole('tab', { name: 'Tables' }).click();
  await pane.getByRole('tab', { name: 'Tables' }).focus();
  const seen = new Set();
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const name = await frame.evaluate(() => {
      const el = document.activeElement;
      return el ? `${el.tagName}:${el.textContent.trim().slice(0, 40)}` : '';
    });
    seen.add(name);
  }
  for (const n of ['01', '02', '03', '04']) expect([...seen].some((s) => s === `BUTTON:Insert Table ${n}`), `Tab reaches Insert Table ${n}: ${[...seen].join(' | ')}`);
});

scenario('an English Office opens the pane in English (fresh workbook, ?lang=en-US)', async () => {
  await page.goto(`${page.url().split('?')[0]}?lang=en-US`);
  pane = page.frameLocator('#pane');
  await pane.getByRole('button', { name: 'Insert Table 01' }).waitFor();
  expect(await pane.getByRole('tab', { name: 'Report settings' }).isVisible(), 'English tabs');
  await pane.getByRole('tab', { name: 'Check' }).click();
  await pane.getByRole('button', { name: 'Check', exact: true }).click();
  await pane.locator('li[data-rule="workbook.no-tables"]').waitFor();
  expect((await pane.getByTestId('check-summary').textContent()).includes('Not ready to send'), 'an empty workbook is not ready');
  await axeCheck('english office: empty workbook');
  await screenshot('english-office-empty');
});

scenario('the preview\'s "Fill in sample figures" button fills every table with the seed report', async () => {
  await pane.getByRole('tab', { name: 'Tables' }).click();
  await pane.getByRole('button', { name: 'Insert Table 01' }).click();
  await pane.getByTestId('inserted-b01').waitFor();
  await pane.getByRole('button', { name: 'Insert Table 02' }).click();
  await pane.getByTestId('inserted-b02').waitFor();
  await page.getByRole('button', { name: /Fill in sample figures/ }).click();
  expectEqual(await hostValue('Biểu 02', entryAddress(await tableCells('Biểu 02'), 'council.total')), 732, 'Biểu 02 HĐND total');
  await pane.getByRole('tab', { name: 'Check' }).click();
  await pane.getByRole('button', { name: 'Check', exact: true }).click();
  await pane.locator('li[data-rule="cross.council"]').waitFor();
  expectEqual(await pane.locator('li[data-severity="error"]').count(), 1, 'errors');
  await screenshot('sample-filled-english');
});

// The old-webview gate and the web page (own browser contexts): test/e2e/web-scenarios.js.
let browserInUse;
let originInUse;
require('./web-scenarios').register({ scenario, expect, expectEqual, env: () => ({ browser: browserInUse, origin: originInUse, out: OUT }) });

// ---------------------------------------------------------------------------------------------

async function main() {
  fs.mkdirSync(OUT, { recursive: true });
  for (const f of fs.readdirSync(OUT)) if (f.endsWith('.png')) fs.unlinkSync(path.join(OUT, f));
  ensureBuilt();
  const { chromium } = require('playwright-core');
  const { server, port } = await startPreviewServer({ port: 0, host: '127.0.0.1', dist: DIST });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
  });
  browserInUse = browser;
  originInUse = `http://127.0.0.1:${port}`;
  let passed = 0;
  let failed = 0;
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'vi-VN' });
    page = await context.newPage();
    page.setDefaultTimeout(15000);
    page.on('pageerror', (e) => consoleProblems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') consoleProblems.push(`console: ${m.text()}`);
    });
    page.on('requestfailed', (r) => consoleProblems.push(`request failed: ${r.url()}`));
    await page.goto(`http://127.0.0.1:${port}/`);
    pane = page.frameLocator('#pane');
    // E2E_ONLY=text: only the scenarios whose name contains it (a quick run while working on them).
    const only = process.env.E2E_ONLY;
    for (const s of only ? scenarios.filter((x) => x.name.includes(only)) : scenarios) {
      const before = consoleProblems.length;
      try {
        await s.fn();
        const problems = consoleProblems.slice(before);
        if (problems.length) throw new Failure(`errors in the page: ${problems.join(' | ')}`);
        passed++;
        console.log(`  ✓ ${s.name}`);
      } catch (e) {
        failed++;
        console.log(`  ✗ ${s.name}\n      ${(e && e.message ? e.message : String(e)).split('\n').join('\n      ')}`);
        try {
          await screenshot(`FAILED-${s.name.replace(/[^a-zA-Z0-9]+/g, '-').slice(0, 40)}`);
        } catch {
          // the page may be gone
        }
      }
    }
  } finally {
    await browser.close().catch(() => undefined);
    server.close();
  }
  fs.writeFileSync(path.join(OUT, 'axe.json'), `${JSON.stringify(axeReports, null, 2)}\n`);
  console.log(`Screenshots and axe report: ${path.relative(ROOT, OUT)}/`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`e2e: ${e && e.message ? e.message : String(e)}`);
    console.log(`0 passed, ${scenarios.length} failed`);
    process.exit(1);
  },
);
