// The compact pane, at the sizes of Excel's task pane (320 × 560 px, and 350 × 600 px as on the
// web): a one-line header, the tabs in one row, every tab's primary action on screen without
// scrolling, on Kiểm tra the summary and the first finding on screen after checking the seed
// report; the first-run screen shown once. Screenshots of the pane alone: test-output/e2e/*-compact-*.png.
'use strict';

const { scenario, expect, expectEqual } = require('../harness');

const SIZES = [
  { width: 320, height: 560 },
  { width: 350, height: 600 },
];

/** Each tab's primary action (and, for Tổng hợp, the choice of files that comes before it). */
const PRIMARY = {
  'Bảng biểu': [{ role: 'button', name: 'Chèn Biểu 01' }],
  'Thiết lập báo cáo': [{ role: 'button', name: 'Lưu thiết lập' }],
  'Kiểm tra': [{ role: 'button', name: 'Kiểm tra' }],
  'Số liệu': [{ role: 'button', name: 'Tính lại số liệu' }],
  'Tổng hợp': [
    { role: 'button', name: 'Chọn các tệp .xlsx' },
    { role: 'button', name: 'Tổng hợp' },
  ],
};

/**
 * The box of the element `selector` finds in the pane, with the pane scrolled to its top (as it
 * is when a tab opens) and the pane's own size: `inside` when the whole box is on screen.
 */
async function boxAtTop(frame, selector) {
  return frame.evaluate((sel) => {
    window.scrollTo(0, 0);
    const el = typeof sel === 'string' ? document.querySelector(sel) : null;
    if (!el) return null;
    const r = el.getBoundingClientRect();
    const w = window.innerWidth;
    const h = window.innerHeight;
    return {
      top: Math.round(r.top),
      bottom: Math.round(r.bottom),
      left: Math.round(r.left),
      right: Math.round(r.right),
      inside: r.width > 0 && r.height > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= h && r.right <= w,
      pane: `${w}×${h}`,
    };
  }, selector);
}

/** Marks the element a locator finds with data-measure, so boxAtTop can find it in the frame. */
async function measure(frame, locator, what) {
  await frame.evaluate(() => document.querySelectorAll('[data-measure]').forEach((el) => el.removeAttribute('data-measure')));
  await locator.evaluate((el) => el.setAttribute('data-measure', ''));
  const box = await boxAtTop(frame, '[data-measure]');
  expect(box !== null, `${what}: not found`);
  expect(box.inside, `${what} is not inside the ${box.pane} pane without scrolling: top ${box.top}, bottom ${box.bottom}, left ${box.left}, right ${box.right}`);
  return box;
}

/** The header is one line (name and buttons side by side) and the tab list one row inside the pane. */
async function expectCompactTop(frame, label) {
  const top = await frame.evaluate(() => {
    const header = document.querySelector('header').getBoundingClientRect();
    const title = document.querySelector('header h1').getBoundingClientRect();
    const buttons = [...document.querySelectorAll('header button')].map((b) => b.getBoundingClientRect());
    const tabs = [...document.querySelectorAll('[role="tab"]')].map((b) => b.getBoundingClientRect());
    return {
      header: header.height,
      title: { top: title.top, bottom: title.bottom },
      buttons: buttons.map((b) => ({ top: b.top, bottom: b.bottom })),
      tabTops: tabs.map((b) => Math.round(b.top)),
      tabRight: Math.max(...tabs.map((b) => b.right)),
      width: window.innerWidth,
    };
  });
  expect(top.buttons.length > 0, `${label}: buttons in the header`);
  for (const b of top.buttons) expect(b.top < top.title.bottom && b.bottom > top.title.top, `${label}: a header button is not on the name's line`);
  expect(top.header <= 48, `${label}: header ${top.header}px high, more than one line`);
  expectEqual(top.tabTops.length, 5, `${label}: tabs`);
  expectEqual(new Set(top.tabTops).size, 1, `${label}: rows of tabs (tops ${top.tabTops.join(', ')})`);
  expect(top.tabRight <= top.width, `${label}: tab strip ${top.tabRight}px wide in a ${top.width}px pane`);
}

for (const { width, height } of SIZES) {
  const size = `${width}×${height}`;

  scenario(`compact pane ${size}: one-line header, one row of tabs, each tab's primary action on screen`, async (t) => {
    await t.open();
    const frame = await t.resizePane(width, height);
    const { pane } = t;
    await expectCompactTop(frame, size);
    for (const [tab, actions] of Object.entries(PRIMARY)) {
      await pane.getByRole('tab', { name: tab }).click();
      await pane.locator('[role="tab"][aria-selected="true"]', { hasText: tab }).waitFor();
      // The first visit shows the tab's introduction: the worst case for the height.
      expect(await pane.getByTestId('tab-intro').isVisible(), `${size} ${tab}: introduction shown the first time`);
      for (const a of actions) {
        const target = pane.getByRole(a.role, { name: a.name, exact: true });
        await target.waitFor();
        await measure(frame, target, `${size} ${tab}: ${a.name}`);
      }
      await expectCompactTop(frame, `${size} ${tab}`);
      await t.axeCheck(`compact ${size}: ${tab}`);
      await t.screenshot(`compact-${width}-${tab.normalize('NFD').replace(/[^A-Za-z]+/g, '-').toLowerCase()}`, { pane: true });
    }
    // The second visit: the introduction waits behind "?", which shows it again.
    await pane.getByRole('tab', { name: 'Bảng biểu' }).click();
    const help = pane.getByRole('button', { name: 'Hướng dẫn thẻ Bảng biểu', exact: true });
    expectEqual(await help.getAttribute('aria-expanded'), 'false', `${size}: "?" collapsed on the second visit`);
    expect(!(await pane.getByTestId('tab-intro').isVisible()), `${size}: introduction hidden on the second visit`);
    await help.click();
    await pane.getByTestId('tab-intro').waitFor();
    expectEqual(await help.getAttribute('aria-expanded'), 'true', `${size}: "?" expanded`);
    await measure(frame, pane.getByRole('button', { name: 'Chèn Biểu 01', exact: true }), `${size} Bảng biểu with its introduction asked for`);
  });

  scenario(`compact pane ${size}: after checking the seed report, the summary and the first finding on screen`, async (t) => {
    await t.seed({ tables: 'all', sample: true });
    const frame = await t.resizePane(width, height);
    const { pane } = t;
    await t.runCheck();
    await pane.locator('li[data-rule="cross.council"]').waitFor();
    expect(await pane.getByTestId('tab-intro').isVisible(), `${size}: Kiểm tra's introduction shown (its first visit)`);
    await measure(frame, pane.getByTestId('check-summary'), `${size}: the summary`);
    const first = pane.locator('li[data-key]').first();
    expectEqual(await first.getAttribute('data-rule'), 'cross.council', `${size}: first finding`);
    await measure(frame, first, `${size}: the first finding`);
    await measure(frame, pane.getByTestId('run-check'), `${size}: Kiểm tra`);
    await expectCompactTop(frame, `${size} after the check`);
    await t.axeCheck(`compact ${size}: check result`);
    await t.screenshot(`compact-${width}-check-result`, { pane: true });
  });

  scenario(`compact pane in English ${size}: one-line header, one row of tabs, primary actions on screen`, async (t) => {
    await t.open({ lang: 'en-US' });
    const frame = await t.resizePane(width, height);
    const { pane } = t;
    await expectCompactTop(frame, `${size} English`);
    await measure(frame, pane.getByRole('button', { name: 'Insert Table 01', exact: true }), `${size} English: Insert Table 01`);
    for (const [tab, name] of [
      ['Report settings', 'Save settings'],
      ['Check', 'Check'],
      ['Consolidate', 'Consolidate'],
    ]) {
      await pane.getByRole('tab', { name: tab }).click();
      const target = pane.getByRole('button', { name, exact: true });
      await target.waitFor();
      await measure(frame, target, `${size} English ${tab}: ${name}`);
    }
    await expectCompactTop(frame, `${size} English on Consolidate`);
    await t.axeCheck(`compact ${size}: english`);
    await t.screenshot(`compact-${width}-english`, { pane: true });
  });

  scenario(`first-run screen ${size}: three lines, insert and Bỏ qua on screen; skipped, it is not shown again`, async (t) => {
    await t.open({ firstRun: true });
    const frame = await t.resizePane(width, height);
    const { pane, page } = t;
    const screen = pane.getByTestId('first-run');
    expectEqual(await screen.locator('li').count(), 3, `${size}: lines`);
    expectEqual(await pane.getByRole('tab').count(), 0, `${size}: no tabs behind the first-run screen`);
    await measure(frame, pane.getByRole('button', { name: 'Chèn Biểu 01 để bắt đầu', exact: true }), `${size}: Chèn Biểu 01 để bắt đầu`);
    await measure(frame, pane.getByRole('button', { name: 'Bỏ qua', exact: true }), `${size}: Bỏ qua`);
    await t.axeCheck(`first run ${size}`);
    await t.screenshot(`compact-${width}-first-run`, { pane: true });
    await pane.getByRole('button', { name: 'Bỏ qua', exact: true }).click();
    await pane.getByRole('button', { name: 'Chèn Biểu 01', exact: true }).waitFor();
    expectEqual(await frame.evaluate(() => document.activeElement && document.activeElement.id), 'tab-tables', `${size}: the keyboard on the first tab after Bỏ qua`);
    expectEqual(await page.locator('#sheet-tabs button').allTextContents(), ['Sheet1'], `${size}: Bỏ qua inserts nothing`);
    // The pane opened again (a new page, the same computer): straight to the tabs.
    await page.reload();
    await pane.getByRole('button', { name: 'Chèn Biểu 01', exact: true }).waitFor();
    expectEqual(await pane.getByTestId('first-run').count(), 0, `${size}: first-run screen shown again`);
  });
}

scenario('first-run screen: its button inserts Biểu 01, then the tabs; not shown again', async (t) => {
  await t.open({ firstRun: true });
  const { pane, page } = t;
  await pane.getByRole('button', { name: 'Chèn Biểu 01 để bắt đầu', exact: true }).click();
  await pane.getByTestId('inserted-b01').waitFor();
  await page.locator('#sheet-tabs button[data-sheet="Biểu 01"]').waitFor();
  expectEqual(await pane.getByTestId('pane-status').textContent(), 'Đã chèn Biểu 01 vào trang tính “Biểu 01”.', 'status');
  expectEqual(await pane.getByTestId('first-run').count(), 0, 'first-run screen gone');
  await t.axeCheck('first run: table inserted');
  await page.reload();
  await pane.getByRole('button', { name: 'Chèn Biểu 01', exact: true }).waitFor();
  expectEqual(await pane.getByTestId('first-run').count(), 0, 'first-run screen shown again');
});

scenario('first-run screen in English: Skip', async (t) => {
  await t.open({ firstRun: true, lang: 'en-US' });
  const { pane } = t;
  await pane.getByRole('button', { name: 'Insert Table 01 to start', exact: true }).waitFor();
  await t.axeCheck('first run: english');
  await pane.getByRole('button', { name: 'Skip', exact: true }).click();
  await pane.getByRole('tab', { name: 'Report settings' }).waitFor();
});
