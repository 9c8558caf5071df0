// The compact pane, at the sizes of Excel's task pane (320 × 560 px, and 350 × 600 px as on the
// web): a one-line header, the tabs in one row, every tab's primary action on screen without
// scrolling, on Kiểm tra the summary and the first finding on screen after checking the seed
// report; the first-run screen shown once. Screenshots of the pane alone: test-output/e2e/*-compact-*.png.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { scenario, expect, expectEqual, env, SEED_SETTINGS } = require('../harness');

require('tsx/cjs/api').register();
const { buildWorkbook, parseNewArgs } = require(path.join(__dirname, '..', '..', '..', 'src', 'cli', 'new.ts'));

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

/**
 * The tab row's geometry in the pane's document: the tabs drawn (a tab moved into the "Thêm" menu is
 * not drawn), their tops and the "Thêm" button's, and the right edges against the row's and the pane's.
 */
async function tabGeometry(frame) {
  return frame.evaluate(() => {
    const row = document.querySelector('[data-testid="tab-row"]');
    const list = document.querySelector('[role="tablist"]');
    const tabs = [...list.querySelectorAll('[role="tab"]')];
    const drawn = tabs.filter((b) => b.getClientRects().length > 0);
    const more = document.querySelector('[data-testid="tabs-more"]');
    const boxes = [...drawn, ...(more ? [more] : [])].map((b) => b.getBoundingClientRect());
    const r = row.getBoundingClientRect();
    const selected = tabs.find((b) => b.getAttribute('aria-selected') === 'true');
    return {
      count: tabs.length,
      drawn: drawn.map((b) => b.id),
      hidden: tabs.filter((b) => !drawn.includes(b)).map((b) => b.id),
      selected: selected ? selected.id : null,
      more: more !== null,
      tops: boxes.map((b) => Math.round(b.top)),
      bottoms: boxes.map((b) => Math.round(b.bottom)),
      right: Math.max(...boxes.map((b) => b.right)),
      rowRight: r.right,
      rowBottom: r.bottom,
      width: window.innerWidth,
      scrollWidth: document.documentElement.scrollWidth,
    };
  });
}

/**
 * One row of tabs, by geometry (no pixel count of today's labels): every tab drawn and the "Thêm"
 * button share one top, nothing reaches past the row's right edge or the pane's, nothing below the
 * row; the selected tab drawn; a tab not drawn only when the "Thêm" menu offers it; no sideways scrolling.
 */
async function expectOneRow(frame, label) {
  const g = await tabGeometry(frame);
  expectEqual(g.count, 5, `${label}: tabs`);
  expect(g.drawn.length >= 1, `${label}: no tab drawn`);
  expectEqual(new Set(g.tops).size, 1, `${label}: rows of tabs (tops ${g.tops.join(', ')})`);
  expect(g.right <= g.rowRight + 0.5, `${label}: the tabs reach ${g.right}px, past the row's right edge ${g.rowRight}px`);
  expect(g.rowRight <= g.width + 0.5, `${label}: the tab row ends at ${g.rowRight}px in a ${g.width}px pane`);
  expect(Math.max(...g.bottoms) <= g.rowBottom + 0.5, `${label}: a tab below the row`);
  expect(g.selected !== null && g.drawn.includes(g.selected), `${label}: the selected tab ${g.selected} is not drawn (drawn: ${g.drawn.join(', ')})`);
  expect(g.hidden.length === 0 || g.more, `${label}: tabs ${g.hidden.join(', ')} neither drawn nor in a "Thêm" menu`);
  expect(g.scrollWidth <= g.width, `${label}: the pane scrolls sideways (${g.scrollWidth}px in ${g.width}px)`);
  return g;
}

/**
 * Every tab opened in turn, as a clerk would (through the "Thêm" / "More" menu when the row has no
 * room for it): each time the tabs are one row (expectOneRow) and each of that tab's primary actions
 * (`lang.primary`) is reachable (expectReachable). `label` begins every failure's message.
 */
async function expectEveryTabInOneRow(t, frame, lang, label) {
  for (const [tab, actions] of Object.entries(lang.primary)) {
    await openTab(t, tab, lang.more);
    await expectOneRow(frame, `${label} ${tab}`);
    for (const a of actions) await expectReachable(frame, t.pane.getByRole('button', { name: a, exact: true }), `${label} ${tab}: ${a}`);
  }
}

/** The header is one line (name and buttons side by side) and the tab list one row inside the pane; `zoom`: the page's zoom. */
async function expectCompactTop(frame, label, zoom = 1) {
  const top = await frame.evaluate(() => {
    const header = document.querySelector('header').getBoundingClientRect();
    const title = document.querySelector('header h1').getBoundingClientRect();
    const buttons = [...document.querySelectorAll('header button')].map((b) => b.getBoundingClientRect());
    return { header: header.height, title: { top: title.top, bottom: title.bottom }, buttons: buttons.map((b) => ({ top: b.top, bottom: b.bottom })) };
  });
  expect(top.buttons.length > 0, `${label}: buttons in the header`);
  for (const b of top.buttons) expect(b.top < top.title.bottom && b.bottom > top.title.top, `${label}: a header button is not on the name's line`);
  expect(top.header <= 48 * zoom, `${label}: header ${top.header}px high, more than one line`);
  await expectOneRow(frame, label);
}

/** Opens a tab, through the "Thêm" menu when the row has no room for it (harness: Session.openTab). */
function openTab(t, name, more) {
  return t.openTab(name, more);
}

/**
 * Whether the element is reachable: scrolled into view if needed, wholly inside the pane, and the
 * element a pointer at its centre reaches (nothing drawn over it).
 */
async function expectReachable(frame, locator, what) {
  await locator.scrollIntoViewIfNeeded();
  const r = await locator.evaluate((el) => {
    const b = el.getBoundingClientRect();
    const hit = document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2);
    return {
      inside: b.width > 0 && b.height > 0 && b.top >= 0 && b.left >= 0 && b.bottom <= window.innerHeight && b.right <= window.innerWidth,
      hit: hit !== null && (hit === el || el.contains(hit)),
      box: `${Math.round(b.left)},${Math.round(b.top)}–${Math.round(b.right)},${Math.round(b.bottom)} in ${window.innerWidth}×${window.innerHeight}`,
    };
  });
  expect(r.inside, `${what}: not inside the pane once scrolled to (${r.box})`);
  expect(r.hit, `${what}: covered by another element (${r.box})`);
}

/** Whether the element is wholly inside the pane as it is now (no scrolling). */
async function expectInView(locator, what) {
  const r = await locator.evaluate((el) => {
    const b = el.getBoundingClientRect();
    return { inside: b.width > 0 && b.height > 0 && b.top >= 0 && b.bottom <= window.innerHeight, box: `top ${Math.round(b.top)}, bottom ${Math.round(b.bottom)} of ${window.innerHeight}` };
  });
  expect(r.inside, `${what}: not in view (${r.box})`);
}

for (const { width, height } of SIZES) {
  const size = `${width}×${height}`;

  scenario(`compact pane ${size}: one-line header, one row of tabs, each tab's primary action on screen`, async (t) => {
    await t.open();
    const frame = await t.resizePane(width, height);
    const { pane } = t;
    await expectCompactTop(frame, size);
    for (const [tab, actions] of Object.entries(PRIMARY)) {
      await openTab(t, tab);
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
    await openTab(t, 'Bảng biểu');
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
      await openTab(t, tab, 'More');
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

// ---------------------------------------------------------------------------------------------
// The pane at any font: three font setups on the same machine, three sizes, both languages.

/** A style that makes every element of the pane use `family` (what a machine without Fluent's fonts shows). */
const fontOnly = (family) => `*, *::before, *::after { font-family: '${family}', sans-serif !important; }`;
/** WCAG 2.1 success criterion 1.4.12 (Text Spacing): the spacing a user's style sheet may set. */
const WCAG_SPACING = `* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }`;

const FONT_SETUPS = [
  // Chromium's fallback on Linux when none of Fluent's fonts (Segoe UI, …) is installed: wide.
  { id: 'dejavu', name: 'DejaVu Sans', css: fontOnly('DejaVu Sans') },
  // Debian's fonts-liberation2: narrow, metric-compatible with Arial.
  { id: 'liberation', name: 'Liberation Sans', css: fontOnly('Liberation Sans') },
  { id: 'dejavu-spacing', name: 'DejaVu Sans with WCAG 1.4.12 spacing', css: `${fontOnly('DejaVu Sans')}\n${WCAG_SPACING}` },
];

const FONT_SIZES = [
  { width: 300, height: 560 },
  { width: 320, height: 560 },
  { width: 350, height: 600 },
];

const LANGS = {
  vi: {
    more: 'Thêm',
    check: 'Kiểm tra',
    settingsTab: 'Thiết lập báo cáo',
    primary: {
      'Bảng biểu': ['Chèn Biểu 01'],
      'Thiết lập báo cáo': ['Lưu thiết lập'],
      'Kiểm tra': ['Kiểm tra'],
      'Số liệu': ['Tính lại số liệu'],
      'Tổng hợp': ['Chọn các tệp .xlsx', 'Tổng hợp'],
    },
  },
  en: {
    more: 'More',
    check: 'Check',
    settingsTab: 'Report settings',
    primary: {
      Tables: ['Insert Table 01'],
      'Report settings': ['Save settings'],
      Check: ['Check'],
      Figures: ['Recompute figures'],
      Consolidate: ['Choose .xlsx files', 'Consolidate'],
    },
  },
};

/** Puts the setup's style into the pane's document (once: the page is not reloaded), and waits for the font. */
async function useFont(t, setup) {
  const frame = await t.paneFrame();
  await frame.addStyleTag({ content: setup.css });
  const family = setup.css.match(/font-family: '([^']+)'/)[1];
  await frame.evaluate(async (f) => {
    await document.fonts.load(`12px "${f}"`);
    await document.fonts.ready;
  }, family);
  const used = await frame.evaluate(() => getComputedStyle(document.querySelector('[role="tab"]')).fontFamily);
  expect(used.includes(family), `${setup.name}: the tabs are drawn in ${used}`);
  // Named is not drawn: a family the machine lacks falls back silently. Installed, it draws a text
  // unlike the generic family after it does (with three generics, one of them may be this very font).
  const installed = await frame.evaluate((f) => {
    const ctx = document.createElement('canvas').getContext('2d');
    const width = (font) => {
      ctx.font = `16px ${font}`;
      return ctx.measureText('Bảng biểu Thiết lập báo cáo Kiểm tra Số liệu Tổng hợp').width;
    };
    return ['monospace', 'serif', 'sans-serif'].some((generic) => width(`'${f}', ${generic}`) !== width(generic));
  }, family);
  expect(installed, `${setup.name}: ${family} is not installed on this machine (Debian's fonts-dejavu-core, fonts-liberation2), so the setup would be drawn in a fallback`);
  return frame;
}

/** Kiểm tra, and waits for this run's result: the keyboard on the summary (where the pane puts it when a check ends). */
async function checkNow(t, lang) {
  const frame = await t.paneFrame();
  await openTab(t, lang.check, lang.more);
  // The click puts the keyboard on the button; the check's end puts it on the summary.
  await t.pane.getByRole('button', { name: lang.check, exact: true }).click();
  await frame.waitForFunction(() => {
    const a = document.activeElement;
    return a !== null && a.getAttribute('data-testid') === 'check-summary';
  });
}

/** After a check: the summary has the keyboard, and it and the first finding (that rule) are in view. */
async function expectResultInView(t, label, rule) {
  const frame = await t.paneFrame();
  const summary = t.pane.getByTestId('check-summary');
  expectEqual(await frame.evaluate(() => document.activeElement && document.activeElement.getAttribute('data-testid')), 'check-summary', `${label}: the keyboard after the check`);
  await expectInView(summary, `${label}: the summary`);
  const first = t.pane.locator('li[data-key]').first();
  expectEqual([await first.getAttribute('data-rule'), await first.getAttribute('data-severity')], [rule, 'error'], `${label}: the first finding`);
  await expectInView(first, `${label}: the first finding (${rule})`);
}

for (const setup of FONT_SETUPS) {
  scenario(`pane at any font, ${setup.name}, Vietnamese: one row of tabs at 300, 320, 350 px; every primary action reachable; report information empty, the error first; after checking the seed, its result in view`, async (t) => {
    const lang = LANGS.vi;
    // The clerk's flow: four tables inserted, figures typed, the report information not filled in yet.
    await t.seed({ settings: false, tables: 'all', sample: true });
    const frame = await useFont(t, setup);
    for (const { width, height } of FONT_SIZES) {
      const size = `${setup.id} ${width}×${height}`;
      await t.resizePane(width, height);
      await expectOneRow(frame, size);
      await expectEveryTabInOneRow(t, frame, lang, size);
      await checkNow(t, lang);
      await expectResultInView(t, `${size}, report information empty`, 'cross.council');
      // The report information missing from the four tables is one warning, with every blank cell.
      const incomplete = t.pane.locator('li[data-rule="report.incomplete"]');
      expectEqual(await incomplete.count(), 1, `${size}: report.incomplete findings`);
      expectEqual((await incomplete.getAttribute('data-cells')).match(/!/g).length, 16, `${size}: its cells`);
      expectEqual(await t.pane.locator('li[data-rule="report.number-missing"], li[data-rule="period.missing"], li[data-rule="report.date-missing"]').count(), 0, `${size}: per-table report warnings`);
      await expectOneRow(frame, `${size} after the check`);
      await t.screenshot(`font-${setup.id}-${width}-vi-report-empty`, { pane: true });
    }
    // Its action opens Thiết lập báo cáo, the keyboard on that tab.
    await t.pane.locator('li[data-rule="report.incomplete"]').getByRole('button', { name: 'Thiết lập báo cáo', exact: true }).click();
    await t.pane.getByRole('button', { name: 'Lưu thiết lập', exact: true }).waitFor();
    expectEqual(await frame.evaluate(() => document.activeElement && document.activeElement.id), 'tab-settings', `${setup.id}: the keyboard after "Thiết lập báo cáo"`);
    await t.saveSettings(SEED_SETTINGS, 4);
    for (const { width, height } of FONT_SIZES) {
      const size = `${setup.id} ${width}×${height}`;
      await t.resizePane(width, height);
      await checkNow(t, lang);
      await expectResultInView(t, `${size}, the seed report`, 'cross.council');
      expectEqual(await t.pane.locator('li[data-rule="report.incomplete"]').count(), 0, `${size}: report.incomplete once the settings are saved`);
      await expectOneRow(frame, `${size} after checking the seed`);
      if (width === 320) await t.axeCheck(`${setup.id} ${width}: check result`);
      await t.screenshot(`font-${setup.id}-${width}-vi-check`, { pane: true });
    }
  });

  scenario(`pane at any font, ${setup.name}, English: one row of tabs at 300, 320, 350 px; every primary action reachable; after checking the seed, its result in view`, async (t) => {
    const lang = LANGS.en;
    await t.seed({ tables: 'all', sample: true, english: true });
    const frame = await useFont(t, setup);
    for (const { width, height } of FONT_SIZES) {
      const size = `${setup.id} English ${width}×${height}`;
      await t.resizePane(width, height);
      await expectOneRow(frame, size);
      await expectEveryTabInOneRow(t, frame, lang, size);
      await checkNow(t, lang);
      await expectResultInView(t, `${size}, the seed report`, 'cross.council');
      await expectOneRow(frame, `${size} after the check`);
      if (width === 300) await t.axeCheck(`${setup.id} English ${width}: check result`);
      await t.screenshot(`font-${setup.id}-${width}-en-check`, { pane: true });
    }
  });
}

// ---------------------------------------------------------------------------------------------
// 200 % zoom, Windows high contrast, and the web page at 320 px and 200 %.

scenario('pane at 200 % zoom (a 320 × 560 pane drawn twice as large): one row of tabs, every primary action reachable, no sideways scrolling, the result in view, axe', async (t) => {
  const lang = LANGS.vi;
  await t.seed({ tables: 'all', sample: true });
  const frame = await t.resizePane(640, 1120);
  await frame.evaluate(() => {
    document.documentElement.style.zoom = '2';
  });
  await useFont(t, FONT_SETUPS[0]);
  await expectCompactTop(frame, '200 %', 2);
  await expectEveryTabInOneRow(t, frame, lang, '200 %');
  await checkNow(t, lang);
  await expectResultInView(t, '200 %', 'cross.council');
  await t.axeCheck('200 %: check result');
  await t.screenshot('zoom-200-check', { pane: true });
});

scenario('pane in Windows high contrast (forced-colors: active): selected tab, errors and warnings, focus and disabled buttons told apart; axe', async (t) => {
  // The report information left empty: a warning (report.incomplete) beside the error.
  await t.seed({ settings: false, tables: 'all', sample: true });
  await t.page.emulateMedia({ forcedColors: 'active' });
  const frame = await t.resizePane(320, 560);
  await useFont(t, FONT_SETUPS[0]);
  expect(await frame.evaluate(() => matchMedia('(forced-colors: active)').matches), 'forced colours emulated');
  await checkNow(t, LANGS.vi);
  await expectOneRow(frame, 'forced colours');
  const look = await frame.evaluate(() => {
    const css = (el, p) => (el ? getComputedStyle(el).getPropertyValue(p) : null);
    const selected = document.querySelector('[role="tab"][aria-selected="true"]');
    const other = [...document.querySelectorAll('[role="tab"][aria-selected="false"]')].find((b) => b.getClientRects().length > 0);
    const error = document.querySelector('li[data-severity="error"]');
    const warning = document.querySelector('li[data-severity="warning"]');
    const buttons = [...document.querySelectorAll('button')];
    const disabled = buttons.find((b) => b.textContent === 'Hoàn tác');
    const enabled = buttons.find((b) => b.textContent === 'Xóa đánh dấu');
    return {
      selectedBar: css(selected, 'border-bottom-color'),
      otherBar: css(other, 'border-bottom-color'),
      background: css(selected, 'background-color'),
      errorBar: [css(error, 'border-left-style'), css(error, 'border-left-width')],
      warningBar: [css(warning, 'border-left-style'), css(warning, 'border-left-width')],
      errorBadge: error ? error.querySelector('.fui-Badge').textContent : null,
      warningBadge: warning ? warning.querySelector('.fui-Badge').textContent : null,
      disabled: [disabled && disabled.getAttribute('aria-disabled'), css(disabled, 'color')],
      enabled: css(enabled, 'color'),
    };
  });
  expect(look.selectedBar !== look.otherBar, `the selected tab's bar (${look.selectedBar}) is drawn like the others' (${look.otherBar})`);
  expect(look.otherBar === look.background, `an unselected tab shows a bar (${look.otherBar} on ${look.background})`);
  expectEqual([look.errorBar[0], look.warningBar[0]], ['solid', 'dashed'], 'error and warning bars');
  expectEqual([look.errorBadge, look.warningBadge], ['Lỗi', 'Cảnh báo'], 'error and warning badges');
  expectEqual(look.disabled[0], 'true', 'Hoàn tác disabled');
  expect(look.disabled[1] !== look.enabled, `a disabled button (${look.disabled[1]}) is drawn like an enabled one (${look.enabled})`);
  // The keyboard's place: a visible outline on the focused tab.
  await t.pane.locator('[role="tab"][aria-selected="true"]').focus();
  await t.page.keyboard.press('ArrowLeft');
  await t.page.keyboard.press('ArrowRight');
  const focus = await frame.evaluate(() => {
    const a = document.activeElement;
    const cs = getComputedStyle(a);
    return { role: a.getAttribute('role'), style: cs.outlineStyle, width: cs.outlineWidth };
  });
  expectEqual(focus.role, 'tab', 'the keyboard on a tab');
  expect(focus.style !== 'none' && focus.width !== '0px', `no outline on the focused tab (${focus.style} ${focus.width})`);
  await t.axeCheck('forced colours: check result');
  await t.screenshot('forced-colors-check', { pane: true });
});

for (const theme of ['black', 'darkGray']) {
  scenario(`pane in Office's ${theme} theme: the dark Fluent theme, every tab and the check result readable (axe colour contrast)`, async (t) => {
    // The report information left empty: a warning beside the error, so both are drawn.
    await t.seed({ settings: false, tables: 'all', sample: true, theme });
    const frame = await t.resizePane(320, 560);
    await useFont(t, FONT_SETUPS[0]);
    const drawn = await frame.evaluate(() => {
      const provider = document.querySelector('[data-theme]');
      const luminance = (css) => {
        const [r, g, b] = (css.match(/\d+(\.\d+)?/g) || []).slice(0, 3).map(Number);
        const c = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
        return 0.2126 * c(r) + 0.7152 * c(g) + 0.0722 * c(b);
      };
      const cs = provider ? getComputedStyle(provider) : null;
      return { theme: provider && provider.getAttribute('data-theme'), background: cs && luminance(cs.backgroundColor), text: cs && luminance(cs.color) };
    });
    expectEqual(drawn.theme, 'dark', `the pane's theme under Office's ${theme} theme`);
    expect(drawn.background < 0.05 && drawn.text > 0.8, `a dark pane with light text (background luminance ${drawn.background}, text ${drawn.text})`);
    for (const tab of Object.keys(LANGS.vi.primary)) {
      await openTab(t, tab, LANGS.vi.more);
      await t.axeCheck(`${theme} theme: ${tab}`);
    }
    await checkNow(t, LANGS.vi);
    await expectResultInView(t, `${theme} theme`, 'cross.council');
    await t.axeCheck(`${theme} theme: check result`);
    await t.screenshot(`theme-${theme}-check`, { pane: true });
  });
}

scenario('web page at 320 px and at 200 % zoom: one row of tabs, nothing cut, after a check its summary and first finding in view', async () => {
  const { browser, origin, out } = env();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bm-e2e-layout-'));
  const seed = path.join(dir, 'seed.xlsx');
  fs.writeFileSync(seed, await buildWorkbook(parseNewArgs(['x.xlsx', '--sample'])));
  for (const { label, viewport, zoom } of [
    { label: '320', viewport: { width: 320, height: 640 }, zoom: 1 },
    { label: '200', viewport: { width: 640, height: 1280 }, zoom: 2 },
  ]) {
    const context = await browser.newContext({ viewport, locale: 'vi-VN', reducedMotion: 'reduce' });
    const problems = [];
    try {
      const page = await context.newPage();
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(`console: ${m.text()}`);
      });
      await page.goto(`${origin}/web/`);
      await page.getByRole('tab', { name: 'Tạo biểu mẫu' }).waitFor();
      await page.addStyleTag({ content: fontOnly('DejaVu Sans') });
      if (zoom !== 1) await page.evaluate((z) => (document.documentElement.style.zoom = String(z)), zoom);
      const row = async (what) => {
        const g = await page.evaluate(() => {
          const rowEl = document.querySelector('[data-testid="tab-row"]');
          const tabs = [...rowEl.querySelectorAll('[role="tab"]')].filter((b) => b.getClientRects().length > 0);
          const more = rowEl.querySelector('[data-testid="tabs-more"]');
          const boxes = [...tabs, ...(more ? [more] : [])].map((b) => b.getBoundingClientRect());
          return {
            tops: boxes.map((b) => Math.round(b.top)),
            right: Math.max(...boxes.map((b) => b.right)),
            rowRight: rowEl.getBoundingClientRect().right,
            width: document.documentElement.clientWidth,
            scrollWidth: document.documentElement.scrollWidth,
          };
        });
        expectEqual(new Set(g.tops).size, 1, `web ${what}: rows of tabs (tops ${g.tops.join(', ')})`);
        expect(g.right <= g.rowRight + 0.5 && g.rowRight <= g.width + 0.5, `web ${what}: tabs end at ${g.right}px, row at ${g.rowRight}px, page ${g.width}px`);
        expect(g.scrollWidth <= g.width, `web ${what}: the page scrolls sideways (${g.scrollWidth}px in ${g.width}px)`);
      };
      await row(`${label}: Tạo biểu mẫu`);
      const tab = page.getByRole('tab', { name: 'Kiểm tra', exact: true });
      if (await tab.isVisible()) await tab.click();
      else {
        await page.getByRole('button', { name: 'Thêm', exact: true }).click();
        await page.getByRole('menuitem', { name: 'Kiểm tra', exact: true }).click();
      }
      await page.locator('html[data-engines="ready"]').waitFor();
      await page.getByTestId('file-input').setInputFiles([seed]);
      const summary = page.getByTestId('web-check-summary');
      await summary.waitFor();
      await page.waitForFunction(() => document.activeElement && document.activeElement.getAttribute('data-testid') === 'web-check-summary');
      const inView = async (loc, what) => {
        const r = await loc.evaluate((el) => {
          const b = el.getBoundingClientRect();
          return { ok: b.height > 0 && b.top >= 0 && b.bottom <= window.innerHeight && b.right <= document.documentElement.clientWidth + 0.5, box: `top ${Math.round(b.top)}, bottom ${Math.round(b.bottom)}, right ${Math.round(b.right)} of ${window.innerWidth}×${window.innerHeight}` };
        });
        expect(r.ok, `web ${label}: ${what} not in view (${r.box})`);
      };
      await inView(summary, 'the summary');
      const first = page.locator('li[data-rule]').first();
      expectEqual(await first.getAttribute('data-rule'), 'cross.council', `web ${label}: first finding`);
      await inView(first, 'the first finding');
      await row(`${label}: Kiểm tra`);
      await page.screenshot({ path: path.join(out, `web-layout-${label}.png`) });
      expectEqual(problems, [], `web ${label}: console errors or page errors`);
    } finally {
      await context.close();
    }
  }
});
