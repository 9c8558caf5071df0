// Số liệu and report settings changed after the tables were inserted.
'use strict';

const { scenario, expect, expectEqual, TEMPLATES } = require('../harness');

scenario('Số liệu: totals, averages and the sentences to copy', async (t) => {
  await t.seed({ tables: 'all', sample: true });
  const { pane } = t;
  await t.openTab('Số liệu');
  await pane.getByText('trung bình một ngày xử lý 42 văn bản đến, ban hành 4.547 văn bản đi', { exact: true }).waitFor();
  expectEqual(await pane.getByTestId('figures-period').textContent(), 'Kỳ báo cáo: 01/7/2025 – 15/10/2025 (107 ngày; một tháng tính 30 ngày).', 'period line');
  expect((await pane.getByRole('button', { name: 'Sao chép' }).count()) >= 3, 'copy buttons');
  await t.axeCheck('figures');
  await t.screenshot('figures');
});

scenario('settings saved after insertion update the heading of every table', async (t) => {
  await t.seed({ tables: 'all', sample: true });
  const { pane } = t;
  await t.openTab('Thiết lập báo cáo');
  await pane.getByRole('textbox', { name: 'Số báo cáo' }).fill('53-BC/TU');
  await pane.getByRole('button', { name: 'Lưu thiết lập' }).click();
  await pane.getByText('Đã lưu. Đã cập nhật tiêu đề của 4 biểu.').waitFor();
  for (const tpl of TEMPLATES) {
    const v = await t.hostValue(tpl.name.vi, 'A3');
    expect(typeof v === 'string' && v.includes('53-BC/TU'), `${tpl.name.vi} heading: ${v}`);
  }
});

scenario('Số liệu: the figures copied and saved as CSV are the seed figures, as bieumau export --for-excel gives them', async (t) => {
  const fs = require('fs');
  const os = require('os');
  const path = require('path');
  const { spawnSync } = require('child_process');
  const ROOT = path.resolve(__dirname, '..', '..', '..');
  const { buildWorkbook, parseNewArgs } = require(path.join(ROOT, 'src', 'cli', 'new.ts'));
  const { parseCsvStrict } = require(path.join(ROOT, 'test', 'support', 'strict-csv.ts'));
  await t.seed({ tables: 'all', sample: true });
  const { pane, page } = t;
  await t.openTab('Số liệu');
  await pane.getByRole('button', { name: 'Sao chép số liệu (CSV)' }).waitFor();
  // What the pane puts on the clipboard, recorded in the pane's own document.
  const frame = await t.paneFrame();
  await frame.evaluate(() => {
    window.__copied = [];
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: async (text) => void window.__copied.push(text) }, configurable: true });
  });
  await pane.getByRole('button', { name: 'Sao chép số liệu (CSV)' }).click();
  await pane.getByTestId('pane-status').getByText('Đã sao chép 70 số liệu (CSV).').waitFor();
  const copied = await frame.evaluate(() => window.__copied[0]);
  const [download] = await Promise.all([page.waitForEvent('download'), pane.getByRole('button', { name: 'Lưu số liệu (CSV)' }).click()]);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bm-e2e-figures-'));
  try {
    const savedFile = path.join(dir, 'saved.csv');
    await download.saveAs(savedFile);
    expectEqual(download.suggestedFilename(), 'so-lieu.csv', 'saved file name (the preview tells no workbook name)');
    const saved = fs.readFileSync(savedFile, 'utf8');
    expectEqual(saved, `\uFEFF${copied}`, 'the saved CSV is the copied one with the byte-order mark');
    // The same figures as bieumau export --for-excel of the seed workbook, but for the file's name and fingerprint (no file here).
    fs.writeFileSync(path.join(dir, 'seed.xlsx'), await buildWorkbook(parseNewArgs(['x.xlsx', '--sample'])));
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'bieumau.js'), 'export', 'seed.xlsx', '--for-excel'], { cwd: dir, encoding: 'utf8' });
    expectEqual(r.status, 0, `bieumau export exit (${r.stderr})`);
    const cli = parseCsvStrict(r.stdout.replace(/^\uFEFF/, ''));
    const fromPane = parseCsvStrict(copied);
    expectEqual(fromPane[0], cli[0], 'header');
    expectEqual(fromPane.length, 71, 'the header and 70 figures');
    expectEqual([...new Set(fromPane.slice(1).map((x) => `${x[13]}|${x[14]}|${x[15]}`))], ['||1'], 'no file name, no fingerprint, the seed\'s one error');
    // Computed figures are what the workbook's cells hold: here the in-memory Excel's results, which it
    // rounds (42.289719626 for 4525/107), where the export of a never-opened file computes 42.28971962616822.
    const strip = (rows) => rows.slice(1).map((x) => [...x.slice(0, 11), x[12], x[15]].join(','));
    expectEqual(strip(fromPane), strip(cli), 'every figure as bieumau export gives it for the seed workbook: unit, period, table, row, column, kind');
    fromPane.slice(1).forEach((x, i) => {
      const want = cli[i + 1][11];
      const close = x[12] === 'entry' ? x[11] === want : Math.abs(Number(x[11]) - Number(want)) <= 1e-9 * Math.max(1, Math.abs(Number(want)));
      expect(close, `value of ${x[5]} ${x[7]} ${x[9]}: ${x[11]}, bieumau export ${want}`);
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  await t.axeCheck('figures exported');
});
