// English, an Excel failure, a narrow pane, the keyboard, an English Office, the preview's sample button.
'use strict';

const { scenario, expect, expectEqual, entryAddress } = require('../harness');

/** The seed report with HĐND made equal (ready to send), in the given pane language. */
async function readyWorkbook(t, { english = false } = {}) {
  await t.seed({ tables: 'all', sample: true });
  const b02 = await t.tableCells('Biểu 02');
  await t.openSheet('Biểu 02');
  await t.typeInGrid('Biểu 02', entryAddress(b02, 'council.other'), '577');
  if (english) {
    await t.pane.getByRole('button', { name: 'English', exact: true }).click();
    await t.pane.getByRole('tab', { name: 'Tables' }).waitFor();
  }
}

scenario('switch to English', async (t) => {
  await readyWorkbook(t);
  const { pane } = t;
  await pane.getByRole('button', { name: 'English', exact: true }).click();
  await t.openTab('Tables', 'More');
  await pane.getByRole('button', { name: 'Insert Table 01' }).waitFor();
  expect(await pane.getByRole('button', { name: 'Insert Table 04' }).isVisible(), 'Insert Table 04');
  await t.openTab('Check', 'More');
  await pane.getByRole('button', { name: 'Check', exact: true }).click();
  await pane.locator('[data-testid="check-summary"][data-ready="true"]').waitFor();
  expect(await pane.getByText('Ready to send', { exact: true }).isVisible(), 'Ready to send is shown');
  await t.axeCheck('english: check');
  await t.screenshot('english-check');
  await t.openTab('Figures', 'More');
  await pane.getByText('on average 42 incoming documents handled and 4,547 outgoing documents issued per day', { exact: true }).waitFor();
  await t.axeCheck('english: figures');
  await t.openTab('Tables', 'More');
  await t.axeCheck('english: tables');
});

scenario('an Excel failure shows a message in the pane, which keeps working', async (t) => {
  await readyWorkbook(t, { english: true });
  const { pane, page } = t;
  await page.evaluate(() => {
    window.__bieumauPreview.failNext = 'GeneralException: simulated failure';
  });
  await t.openTab('Tables', 'More');
  await pane.getByRole('button', { name: 'Insert Table 03' }).click();
  const bar = pane.getByTestId('pane-error');
  await bar.waitFor();
  expect((await bar.textContent()).includes('GeneralException: simulated failure'), 'message shown');
  await t.axeCheck('error');
  await t.screenshot('error');
  await pane.getByRole('button', { name: 'Dismiss message' }).click();
  await pane.getByRole('button', { name: 'Insert Table 03' }).click();
  await pane.getByTestId('inserted-b03').getByText('Biểu 03 (2)').waitFor();
});

scenario('usable at 320 px wide: no horizontal scrolling', async (t) => {
  await readyWorkbook(t, { english: true });
  const { pane, page } = t;
  // The Check tab with a result in it: its widest state.
  await t.openTab('Check', 'More');
  await pane.getByRole('button', { name: 'Check', exact: true }).click();
  await pane.locator('[data-testid="check-summary"][data-ready="true"]').waitFor();
  await page.evaluate(() => {
    document.getElementById('pane').style.width = '320px';
  });
  const frame = await t.paneFrame();
  await frame.waitForFunction(() => document.documentElement.clientWidth === 320);
  // Each tab is measured once its own content is on screen.
  const shown = {
    Tables: () => pane.getByRole('button', { name: 'Insert Table 01' }),
    'Report settings': () => pane.getByRole('button', { name: 'Save settings' }),
    Check: () => pane.getByTestId('run-check'),
    Figures: () => pane.getByTestId('figures-period'),
    Consolidate: () => pane.getByRole('button', { name: 'Choose .xlsx files' }),
  };
  for (const tab of Object.keys(shown)) {
    await t.openTab(tab, 'More');
    await pane.locator(`[role="tab"][aria-selected="true"]`, { hasText: tab }).waitFor();
    await shown[tab]().waitFor();
    const { scroll, client } = await frame.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(scroll <= client, `${tab}: content ${scroll}px wide in a ${client}px pane`);
  }
  await t.openTab('Check', 'More');
  await t.screenshot('narrow-320');
});

scenario('every control is reachable with the keyboard', async (t) => {
  await readyWorkbook(t, { english: true });
  const { pane, page } = t;
  const frame = await t.paneFrame();
  await t.openTab('Tables', 'More');
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

scenario('an English Office opens the pane in English (fresh workbook, ?lang=en-US)', async (t) => {
  await t.open({ lang: 'en-US' });
  const { pane } = t;
  expect(await pane.getByRole('tab', { name: 'Report settings' }).isVisible(), 'English tabs');
  await t.openTab('Check', 'More');
  await pane.getByRole('button', { name: 'Check', exact: true }).click();
  await pane.locator('li[data-rule="workbook.no-tables"]').waitFor();
  expect((await pane.getByTestId('check-summary').textContent()).includes('Not ready to send'), 'an empty workbook is not ready');
  await t.axeCheck('english office: empty workbook');
  await t.screenshot('english-office-empty');
});

scenario('the preview\'s "Fill in sample figures" button fills every table with the seed report', async (t) => {
  await t.open({ lang: 'en-US' });
  const { pane, page } = t;
  await t.openTab('Tables', 'More');
  await pane.getByRole('button', { name: 'Insert Table 01' }).click();
  await pane.getByTestId('inserted-b01').waitFor();
  await pane.getByRole('button', { name: 'Insert Table 02' }).click();
  await pane.getByTestId('inserted-b02').waitFor();
  await page.getByRole('button', { name: /Fill in sample figures/ }).click();
  expectEqual(await t.hostValue('Biểu 02', entryAddress(await t.tableCells('Biểu 02'), 'council.total')), 732, 'Biểu 02 HĐND total');
  await t.openTab('Check', 'More');
  await pane.getByRole('button', { name: 'Check', exact: true }).click();
  await pane.locator('li[data-rule="cross.council"]').waitFor();
  expectEqual(await pane.locator('li[data-severity="error"]').count(), 1, 'errors');
  await t.screenshot('sample-filled-english');
});
