// Kiểm tra: the findings of the seed report, selecting a cell, Sửa / Hoàn tác, ready to send, live re-check.
'use strict';

const { scenario, expect, expectEqual, entryAddress } = require('../harness');

/** The seed report in all four tables, its figures filled in, Kiểm tra open. */
async function seeded(t, { check = true } = {}) {
  await t.seed({ tables: 'all', sample: true, check });
  if (!check) await t.openTab('Kiểm tra');
  return { b01Names: await t.tableCells('Biểu 01'), b02Names: await t.tableCells('Biểu 02') };
}

scenario('Kiểm tra finds the HĐND mismatch: 732 against 752, difference −20', async (t) => {
  await seeded(t, { check: false });
  const { pane } = t;
  await pane.getByRole('button', { name: 'Kiểm tra', exact: true }).click();
  const councilFinding = pane.locator('li[data-rule="cross.council"]');
  await councilFinding.waitFor();
  expectEqual(await pane.locator('li[data-severity="error"]').count(), 1, 'errors');
  expectEqual(await councilFinding.getByTestId('finding-values').textContent(), 'Vế trái:732Vế phải:752Chênh lệch:-20', 'left / right / difference');
  expect((await pane.getByTestId('check-summary').textContent()).includes('Chưa sẵn sàng gửi'), 'not ready');
  await t.axeCheck('check: mismatch');
  await t.screenshot('check-mismatch');
});

scenario('clicking the finding selects its cell in the grid', async (t) => {
  const { b02Names } = await seeded(t);
  const { pane, page } = t;
  const councilFinding = pane.locator('li[data-rule="cross.council"]');
  const d = entryAddress(b02Names, 'council.total');
  await councilFinding.getByRole('button', { name: `Biểu 02!${d}` }).click();
  await page.locator(`#sheet-tabs button[data-sheet="Biểu 02"][aria-current="true"]`).waitFor();
  await page.locator(`#grid td[data-address="${d}"][data-selected="true"]`).waitFor();
  expectEqual(await page.locator('#name-box').textContent(), `Biểu 02!${d}`, 'name box');
  expect((await page.locator(`#grid td[data-address="${d}"]`).getAttribute('data-marked')) === 'true', 'the cell is marked in the sheet');
  await t.screenshot('finding-selected');
});

scenario('"1.292" planted as text: Sửa makes it 1292, Hoàn tác puts the text back', async (t) => {
  const { b01Names } = await seeded(t);
  const { pane } = t;
  await t.openSheet('Biểu 01');
  const cell = entryAddress(b01Names, 'central.politburo');
  await t.typeInGrid('Biểu 01', cell, "'1.292");
  expectEqual(await t.hostValue('Biểu 01', cell), '1.292', 'planted text');
  await pane.getByRole('button', { name: 'Kiểm tra', exact: true }).click();
  const item = pane.locator(`li[data-rule="entry.text-number"]`);
  await item.waitFor();
  expect((await item.textContent()).includes(`Biểu 01!${cell}`), 'finding names the cell');
  await t.axeCheck('check: text number');
  await t.screenshot('text-number');
  await item.getByRole('button', { name: 'Sửa', exact: true }).click();
  await pane.getByText(`Đã sửa ô Biểu 01!${cell}.`).waitFor();
  expectEqual(await t.hostValue('Biểu 01', cell), 1292, 'fixed value');
  expectEqual(await pane.locator('li[data-rule="entry.text-number"]').count(), 0, 'finding gone after the fix');
  await t.axeCheck('check: fixed');
  await t.screenshot('fixed');
  await pane.getByRole('button', { name: 'Hoàn tác', exact: true }).click();
  await pane.getByText('Đã hoàn tác lần sửa gần nhất.').waitFor();
  expectEqual(await t.hostValue('Biểu 01', cell), '1.292', 'reverted value');
  await pane.locator('li[data-rule="entry.text-number"]').waitFor();
  await t.screenshot('reverted');
});

scenario('without "reduce motion" too, Hoàn tác is readable the moment Sửa enables it: no colour transition', async (t) => {
  await t.seed({ tables: ['b01', 'b02'], sample: true, reducedMotion: 'no-preference' });
  const { pane } = t;
  const b01Names = await t.tableCells('Biểu 01');
  const cell = entryAddress(b01Names, 'central.politburo');
  await t.openSheet('Biểu 01');
  await t.typeInGrid('Biểu 01', cell, "'1.292");
  await t.runCheck();
  await t.loadAxe();
  const item = pane.locator('li[data-rule="entry.text-number"]');
  await item.getByRole('button', { name: 'Sửa', exact: true }).click();
  const undo = pane.getByRole('button', { name: 'Hoàn tác', exact: true });
  await pane.locator('button[aria-disabled="true"]', { hasText: 'Hoàn tác' }).waitFor({ state: 'detached' });
  // Measured at once, with no wait for anything to settle: what the clerk sees in the first frame.
  const seen = await undo.evaluate(async (el) => {
    const running = el.getAnimations().filter((a) => a.playState === 'running').length;
    const r = await window.axe.run(el, { runOnly: ['color-contrast'], resultTypes: ['violations'] });
    return { transition: getComputedStyle(el).transitionProperty, running, contrast: r.violations.map((v) => v.nodes.map((n) => n.failureSummary).join(' ')) };
  });
  expectEqual(seen, { transition: 'none', running: 0, contrast: [] }, 'Hoàn tác right after Sửa');
  await t.axeCheck('check: fixed, motion allowed');
});

scenario('with HĐND made equal, the pane says "Sẵn sàng gửi"; Xóa đánh dấu clears the marks', async (t) => {
  const { b02Names } = await seeded(t);
  const { pane, page } = t;
  await t.openSheet('Biểu 02');
  await t.typeInGrid('Biểu 02', entryAddress(b02Names, 'council.other'), '577');
  await pane.getByRole('button', { name: 'Kiểm tra', exact: true }).click();
  await pane.locator('[data-testid="check-summary"][data-ready="true"]').waitFor();
  expect(await pane.getByText('Sẵn sàng gửi', { exact: true }).isVisible(), 'Sẵn sàng gửi is shown');
  await t.axeCheck('check: ready');
  await t.screenshot('ready-to-send');
  await pane.getByRole('button', { name: 'Xóa đánh dấu' }).click();
  await pane.getByText('Đã xóa đánh dấu trên trang tính.').waitFor();
  expectEqual(await page.locator('#grid td[data-marked="true"]').count(), 0, 'marks left in the grid');
});

scenario('live re-check on: an edit in the grid breaks and then fixes HĐND, findings follow without Kiểm tra', async (t) => {
  const { b02Names } = await seeded(t);
  const { pane } = t;
  const other = entryAddress(b02Names, 'council.other');
  // Known start: HĐND equal, checked, ready to send, marks cleared.
  await t.openSheet('Biểu 02');
  await t.typeInGrid('Biểu 02', other, '577');
  await pane.getByRole('button', { name: 'Kiểm tra', exact: true }).click();
  await pane.locator('[data-testid="check-summary"][data-ready="true"]').waitFor();
  await pane.getByRole('button', { name: 'Xóa đánh dấu' }).click();
  await pane.getByText('Đã xóa đánh dấu trên trang tính.').waitFor();

  const live = pane.getByRole('switch', { name: 'Tự động kiểm tra lại khi sửa số liệu' });
  expect(!(await live.isChecked()), 'the switch is off by default');
  await live.click();
  expect(await live.isChecked(), 'the switch is on');
  // The system asks for reduced motion (the suite's setting): the switch's thumb does not slide.
  expectEqual(await (await t.paneFrame()).evaluate(() => document.getAnimations().length), 0, 'animations running after the switch, with reduced motion');
  await t.typeInGrid('Biểu 02', other, '570');
  await pane.locator('[data-testid="check-summary"][data-ready="false"]').waitFor();
  const item = pane.locator('li[data-rule="cross.council"]');
  await item.waitFor();
  expectEqual(await item.getByTestId('finding-values').textContent(), 'Vế trái:745Vế phải:752Chênh lệch:-7', 'left / right / difference after the edit');
  await t.axeCheck('check: live, broken');
  await t.screenshot('live-broken');
  await t.typeInGrid('Biểu 02', other, '577');
  await pane.locator('[data-testid="check-summary"][data-ready="true"]').waitFor();
  expectEqual(await pane.locator('li[data-rule="cross.council"]').count(), 0, 'HĐND finding gone after the edit');
  await t.axeCheck('check: live, fixed');
  await t.screenshot('live-fixed');
  await live.click();
  expect(!(await live.isChecked()), 'the switch is off again');
  await pane.getByRole('button', { name: 'Xóa đánh dấu' }).click();
  await pane.getByText('Đã xóa đánh dấu trên trang tính.').waitFor();
});

scenario('live re-check removes the finding that had the keyboard: the keyboard goes to the nearest remaining finding, or the summary', async (t) => {
  const { b02Names } = await seeded(t);
  const { pane, page } = t;
  const frame = await t.paneFrame();
  const live = pane.getByRole('switch', { name: 'Tự động kiểm tra lại khi sửa số liệu' });
  await live.click();
  const d = entryAddress(b02Names, 'council.total');
  const link = pane.locator('li[data-rule="cross.council"]').getByRole('button', { name: `Biểu 02!${d}` });
  await link.focus();
  const before = await frame.evaluate(() => {
    const items = [...document.querySelectorAll('li[data-key]')];
    return { index: items.findIndex((li) => li.contains(document.activeElement)), count: items.length };
  });
  expect(before.index >= 0, 'the HĐND finding has the keyboard');
  // The figure changes in the workbook while the pane keeps the keyboard (as a co-author's edit would).
  await page.evaluate(([a]) => {
    const b = window.__bieumauPreview;
    b.host.type('Biểu 02', a, 577);
    b.afterBatch();
  }, [entryAddress(b02Names, 'council.other')]);
  await pane.locator('[data-testid="check-summary"][data-ready="true"]').waitFor();
  const after = await frame.evaluate(() => {
    const items = [...document.querySelectorAll('li[data-key]')];
    const a = document.activeElement;
    return { keys: items.map((li) => li.dataset.key), active: a && a.dataset ? a.dataset.key || a.dataset.testid || a.tagName : null };
  });
  expectEqual(after.keys.length, before.count - 1, 'findings left');
  const expected = after.keys.length > 0 ? after.keys[Math.min(before.index, after.keys.length - 1)] : 'check-summary';
  expectEqual(after.active, expected, 'the element with the keyboard');
  await t.axeCheck('check: live, focus kept');
});
