// Đối chiếu báo cáo (.docx)…: the seed report built as a .docx, tied out in the pane (against the open
// workbook) and on the web page (against the report's own tables): the certificate finding with 7.888.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { scenario, expect, expectEqual, env } = require('../harness');

const ROOT = path.join(__dirname, '..', '..', '..');
require('tsx/cjs/api').register();
const { seedReportDocx, seedTextDocx } = require(path.join(ROOT, 'test', 'support', 'seed-report.ts'));

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bm-e2e-tieout-'));
const textOnly = path.join(dir, 'bao-cao-loi-van.docx');
const withTables = path.join(dir, 'bao-cao.docx');
fs.writeFileSync(textOnly, seedTextDocx());
fs.writeFileSync(withTables, seedReportDocx());

scenario('pane, Kiểm tra: Đối chiếu báo cáo (.docx)… shows the certificate finding with 7.888 against the open workbook', async (t) => {
  await t.seed({ tables: 'all', sample: true, check: true });
  const { pane } = t;
  await pane.getByRole('button', { name: 'Đối chiếu báo cáo (.docx)…' }).waitFor();
  await pane.getByTestId('tieout-report-input').setInputFiles(textOnly);
  const parts = pane.locator('li[data-rule="text.parts"]');
  await parts.waitFor();
  const text = await parts.textContent();
  expect(text.includes('Với 7.888 thì 1.487 + 7.888 = 9.375 cũng khớp'), `certificate finding: ${text}`);
  expectEqual(await parts.locator('mark').textContent(), '7.697', 'the figure highlighted');
  expectEqual(await pane.locator('li[data-rule="text.table"]').count(), 4, 'the four averages');
  await t.axeCheck('tie-out: pane');
  await t.screenshot('tieout-pane');
  // The compact pane (320 × 560) in DejaVu Sans, Chromium's wide fallback: no sideways scrolling,
  // the certificate finding reachable by scrolling down and drawn within the pane's width.
  const frame = await t.resizePane(320, 560);
  await frame.addStyleTag({ content: "*, *::before, *::after { font-family: 'DejaVu Sans', sans-serif !important; }" });
  await frame.evaluate(() => document.fonts.ready);
  await parts.scrollIntoViewIfNeeded();
  const fit = await frame.evaluate(() => {
    const li = document.querySelector('li[data-rule="text.parts"]');
    const r = li.getBoundingClientRect();
    return { scrollWidth: document.documentElement.scrollWidth, width: window.innerWidth, left: r.left, right: r.right, top: r.top, bottom: r.bottom };
  });
  expect(fit.scrollWidth <= fit.width, `320 px: the pane scrolls sideways (${fit.scrollWidth} > ${fit.width})`);
  expect(fit.left >= 0 && fit.right <= fit.width, `320 px: the certificate finding is cut (${fit.left}–${fit.right} of ${fit.width})`);
  expect(fit.top < 560 && fit.bottom > 0, `320 px: the certificate finding is not in view after scrolling to it (${fit.top}–${fit.bottom})`);
  await t.axeCheck('tie-out: pane 320');
  await t.screenshot('tieout-pane-320', { pane: true });
});

scenario('web page, Kiểm tra: Đối chiếu báo cáo (.docx)… shows the certificate finding with 7.888 and cross.council from the report tables', async () => {
  const { browser, origin } = env();
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 }, locale: 'vi-VN', acceptDownloads: true, reducedMotion: 'reduce' });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(60000);
    const problems = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    await page.goto(`${origin}/web/`);
    await page.getByRole('tab', { name: 'Kiểm tra' }).click();
    await page.getByRole('button', { name: 'Đối chiếu báo cáo (.docx)…' }).waitFor();
    await page.getByTestId('tieout-report-input').setInputFiles(withTables);
    const summary = page.getByTestId('tieout-summary');
    await summary.waitFor();
    expectEqual(await summary.textContent(), 'bao-cao.docx: 6 lỗi, 0 cảnh báo, 1 số liệu khớp (35 đoạn, 3 bảng; biểu tìm thấy: Biểu 01, Biểu 02, Biểu 03).', 'summary');
    const parts = page.locator('li[data-rule="text.parts"]');
    expect((await parts.textContent()).includes('Đúng là: 7.888'), 'expected 7.888');
    expectEqual(await page.locator('li[data-rule="cross.council"]').count(), 1, 'cross.council from the report tables');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải kết quả đối chiếu (CSV)' }).click()]);
    const csvFile = path.join(dir, download.suggestedFilename());
    await download.saveAs(csvFile);
    expect(fs.readFileSync(csvFile, 'utf8').includes('finding,text.parts,error,22,,,7697,7888,'), 'CSV row of the certificate finding');
    await page.screenshot({ path: path.join(env().out, 'web-tieout.png'), fullPage: true });
    expectEqual(problems, [], 'page errors');
  } finally {
    await context.close();
  }
});
