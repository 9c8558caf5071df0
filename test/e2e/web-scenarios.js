// Browser scenarios of the old-webview gate and the web page (dist/web/), for the e2e runner.
// `register(h)` adds them through the runner's harness: h.scenario(name, fn), h.expect, h.expectEqual,
// h.STATE_TIMEOUT_MS and h.env() → { browser, origin, out } (the Chromium instance, the preview server's origin, the
// screenshot folder). Each scenario opens its own browser context, so the runner's page is untouched.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..', '..');
require('tsx/cjs/api').register();
const { USER_AGENTS } = require(path.join(ROOT, 'test', 'support', 'user-agents.ts'));
const { buildWorkbook, parseNewArgs } = require(path.join(ROOT, 'src', 'cli', 'new.ts'));
const { readWorkbook } = require(path.join(ROOT, 'src', 'cli', 'path-source.ts'));
const { setCell } = require(path.join(ROOT, 'test', 'support', 'edit-xlsx.ts'));
const AXE = require.resolve('axe-core/axe.min.js');

/** The JSON document of `bieumau check --json` for files in `dir`, run there (file names as given). */
function cliCheckJson(dir, files) {
  const bin = path.join(ROOT, 'bin', 'bieumau.js');
  const r = spawnSync(process.execPath, [bin, 'check', ...files, '--json'], { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status === null || r.status > 2) throw new Error(`bieumau check failed: ${r.stderr}`);
  return r.stdout;
}

function register(h) {
  const { scenario, expect, expectEqual } = h;

  /** A fresh context (own user agent, viewport) with every request and page error recorded. */
  async function open(options = {}) {
    const { browser } = h.env();
    const context = await browser.newContext({ viewport: { width: 1000, height: 800 }, locale: 'vi-VN', reducedMotion: 'reduce', ...options });
    const page = await context.newPage();
    page.setDefaultTimeout(30000);
    const requests = [];
    const problems = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
    return { context, page, requests, problems };
  }

  for (const [kind, webviewName] of [
    ['trident', 'Internet Explorer 11 (Trident)'],
    ['edgehtml', 'Microsoft Edge cũ (EdgeHTML)'],
  ]) {
    scenario(`old webview ${kind}: the gate shows what is needed and the pane does not start`, async () => {
      const { origin, out } = h.env();
      const { context, page, problems } = await open({ userAgent: USER_AGENTS[kind] });
      try {
        await page.goto(`${origin}/`);
        const pane = page.frameLocator('#pane');
        const message = pane.getByTestId('old-webview');
        await message.waitFor();
        const vi = await message.locator('section[lang="vi"]').textContent();
        const en = await message.locator('section[lang="en"]').textContent();
        expect(vi.includes(webviewName), `vi names the webview: ${vi}`);
        for (const needed of ['Excel cho Microsoft 365', 'Excel 2021 trở lên', 'Excel trên web']) expect(vi.includes(needed), `vi names ${needed}`);
        for (const needed of ['Excel for Microsoft 365', 'Excel 2021 or later', 'Excel on the web']) expect(en.includes(needed), `en names ${needed}`);
        const hrefs = await message.getByRole('link').evaluateAll((links) => links.map((a) => a.href));
        expectEqual(hrefs, [`${origin}/web/`, `${origin}/web/`], 'links to the web page');
        expectEqual(await pane.locator('body').evaluate(() => window.__bieumauOldWebview), kind, 'flag the bundle checks');
        // The bundle ran (it parses in Chromium) but did not start the pane: no tab, no insert button,
        // and "Starting…" is gone.
        expectEqual(await pane.getByRole('tab').count(), 0, 'pane tabs');
        expectEqual(await pane.getByText('Đang khởi động').count(), 0, '"Starting…" line');
        await page.screenshot({ path: path.join(out, `web-gate-${kind}.png`) });
        expectEqual(problems, [], 'page errors');
      } finally {
        await context.close();
      }
    });
  }

  scenario('old browser (Trident) on the web page: it asks for a current browser; the page does not start', async () => {
    const { origin } = h.env();
    const { context, page, problems } = await open({ userAgent: USER_AGENTS.trident });
    try {
      await page.goto(`${origin}/web/`);
      const message = page.getByTestId('old-webview');
      await message.waitFor();
      expect((await message.locator('section[lang="vi"]').textContent()).includes('Trang này cần một trình duyệt mới'), 'vi message');
      expect((await message.locator('section[lang="en"]').textContent()).includes(`${origin}/web/`), 'the address to open');
      expectEqual(await page.getByRole('tab').count(), 0, 'web page tabs');
      expectEqual(problems, [], 'page errors');
    } finally {
      await context.close();
    }
  });

  scenario('a current browser: the gate stays silent and the pane shows', async () => {
    const { origin } = h.env();
    const { context, page, problems } = await open({ userAgent: USER_AGENTS.webview2 });
    try {
      await page.goto(`${origin}/`);
      const pane = page.frameLocator('#pane');
      await pane.getByRole('button', { name: 'Chèn Biểu 01' }).waitFor();
      expectEqual(await pane.getByTestId('old-webview').count(), 0, 'old-webview message');
      expectEqual(await pane.locator('body').evaluate(() => window.__bieumauOldWebview), undefined, 'flag');
      expectEqual(problems, [], 'page errors');
    } finally {
      await context.close();
    }
  });
}

/**
 * The web page's scenarios: every request of every context is recorded, and the last scenario checks
 * that none left the page's origin.
 */
function registerWebPage(h) {
  const { scenario, expect, expectEqual } = h;
  const allRequests = [];
  // Workbooks made for the scenarios (each scenario its own file names).
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bm-e2e-web-'));
  let page;
  let context;
  let problems = [];

  async function openWebPage({ width = 1000, query = '', routes = {} } = {}) {
    const { browser, origin } = h.env();
    if (context) await context.close();
    context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'vi-VN', acceptDownloads: true, reducedMotion: 'reduce' });
    // Files the test serves in place of the build's (same origin: the server's own addresses).
    for (const [url, body] of Object.entries(routes)) await context.route(`${origin}${url}`, (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
    page = await context.newPage();
    page.setDefaultTimeout(60000);
    problems = [];
    page.on('request', (r) => allRequests.push(r.url()));
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
    await page.goto(`${origin}/web/${query}`);
    await page.getByRole('tab', { name: query.includes('lang=en') ? 'Create tables' : 'Tạo biểu mẫu' }).waitFor();
    // The reader and writer are loaded in the background once the page shows; from then on the
    // page needs no network.
    await page.locator('html[data-engines="ready"]').waitFor();
  }

  async function axeCheck(state) {
    // The state is settled when nothing is moving (with reduced motion the page runs no transition).
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), null, { timeout: h.STATE_TIMEOUT_MS });
    if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) await page.evaluate(fs.readFileSync(AXE, 'utf8'));
    const violations = await page.evaluate(async () => {
      const r = await window.axe.run(document, { resultTypes: ['violations'] });
      return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
    });
    const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.length === 0, `axe (${state}): ${bad.map((v) => `${v.id} [${v.impact}] ${v.help} at ${v.targets.join(', ')}`).join('; ')}`);
  }

  async function screenshot(name) {
    await page.screenshot({ path: path.join(h.env().out, `web-${name}.png`), fullPage: true });
  }

  /** Clicks a download button and returns the saved file's path. */
  async function downloadFrom(buttonName) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: buttonName }).click()]);
    const file = path.join(dir, `download-${Date.now()}-${download.suggestedFilename()}`);
    await download.saveAs(file);
    return { file, name: download.suggestedFilename() };
  }

  /** Chooses files in the Kiểm tra tab and waits for the summary; returns the time it took in ms. */
  async function checkFiles(files) {
    await page.getByRole('tab', { name: /Kiểm tra|Check/ }).click();
    const summary = page.getByTestId('web-check-summary');
    const run = (await summary.count()) > 0 ? Number(await summary.getAttribute('data-run')) : 0;
    const t0 = Date.now();
    await page.getByTestId('file-input').setInputFiles(files);
    await page.locator(`[data-testid="web-check-summary"][data-run="${run + 1}"]`).waitFor();
    return Date.now() - t0;
  }

  /** Opens a tab of the page: from the row, or from the Thêm menu when the row has no room for it; waits until it is selected. */
  async function openWebTab(name, more = 'Thêm') {
    const tab = page.getByRole('tab', { name, exact: true });
    if ((await tab.count()) > 0 && (await tab.isVisible())) await tab.click();
    else {
      await page.getByRole('button', { name: more, exact: true }).click();
      await page.getByRole('menuitem', { name, exact: true }).click();
    }
    await page.locator('[role="tab"][aria-selected="true"]:visible', { hasText: name }).waitFor();
  }

  function noPageProblems() {
    expectEqual(problems, [], 'console errors, page errors or failed requests');
  }

  scenario('web page: opens in Vietnamese, keyboard tabs, axe, 360 px without horizontal scrolling, English switch', async () => {
    await openWebPage();
    for (const t of ['Tạo biểu mẫu', 'Kiểm tra']) expect(await page.getByRole('tab', { name: t }).isVisible(), `tab ${t}`);
    for (const n of ['01', '02', '03', '04']) expect(await page.getByRole('checkbox', { name: new RegExp(`^Biểu ${n}:`) }).isChecked(), `Biểu ${n} chosen by default`);
    await axeCheck('web: create');
    // Keyboard: arrow keys move between the tabs (WAI-ARIA tabs pattern).
    await page.getByRole('tab', { name: 'Tạo biểu mẫu' }).focus();
    await page.keyboard.press('ArrowRight');
    expectEqual(await page.evaluate(() => document.activeElement && document.activeElement.textContent), 'Kiểm tra', 'focused tab after ArrowRight');
    await page.getByRole('button', { name: 'Chọn tệp .xlsx' }).waitFor();
    await axeCheck('web: check, empty');
    await page.setViewportSize({ width: 360, height: 800 });
    for (const [t, shown] of [
      ['Kiểm tra', 'Chọn tệp .xlsx'],
      ['Tổng hợp', 'Chọn các tệp .xlsx của đơn vị'],
      ['Tạo biểu mẫu', 'Tải về sổ tính'],
    ]) {
      await openWebTab(t);
      await page.getByRole('button', { name: shown }).waitFor();
      const widths = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
      expect(widths[0] <= widths[1], `360 px, ${t}: page ${widths[0]} px wide in a ${widths[1]} px window`);
    }
    await screenshot('360-create');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('tab', { name: 'Create tables' }).waitFor();
    expectEqual(await page.evaluate(() => document.documentElement.lang), 'en', '<html lang> after the switch');
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await page.getByRole('tab', { name: 'Tạo biểu mẫu' }).waitFor();
    noPageProblems();
  });

  scenario('web page: Tạo biểu mẫu downloads the workbook bieumau new writes (read back by the CLI reader)', async () => {
    await openWebPage();
    await page.getByRole('checkbox', { name: /^Biểu 03:/ }).uncheck();
    await page.getByRole('checkbox', { name: /^Biểu 04:/ }).uncheck();
    await page.getByRole('textbox', { name: 'Đơn vị báo cáo' }).fill('UBND TỈNH LÂM ĐỒNG');
    await page.getByRole('textbox', { name: 'Số báo cáo' }).fill('123/BC-UBND');
    await page.getByRole('textbox', { name: 'Ngày báo cáo' }).fill('2025-10-20');
    await page.getByRole('textbox', { name: 'Báo cáo của' }).fill('Ủy ban nhân dân tỉnh');
    await page.getByRole('combobox', { name: 'Loại kỳ' }).selectOption('quarter');
    await page.getByRole('combobox', { name: 'Quý' }).selectOption('3');
    await page.getByRole('spinbutton', { name: 'Năm' }).fill('2025');
    expectEqual(await page.getByTestId('web-period-range').textContent(), 'Quý III/2025: Từ ngày 15/6/2025 đến ngày 14/9/2025', 'Decree 09 quarter');
    await page.getByRole('spinbutton', { name: /Số dòng số liệu/ }).fill('3');
    await axeCheck('web: create filled');
    const { file, name } = await downloadFrom('Tải về sổ tính');
    expectEqual(name, 'bieu-mau-2025-06-15-2025-09-14.xlsx', 'download name');
    await page.getByTestId('web-status').getByText(`Đã tạo ${name}.`).waitFor();
    const fromPage = await readWorkbook(file);
    expectEqual(fromPage.tables.map((t) => [t.sheet, t.templateId, t.rowLabels.length]), [['Biểu 01', 'b01', 3], ['Biểu 02', 'b02', 3]], 'tables read back');
    // The same options through the command line give the same tables, cell for cell.
    const cli = await readWorkbook(
      await buildWorkbook(
        parseNewArgs(['x.xlsx', '--templates', '01,02', '--unit', 'UBND TỈNH LÂM ĐỒNG', '--report', '123/BC-UBND', '--report-date', '2025-10-20', '--report-by', 'Ủy ban nhân dân tỉnh', '--from', '2025-06-15', '--to', '2025-09-14', '--rows', '3']),
      ),
    );
    expectEqual(JSON.parse(JSON.stringify(fromPage)), JSON.parse(JSON.stringify(cli)), 'the page\'s workbook read as the CLI\'s');
    noPageProblems();
  });

  scenario('web page: Kiểm tra on the seed sample finds exactly the HĐND error (732 / 752 / −20); JSON = bieumau check --json', async () => {
    await openWebPage();
    const seed = await buildWorkbook(parseNewArgs(['x.xlsx', '--sample']));
    fs.writeFileSync(path.join(dir, 'seed.xlsx'), seed);
    await checkFiles([path.join(dir, 'seed.xlsx')]);
    const section = page.locator('section[data-file="seed.xlsx"]');
    const errors = section.locator('li[data-severity="error"]');
    expectEqual(await errors.count(), 1, 'errors in the seed');
    const council = section.locator('li[data-rule="cross.council"]');
    expectEqual(await council.getByTestId('finding-values').locator('dd').allTextContents(), ['732', '752', '-20'], 'left / right / difference');
    expectEqual(await council.getByTestId('finding-cells').textContent(), 'Ô: Biểu 02!M8, Biểu 01!J8', 'cells');
    expect((await page.getByTestId('web-check-summary').textContent()).startsWith('Đã kiểm tra 1 tệp: 0 tệp không có lỗi, 1 tệp có lỗi, 0 tệp không đọc được; tổng cộng 1 lỗi'), 'summary');
    // The file button just came out of its disabled state: its colours change at once, never
    // through a fade (a half-faded label is too faint to read), whatever the motion setting.
    const transition = await page.getByRole('button', { name: 'Chọn tệp .xlsx' }).evaluate((b) => getComputedStyle(b).transitionProperty);
    expectEqual(transition, 'none', 'transition of the file button');
    await axeCheck('web: seed checked');
    await screenshot('check-seed');
    const json = fs.readFileSync((await downloadFrom('Tải kết quả (JSON)')).file, 'utf8');
    expectEqual(json, cliCheckJson(dir, ['seed.xlsx']), 'the JSON download is the bieumau check --json document');
    const doc = JSON.parse(json);
    expectEqual(doc.files[0].findings.filter((f) => f.severity === 'error').map((f) => [f.rule, f.left, f.right, f.difference]), [['cross.council', 732, 752, -20]], 'errors in the JSON');
    noPageProblems();
  });

  scenario('web page: a workbook with planted errors and an unreadable file; CSV and JSON downloads', async () => {
    await openWebPage();
    const sample = await buildWorkbook(parseNewArgs(['x.xlsx', '--sample']));
    const read = (await readWorkbook(sample)).tables;
    const b01 = read.find((t) => t.templateId === 'b01');
    const council = b01.columns['local.council'][0];
    const ministries = b01.columns['central.ministries'][0];
    const totalCell = b01.columns['central.total'][0];
    let planted = await setCell(sample, council.sheet, council.address, 732); // HĐND made equal
    planted = await setCell(planted, ministries.sheet, ministries.address, '1.292'); // a number typed as text
    planted = await setCell(planted, totalCell.sheet, totalCell.address, 5); // a constant where a formula belongs
    fs.writeFileSync(path.join(dir, 'planted.xlsx'), planted);
    fs.writeFileSync(path.join(dir, 'not-a-workbook.xlsx'), 'just text');
    await checkFiles([path.join(dir, 'planted.xlsx'), path.join(dir, 'not-a-workbook.xlsx')]);
    const section = page.locator('section[data-file="planted.xlsx"]');
    const textNumber = section.locator('li[data-rule="entry.text-number"]');
    expectEqual(await textNumber.getByTestId('finding-cells').textContent(), `Ô: ${ministries.sheet}!${ministries.address}`, 'text-number cell');
    expectEqual(await textNumber.getByTestId('finding-fix').textContent(), `Cách sửa: Đổi thành số 1292 (ô ${ministries.sheet}!${ministries.address})`, 'text-number fix');
    const formula = section.locator('li[data-rule="computed.formula-missing"]');
    expect((await formula.getByTestId('finding-fix').textContent()).startsWith('Cách sửa: Khôi phục công thức ='), 'formula fix described');
    expectEqual(await section.locator('li[data-rule="cross.council"]').count(), 0, 'HĐND made equal');
    const bad = page.locator('section[data-file="not-a-workbook.xlsx"]');
    expectEqual(await bad.getAttribute('data-state'), 'unreadable', 'the text file is unreadable');
    expect((await bad.textContent()).includes('Không phải tệp .xlsx.'), 'its message');
    const json = fs.readFileSync((await downloadFrom('Tải kết quả (JSON)')).file, 'utf8');
    expectEqual(json, cliCheckJson(dir, ['planted.xlsx', 'not-a-workbook.xlsx']), 'JSON = bieumau check --json');
    const doc = JSON.parse(json);
    const csv = fs.readFileSync((await downloadFrom('Tải kết quả (CSV)')).file, 'utf8');
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n').filter((l) => l !== '');
    expectEqual(lines.length, 1 + doc.files[0].findings.length + 1, 'CSV rows: header, one per finding, one for the unreadable file');
    expect(lines.some((l) => l.startsWith(`planted.xlsx,error,entry.text-number,${ministries.sheet}!${ministries.address},`)), 'CSV row of the text number');
    expect(lines[lines.length - 1].startsWith('not-a-workbook.xlsx,unreadable,'), 'CSV row of the unreadable file');
    await axeCheck('web: planted errors');
    noPageProblems();
  });

  scenario('web page: 124 workbooks at once (time printed), then offline: create and check still work', async () => {
    const sample = await buildWorkbook(parseNewArgs(['x.xlsx', '--sample']));
    const council = (await readWorkbook(sample)).tables[0].columns['local.council'][0];
    const clean = await setCell(sample, council.sheet, council.address, 732);
    const many = path.join(dir, 'many');
    fs.mkdirSync(many);
    const files = [];
    for (let i = 1; i <= 124; i++) {
      const f = path.join(many, `bao-cao-${String(i).padStart(3, '0')}.xlsx`);
      fs.writeFileSync(f, clean);
      files.push(f);
    }
    await openWebPage();
    const ms = await checkFiles(files);
    expect((await page.getByTestId('web-check-summary').textContent()).startsWith('Đã kiểm tra 124 tệp: 124 tệp không có lỗi, 0 tệp có lỗi, 0 tệp không đọc được; tổng cộng 0 lỗi'), 'summary of 124 clean files');
    expectEqual(await page.locator('section[data-file]').count(), 124, 'one report per file');
    console.log(`      124 workbooks checked in the page in ${ms} ms (choosing the files to the summary; the page's own count: ${await page.getByTestId('web-check-time').getAttribute('data-ms')} ms)`);
    // Offline from here: the page was loaded and its reader and writer are in.
    await context.setOffline(true);
    await checkFiles([path.join(dir, 'seed.xlsx')]);
    expectEqual(await page.locator('section[data-file="seed.xlsx"] li[data-rule="cross.council"]').count(), 1, 'offline check');
    await page.getByRole('tab', { name: 'Tạo biểu mẫu' }).click();
    const { file } = await downloadFrom('Tải về sổ tính');
    expectEqual((await readWorkbook(file)).tables.map((t) => t.templateId), ['b01', 'b02', 'b03', 'b04'], 'offline create');
    await context.setOffline(false);
    noPageProblems();
  });

  scenario('web page: Tổng hợp makes the workbook bieumau consolidate makes (Nguồn sheet, units list), and refuses a source with errors', async () => {
    const ExcelJS = require('exceljs');
    const sample = await buildWorkbook(parseNewArgs(['x.xlsx', '--sample']));
    const council = (await readWorkbook(sample)).tables[0].columns['local.council'][0];
    const sources = [];
    for (const [file, unit] of [['xa-a.xlsx', 'XÃ A'], ['xa-b.xlsx', 'XÃ B'], ['xa-c.xlsx', 'XÃ C']]) {
      const made = await buildWorkbook(parseNewArgs(['x.xlsx', '--sample', '--unit', unit]));
      fs.writeFileSync(path.join(dir, file), await setCell(made, council.sheet, council.address, 732));
      sources.push(file);
    }
    fs.writeFileSync(path.join(dir, 'units.csv'), 'unit\nXÃ A\nXÃ B\nXÃ C\nXÃ D\n');
    await openWebPage();
    await page.getByRole('tab', { name: 'Tổng hợp' }).click();
    await page.getByTestId('sources-input').setInputFiles(sources.map((f) => path.join(dir, f)));
    expectEqual(await page.getByTestId('sources-chosen').textContent(), 'Đã chọn 3 tệp.', 'files chosen');
    await page.getByRole('textbox', { name: /Danh sách đơn vị/ }).fill('XÃ A\nXÃ B\nXÃ C\nXÃ D');
    await axeCheck('web: consolidate, filled');
    const { file, name } = await downloadFrom('Tổng hợp và tải về');
    expectEqual(name, 'tong-hop-2025-07-01-2025-10-15.xlsx', 'download name (the sources\' period)');
    expectEqual(
      await page.getByTestId('consolidate-summary').textContent(),
      'Đã tổng hợp 3/3 tệp vào tong-hop-2025-07-01-2025-10-15.xlsx. Chưa nộp: 1/4 (XÃ D).',
      'summary',
    );
    // The command line on the same files and list: the same tables and the same sheets.
    const cliOut = path.join(dir, 'tong-hop-cli.xlsx');
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'bieumau.js'), 'consolidate', cliOut, ...sources, '--units', 'units.csv'], { cwd: dir, encoding: 'utf8' });
    expectEqual(r.status, 0, `bieumau consolidate exit (${r.stderr})`);
    const sheetNames = async (f) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(f);
      return wb.worksheets.map((w) => w.name);
    };
    const names = await sheetNames(file);
    expect(names.includes('Nguồn'), `the Nguồn sheet: ${names.join(', ')}`);
    expectEqual(names, await sheetNames(cliOut), 'sheets, as the CLI makes them');
    expectEqual(JSON.parse(JSON.stringify(await readWorkbook(file))), JSON.parse(JSON.stringify(await readWorkbook(cliOut))), 'tables read back, as the CLI\'s');
    // A source with the HĐND error is refused (nothing downloaded) unless errors are allowed.
    fs.writeFileSync(path.join(dir, 'xa-loi.xlsx'), await buildWorkbook(parseNewArgs(['x.xlsx', '--sample', '--unit', 'XÃ D'])));
    await page.getByTestId('sources-input').setInputFiles([...sources, 'xa-loi.xlsx'].map((f) => path.join(dir, f)));
    await page.getByRole('button', { name: 'Tổng hợp và tải về' }).click();
    await page.locator('[data-testid="consolidate-result"][data-written="no"]').waitFor();
    expectEqual(await page.locator('[data-refusal]').evaluateAll((els) => els.map((e) => e.getAttribute('data-refusal'))), ['errors'], 'refusal kinds');
    expectEqual(await page.locator('[data-testid="consolidate-sources"] li[data-file="xa-loi.xlsx"]').getAttribute('data-included'), 'no', 'the source with errors is not included');
    noPageProblems();
  });

  scenario('web page: Tổng hợp, Theo kỳ rolls three monthly workbooks up as bieumau roll-up does, its figures downloaded as bieumau export gives them, and refuses a missing month with its dates', async () => {
    const ExcelJS = require('exceljs');
    const sample = await buildWorkbook(parseNewArgs(['x.xlsx', '--sample']));
    const council = (await readWorkbook(sample)).tables[0].columns['local.council'][0];
    const months = [['thang-7.xlsx', '2025-06-15', '2025-07-14'], ['thang-8.xlsx', '2025-07-15', '2025-08-14'], ['thang-9.xlsx', '2025-08-15', '2025-09-14']];
    for (const [file, from, to] of months) {
      const made = await buildWorkbook(parseNewArgs(['x.xlsx', '--sample', '--unit', 'UBND XÃ A', '--from', from, '--to', to]));
      fs.writeFileSync(path.join(dir, file), await setCell(made, council.sheet, council.address, 732));
    }
    await openWebPage();
    await page.getByRole('tab', { name: 'Tổng hợp' }).click();
    expect(await page.getByRole('radio', { name: 'Theo đơn vị' }).isChecked(), 'Theo đơn vị is the default');
    await page.getByRole('radiogroup', { name: 'Cách tổng hợp' }).getByRole('radio', { name: 'Theo kỳ' }).check();
    expectEqual(await page.getByRole('textbox', { name: /Danh sách đơn vị/ }).count(), 0, 'no units list in Theo kỳ');
    await page.getByTestId('sources-input').setInputFiles([months[2][0], months[0][0], months[1][0]].map((f) => path.join(dir, f)));
    await axeCheck('web: roll-up, chosen');
    const { file, name } = await downloadFrom('Lũy kế và tải về');
    expectEqual(name, 'luy-ke-2025-06-15-2025-09-14.xlsx', 'download name (the covering period)');
    expectEqual(await page.getByTestId('rollup-summary').textContent(), `Đã lũy kế 3/3 tệp vào ${name}.`, 'summary');
    expectEqual(await page.getByTestId('rollup-period').textContent(), 'Kỳ lũy kế: từ ngày 15/6/2025 đến ngày 14/9/2025 (Quý III/2025, 92 ngày).', 'the covering period');
    expectEqual(
      await page.locator('[data-testid="rollup-sources"] li').evaluateAll((els) => els.map((e) => [e.getAttribute('data-file'), e.getAttribute('data-included')])),
      months.map(([f]) => [f, 'yes']),
      'the sources in period order',
    );
    await axeCheck('web: roll-up, done');
    // The command line on the same files: the same sheets and the same tables.
    const cliOut = path.join(dir, 'luy-ke-cli.xlsx');
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'bieumau.js'), 'roll-up', cliOut, ...months.map(([f]) => f)], { cwd: dir, encoding: 'utf8' });
    expectEqual(r.status, 0, `bieumau roll-up exit (${r.stderr})`);
    const sheetNames = async (f) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(f);
      return wb.worksheets.map((w) => w.name);
    };
    expectEqual(await sheetNames(file), await sheetNames(cliOut), 'sheets, as the CLI makes them');
    const fromPage = JSON.parse(JSON.stringify(await readWorkbook(file)));
    expectEqual(fromPage.tables[2].rowLabels.map((c) => c.value), ['Từ ngày 15/6/2025 đến 14/7/2025', 'Từ ngày 15/7/2025 đến 14/8/2025', 'Từ ngày 15/8/2025 đến 14/9/2025'], 'Biểu 03: a row per month');
    expectEqual(fromPage, JSON.parse(JSON.stringify(await readWorkbook(cliOut))), 'tables read back, as the CLI\'s');
    // Its figures: what bieumau export gives of the roll-up just downloaded, byte for byte.
    const sub = fs.mkdtempSync(path.join(dir, 'luy-ke-'));
    fs.copyFileSync(file, path.join(sub, name));
    const rolledCsv = await downloadFrom('Tải số liệu (CSV)');
    expectEqual(rolledCsv.name, 'luy-ke-2025-06-15-2025-09-14-so-lieu.csv', 'CSV download name');
    const cliRolled = cliExport(sub, [name, '--for-excel']);
    expect(fs.readFileSync(rolledCsv.file).equals(cliRolled), 'the CSV download = bieumau export --for-excel of the roll-up, byte for byte');
    expect(cliRolled.toString('utf8').includes(',2025-07-15/2025-08-14,'), 'a month of the roll-up is a period of its own in the figures');
    const rolledZip = await downloadFrom('Tải SDMX');
    expectEqual(rolledZip.name, 'luy-ke-2025-06-15-2025-09-14-so-lieu-sdmx.zip', 'SDMX download name');
    sameSdmx(rolledZip.file, 'luy-ke-2025-06-15-2025-09-14-so-lieu', sub, [name]);
    // A missing month: refused, the dates named, nothing downloaded.
    let downloaded = false;
    const onDownload = () => (downloaded = true);
    page.on('download', onDownload);
    await page.getByTestId('sources-input').setInputFiles([months[0][0], months[2][0]].map((f) => path.join(dir, f)));
    await page.getByRole('button', { name: 'Lũy kế và tải về' }).click();
    await page.locator('[data-testid="consolidate-result"][data-written="no"]').waitFor();
    page.off('download', onDownload);
    expectEqual(await page.locator('[data-refusal]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-refusal'), e.textContent])), [
      ['gap', 'Các kỳ không liền nhau: thiếu từ 15/7/2025 đến 14/8/2025 (giữa thang-7.xlsx và thang-9.xlsx).'],
    ], 'the gap, with its dates');
    expect(!downloaded, 'nothing downloaded on a refusal');
    await axeCheck('web: roll-up, refused');
    await screenshot('rollup-gap');
    noPageProblems();
  });

  /** `bieumau export ARGS` run in `cwd` (file names as given there); its standard output as bytes. */
  function cliExport(cwd, args) {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'bieumau.js'), 'export', ...args], { cwd, maxBuffer: 64 * 1024 * 1024 });
    if (r.status !== 0) throw new Error(`bieumau export ${args.join(' ')}: exit ${r.status}: ${r.stderr}`);
    return r.stdout;
  }

  /** The structure message without its id and preparation time (two runs differ only there). */
  const timeless = (xml) => xml.replace(/<mes:ID>[^<]*<\/mes:ID>/, '<mes:ID/>').replace(/<mes:Prepared>[^<]*<\/mes:Prepared>/, '<mes:Prepared/>');

  /** Compares the page's SDMX .zip with `bieumau export --format sdmx-csv --structure` of the same files. */
  function sameSdmx(zipFile, base, cwd, inputs) {
    const { unzipSync } = require('fflate');
    const parts = unzipSync(fs.readFileSync(zipFile));
    expectEqual(Object.keys(parts), [`${base}-sdmx.csv`, `${base}-sdmx-cau-truc.xml`], 'the files in the SDMX .zip');
    cliExport(cwd, [...inputs, '--format', 'sdmx-csv', '-o', 'cli-sdmx.csv', '--structure', 'cli-cau-truc.xml', '--force']);
    expect(Buffer.from(parts[`${base}-sdmx.csv`]).equals(fs.readFileSync(path.join(cwd, 'cli-sdmx.csv'))), 'the SDMX-CSV data = bieumau export --format sdmx-csv, byte for byte');
    const xml = Buffer.from(parts[`${base}-sdmx-cau-truc.xml`]).toString('utf8');
    expectEqual(timeless(xml), timeless(fs.readFileSync(path.join(cwd, 'cli-cau-truc.xml'), 'utf8')), 'the structure message = bieumau export --structure (but for its id and time)');
    const xsd = path.join(ROOT, 'schemas', 'sdmx-ml-3.0', 'SDMXMessage.xsd');
    fs.writeFileSync(path.join(cwd, 'page-cau-truc.xml'), xml);
    const lint = spawnSync('xmllint', ['--noout', '--nonet', '--schema', xsd, path.join(cwd, 'page-cau-truc.xml')], { encoding: 'utf8' });
    expectEqual(lint.status, 0, `the page's structure message validates against SDMX-ML 3.0 (${lint.stderr})`);
  }

  scenario('web page: Tải số liệu (CSV) and Tải SDMX give what bieumau export gives, for the checked files and for the consolidated workbook (offline)', async () => {
    const sample = await buildWorkbook(parseNewArgs(['x.xlsx', '--sample']));
    const council = (await readWorkbook(sample)).tables[0].columns['local.council'][0];
    const names = ['xuat-seed.xlsx', 'xuat-hong.xlsx', 'xuat-a.xlsx', 'xuat-b.xlsx'];
    fs.writeFileSync(path.join(dir, 'xuat-seed.xlsx'), sample); // the seed, with its HĐND error
    fs.writeFileSync(path.join(dir, 'xuat-hong.xlsx'), 'just text');
    for (const [file, unit] of [
      ['xuat-a.xlsx', 'XÃ A'],
      ['xuat-b.xlsx', '=XÃ "B", Đạ Huoai'],
    ]) {
      const made = await buildWorkbook(parseNewArgs(['x.xlsx', '--sample', '--unit', unit]));
      fs.writeFileSync(path.join(dir, file), await setCell(made, council.sheet, council.address, 732));
    }
    await openWebPage();
    // Offline from here: the warm-up loaded the export with the rest, so the buttons need no network.
    await context.setOffline(true);
    await checkFiles(names.map((f) => path.join(dir, f)));
    const readable = names.filter((f) => f !== 'xuat-hong.xlsx');
    const csv = await downloadFrom('Tải số liệu (CSV)');
    expectEqual(csv.name, 'so-lieu.csv', 'CSV download name');
    const cliCsv = cliExport(dir, [...readable, '--for-excel']);
    expect(fs.readFileSync(csv.file).equals(cliCsv), 'the CSV download = bieumau export --for-excel of the readable files, byte for byte');
    const text = cliCsv.toString('utf8');
    expect(text.startsWith('\uFEFFunit,'), 'the CSV starts with the byte-order mark');
    expect(text.includes(`\r\n"'=XÃ ""B"", Đạ Huoai",2025-07-01,`), 'a unit that looks like a formula is written as text');
    expectEqual(text.split('\r\n').filter((l) => l !== '').length, 1 + 3 * 70, 'CSV lines: the header and 70 figures a file');
    await page.getByTestId('export-status').getByText('Đã tải so-lieu.csv: 210 số liệu.').waitFor();
    const zip = await downloadFrom('Tải SDMX');
    expectEqual(zip.name, 'so-lieu-sdmx.zip', 'SDMX download name');
    sameSdmx(zip.file, 'so-lieu', dir, readable);
    await axeCheck('web: check, figures exported');
    await screenshot('check-export');

    // Tổng hợp: the figures of the workbook just made, as bieumau export of that workbook gives them.
    await page.getByRole('tab', { name: 'Tổng hợp' }).click();
    await page.getByTestId('sources-input').setInputFiles(['xuat-a.xlsx', 'xuat-b.xlsx'].map((f) => path.join(dir, f)));
    const made = await downloadFrom('Tổng hợp và tải về');
    expectEqual(made.name, 'tong-hop-2025-07-01-2025-10-15.xlsx', 'consolidated workbook');
    const sub = fs.mkdtempSync(path.join(dir, 'tong-hop-'));
    fs.copyFileSync(made.file, path.join(sub, made.name));
    const consolidatedCsv = await downloadFrom('Tải số liệu (CSV)');
    expectEqual(consolidatedCsv.name, 'tong-hop-2025-07-01-2025-10-15-so-lieu.csv', 'CSV download name');
    const cliConsolidated = cliExport(sub, [made.name, '--for-excel']);
    expect(fs.readFileSync(consolidatedCsv.file).equals(cliConsolidated), 'the CSV download = bieumau export --for-excel of the consolidated workbook, byte for byte');
    const lines = cliConsolidated.toString('utf8').split('\r\n');
    for (const row of ['XÃ A', `"'=XÃ ""B"", Đạ Huoai"`, 'total']) expect(lines.some((l) => l.includes(`,b01,1,${row},`)), `Biểu 01 records of the row ${row} in the consolidation's figures`);
    const consolidatedZip = await downloadFrom('Tải SDMX');
    expectEqual(consolidatedZip.name, 'tong-hop-2025-07-01-2025-10-15-so-lieu-sdmx.zip', 'SDMX download name');
    sameSdmx(consolidatedZip.file, 'tong-hop-2025-07-01-2025-10-15-so-lieu', sub, [made.name]);
    await axeCheck('web: consolidate, figures exported');
    await context.setOffline(false);
    noPageProblems();
  });

  scenario('web page: a pack deployed beside the add-in (packs/index.json) adds its table to Tạo biểu mẫu and Kiểm tra', async () => {
    // Served by the test in place of the build's empty index (same origin, as an office deploys them).
    const { catalogFromPackFiles } = require(path.join(ROOT, 'src', 'cli', 'pack-option.ts'));
    const packFile = path.join(ROOT, 'packs', 'examples', 'chung-thu-so.json');
    await openWebPage({ routes: { '/packs/index.json': JSON.stringify({ packs: ['chung-thu-so.json'] }), '/packs/chung-thu-so.json': fs.readFileSync(packFile, 'utf8') } });
    // The pack's tables join the standard ones once packs/index.json and the pack are read.
    const cts = page.getByRole('checkbox', { name: /^Chứng thư số:/ });
    await cts.waitFor();
    expect(!(await cts.isChecked()), 'a pack table is offered, not chosen');
    for (const n of ['01', '02', '03', '04']) await page.getByRole('checkbox', { name: new RegExp(`^Biểu ${n}:`) }).uncheck();
    await cts.check();
    const { file } = await downloadFrom('Tải về sổ tính');
    const read = await readWorkbook(file, catalogFromPackFiles([packFile]));
    expectEqual(read.tables.map((t) => [t.templateId, t.sheet]), [['cts', 'Chứng thư số']], 'the pack table, read with the pack');
    await checkFiles([file]);
    const rules = await page.locator(`section[data-file="${path.basename(file)}"] li[data-rule]`).evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')));
    expect(!rules.includes('workbook.no-tables') && !rules.includes('structure.unknown-template'), `the page knows the pack's table: ${rules.join(', ')}`);
    noPageProblems();
  });

  scenario('web page: no request left the page\'s origin', async () => {
    const { origin } = h.env();
    await context.close();
    context = undefined;
    fs.rmSync(dir, { recursive: true, force: true });
    expect(allRequests.length > 5, `requests were recorded (${allRequests.length})`);
    const outside = allRequests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('blob:') && !u.startsWith('data:'));
    expectEqual(outside, [], 'requests to other origins');
    // blob: URLs are the downloads the page made itself (its own origin).
    const blobs = allRequests.filter((u) => u.startsWith('blob:'));
    expect(blobs.every((u) => u.startsWith(`blob:${origin}/`)), `blob URLs of the page's origin: ${blobs.join(' ')}`);
  });
}

module.exports = { register: (h) => (register(h), registerWebPage(h)) };
