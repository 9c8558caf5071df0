// So với các kỳ trước in the pane: an earlier report of the unit chosen in Kiểm tra; the next
// check adds the history.outlier warning at the figure that stands out, marked in the grid; Số liệu
// shows the comparison.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { scenario, expect, expectEqual, entryAddress } = require('../harness');

const ROOT = path.join(__dirname, '..', '..', '..');
const { TEMPLATES, SEED_REPORT } = require(path.join(ROOT, 'src', 'core', 'forms', 'builtin.ts'));
const { layout } = require(path.join(ROOT, 'src', 'core', 'forms', 'layout.ts'));
const { writeWorkbook } = require(path.join(ROOT, 'src', 'xlsx', 'writer.ts'));

/**
 * The seed unit's report for 1/3–15/6/2025 (107 days, as the seed period): the seed figures of all
 * four tables, Quốc hội (Biểu 01) a tenth of today's 306.
 */
async function earlierReport() {
  const plans = TEMPLATES.map((t) => {
    const values = t.sample.map((row) => [...row]);
    if (t.id === 'b01') values[0][3] = 31;
    return layout(t, { ...SEED_REPORT, reportNo: '40-BC/TU', reportDate: '2025-06-20', from: '2025-03-01', to: '2025-06-15', values });
  });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bm-e2e-history-'));
  const file = path.join(dir, 'quy-truoc.xlsx');
  fs.writeFileSync(file, await writeWorkbook(plans));
  return { dir, file };
}

scenario('So với các kỳ trước: an earlier report with Quốc hội a tenth of today → exactly one history.outlier, marked', async (t) => {
  await t.seed({ tables: 'all', sample: true });
  const { pane, page } = t;
  const b01Names = await t.tableCells('Biểu 01');
  const cell = entryAddress(b01Names, 'central.assembly');
  const { dir, file } = await earlierReport();
  try {
    await t.openTab('Kiểm tra');
    await pane.getByRole('button', { name: 'Kiểm tra', exact: true }).click();
    await pane.getByTestId('check-summary').waitFor();
    expectEqual(await pane.locator('li[data-rule="history.outlier"]').count(), 0, 'history warnings before choosing');

    await pane.getByTestId('earlier-files').setInputFiles([file]);
    await pane.getByText('Đã chọn 1 tệp kỳ trước. Bấm Kiểm tra để so với các kỳ trước.').waitFor();
    await pane.getByRole('button', { name: 'Kiểm tra', exact: true }).click();
    await pane.getByText('Đã chọn 1 tệp kỳ trước. Đã so với: 01/3/2025–15/6/2025 (quy-truoc.xlsx).').waitFor();
    const items = pane.locator('li[data-rule="history.outlier"]');
    expectEqual(await items.count(), 1, 'history warnings');
    expectEqual(await items.first().getAttribute('data-severity'), 'warning', 'severity');
    const text = await items.first().textContent();
    expect(text.includes('2,9 văn bản/ngày') && text.includes('0,29/ngày'), `message: ${text}`);
    await t.axeCheck('check: history');
    await t.screenshot('history-outlier');

    // Marked in the grid; its cell button selects it.
    await items.first().getByRole('button', { name: `Biểu 01!${cell}` }).click();
    await page.locator(`#sheet-tabs button[data-sheet="Biểu 01"][aria-current="true"]`).waitFor();
    await page.locator(`#grid td[data-address="${cell}"][data-selected="true"]`).waitFor();
    expectEqual(await page.locator(`#grid td[data-address="${cell}"]`).getAttribute('data-marked'), 'true', 'the cell is marked');

    // Số liệu: the comparison of Biểu 01, the one flagged figure.
    await t.openTab('Số liệu');
    const table = pane.getByRole('table', { name: 'So với các kỳ trước: Biểu 01' });
    await table.waitFor();
    const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].slice(1).map((c) => c.textContent.trim())));
    expectEqual(rows, [['306 (2,9/ngày)', '31 (0,29/ngày)', 'gấp 9,9 lần Khác thường']], 'figures compared');
    await t.axeCheck('figures: history');
    await t.screenshot('history-figures');

    // Bỏ các kỳ trước: the next check has no history warning.
    await t.openTab('Kiểm tra');
    await pane.getByRole('button', { name: 'Bỏ các kỳ trước' }).click();
    await pane.getByText('Đã bỏ các tệp kỳ trước.').waitFor();
    await pane.getByRole('button', { name: 'Kiểm tra', exact: true }).click();
    await pane.locator('li[data-rule="history.outlier"]').waitFor({ state: 'detached' });
    await pane.locator('li[data-rule="cross.council"]').waitFor();
    expectEqual(await page.locator(`#grid td[data-address="${cell}"]`).getAttribute('data-marked'), null, 'the mark is gone');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
