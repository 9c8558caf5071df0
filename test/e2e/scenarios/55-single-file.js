// The single-file web page (dist/bieumau.html) opened from the disk (file://) with the network
// blocked: it creates a workbook, checks one with planted errors, consolidates two units and opens a
// template pack from a file, and no request of any kind leaves the page.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { pathToFileURL } = require('url');
const { scenario, expect, expectEqual, env, STATE_TIMEOUT_MS } = require('../harness');

const ROOT = path.resolve(__dirname, '..', '..', '..');
require('tsx/cjs/api').register();
const { buildWorkbook, parseNewArgs } = require(path.join(ROOT, 'src', 'cli', 'new.ts'));
const { readWorkbook } = require(path.join(ROOT, 'src', 'cli', 'path-source.ts'));
const { setCell } = require(path.join(ROOT, 'test', 'support', 'edit-xlsx.ts'));
const AXE = require.resolve('axe-core/axe.min.js');

scenario('single file: bieumau.html from file:// with the network blocked creates, checks, consolidates and opens a pack; nothing leaves the page', async () => {
  const { browser, dist, out } = env();
  const file = path.join(dist, 'bieumau.html');
  expect(fs.existsSync(file), `${file} is built`);
  const url = pathToFileURL(file).href;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bm-e2e-single-'));
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 }, locale: 'en-US', acceptDownloads: true, reducedMotion: 'reduce', offline: true });
  const requests = [];
  const problems = [];
  // Nothing but the page itself may be fetched; anything else is refused and recorded.
  await context.route('**/*', (route) => (route.request().url() === url ? route.continue() : route.abort()));
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(STATE_TIMEOUT_MS);
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
    await page.goto(url);
    await page.getByRole('tab', { name: 'Tạo biểu mẫu' }).waitFor();
    await page.locator('html[data-engines="ready"]').waitFor();
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp.includes("connect-src 'none'") && csp.includes("default-src 'none'") && /script-src 'sha256-[^']+' 'sha256-[^']+'$/m.test(csp.split(';').find((d) => d.includes('script-src'))), `the page's policy: ${csp}`);
    expect((await page.getByTestId('web-privacy').textContent()).includes("connect-src 'none'"), 'the page says nothing can leave it');

    // Tạo biểu mẫu: the download equals what bieumau new writes with the same options.
    await page.getByRole('checkbox', { name: /^Biểu 03:/ }).uncheck();
    await page.getByRole('checkbox', { name: /^Biểu 04:/ }).uncheck();
    await page.getByRole('textbox', { name: 'Đơn vị báo cáo' }).fill('UBND XÃ A');
    await page.getByRole('combobox', { name: 'Loại kỳ' }).selectOption('quarter');
    await page.getByRole('combobox', { name: 'Quý' }).selectOption('3');
    await page.getByRole('spinbutton', { name: 'Năm' }).fill('2025');
    const download = async (name) => {
      const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
      const saved = path.join(dir, `${Date.now()}-${d.suggestedFilename()}`);
      await d.saveAs(saved);
      return saved;
    };
    const created = await download('Tải về sổ tính');
    const cli = await readWorkbook(await buildWorkbook(parseNewArgs(['x.xlsx', '--templates', '01,02', '--unit', 'UBND XÃ A', '--from', '2025-06-15', '--to', '2025-09-14'])));
    const same = JSON.stringify(await readWorkbook(created)) === JSON.stringify(cli);
    expect(same, 'the single file\'s workbook, read back, equals what bieumau new writes with the same options');

    // Kiểm tra: planted errors shown at their cells.
    const sample = await buildWorkbook(parseNewArgs(['x.xlsx', '--sample']));
    const b01 = (await readWorkbook(sample)).tables.find((t) => t.templateId === 'b01');
    const council = b01.columns['local.council'][0];
    const ministries = b01.columns['central.ministries'][0];
    let planted = await setCell(sample, council.sheet, council.address, 732);
    planted = await setCell(planted, ministries.sheet, ministries.address, '1.292');
    fs.writeFileSync(path.join(dir, 'planted.xlsx'), planted);
    await page.getByRole('tab', { name: 'Kiểm tra' }).click();
    await page.getByTestId('file-input').setInputFiles([path.join(dir, 'planted.xlsx')]);
    await page.locator('[data-testid="web-check-summary"][data-run="1"]').waitFor();
    const textNumber = page.locator('section[data-file="planted.xlsx"] li[data-rule="entry.text-number"]');
    expectEqual(await textNumber.getByTestId('finding-cells').textContent(), `Ô: ${ministries.sheet}!${ministries.address}`, 'the planted text number at its cell');
    expectEqual(await page.locator('section[data-file="planted.xlsx"] li[data-rule="cross.council"]').count(), 0, 'HĐND made equal');

    // Tổng hợp: two units.
    const sources = [];
    for (const [name, unit] of [['xa-a.xlsx', 'XÃ A'], ['xa-b.xlsx', 'XÃ B']]) {
      fs.writeFileSync(path.join(dir, name), await setCell(await buildWorkbook(parseNewArgs(['x.xlsx', '--sample', '--unit', unit])), council.sheet, council.address, 732));
      sources.push(path.join(dir, name));
    }
    await page.getByRole('tab', { name: 'Tổng hợp' }).click();
    await page.getByTestId('sources-input').setInputFiles(sources);
    const consolidated = await download('Tổng hợp và tải về');
    expect((await page.getByTestId('consolidate-summary').textContent()).startsWith('Đã tổng hợp 2/2 tệp'), 'two units consolidated');
    const units = (await readWorkbook(consolidated)).tables.find((t) => t.templateId === 'b01').rowLabels.map((c) => c.value);
    expectEqual(units, ['XÃ A', 'XÃ B'], 'one row per unit');

    // A template pack opened from a file: its table is offered, remembered after a reload, then forgotten.
    const pack = path.join(ROOT, 'packs', 'examples', 'chung-thu-so.json');
    await page.getByTestId('pack-file-input').setInputFiles([pack]);
    await page.getByTestId('web-pack-opened').waitFor();
    await page.getByRole('tab', { name: 'Tạo biểu mẫu' }).click();
    await page.getByRole('checkbox', { name: /^Chứng thư số:/ }).waitFor();
    await axeCheck(page);
    await page.screenshot({ path: path.join(out, 'single-file.png'), fullPage: true });
    await page.reload();
    await page.getByRole('checkbox', { name: /^Chứng thư số:/ }).waitFor();
    await page.getByRole('button', { name: /^Quên gói / }).click();
    await page.getByTestId('web-pack-opened').waitFor({ state: 'detached' });
    expectEqual(await page.getByRole('checkbox', { name: /^Chứng thư số:/ }).count(), 0, 'the forgotten pack\'s table');

    expectEqual(problems, [], 'console errors, page errors or failed requests');
    const outside = requests.filter((u) => u !== url && !u.startsWith('blob:') && !u.startsWith('data:'));
    expectEqual(outside, [], 'requests other than the page itself (and the downloads it made, blob:)');
  } finally {
    await context.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

async function axeCheck(page) {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), null, { timeout: STATE_TIMEOUT_MS });
  await page.evaluate(fs.readFileSync(AXE, 'utf8'));
  const violations = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
  });
  expectEqual(violations, [], 'axe on the single file');
}
