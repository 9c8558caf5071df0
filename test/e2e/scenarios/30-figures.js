// Số liệu and report settings changed after the tables were inserted.
'use strict';

const { scenario, expect, expectEqual, TEMPLATES } = require('../harness');

scenario('Số liệu: totals, averages and the sentences to copy', async (t) => {
  await t.seed({ tables: 'all', sample: true });
  const { pane } = t;
  await pane.getByRole('tab', { name: 'Số liệu' }).click();
  await pane.getByText('trung bình một ngày xử lý 42 văn bản đến, ban hành 4.547 văn bản đi', { exact: true }).waitFor();
  expectEqual(await pane.getByTestId('figures-period').textContent(), 'Kỳ báo cáo: 01/7/2025 – 15/10/2025 (107 ngày; một tháng tính 30 ngày).', 'period line');
  expect((await pane.getByRole('button', { name: 'Sao chép' }).count()) >= 3, 'copy buttons');
  await t.axeCheck('figures');
  await t.screenshot('figures');
});

scenario('settings saved after insertion update the heading of every table', async (t) => {
  await t.seed({ tables: 'all', sample: true });
  const { pane } = t;
  await pane.getByRole('tab', { name: 'Thiết lập báo cáo' }).click();
  await pane.getByRole('textbox', { name: 'Số báo cáo' }).fill('53-BC/TU');
  await pane.getByRole('button', { name: 'Lưu thiết lập' }).click();
  await pane.getByText('Đã lưu. Đã cập nhật tiêu đề của 4 biểu.').waitFor();
  for (const tpl of TEMPLATES) {
    const v = await t.hostValue(tpl.name.vi, 'A3');
    expect(typeof v === 'string' && v.includes('53-BC/TU'), `${tpl.name.vi} heading: ${v}`);
  }
});
