// Browser scenarios of the old-webview gate and the web page (dist/web/), for the e2e runner.
// `register(h)` adds them through the runner's harness: h.scenario(name, fn), h.expect, h.expectEqual
// and h.env() → { browser, origin, out } (the Chromium instance, the preview server's origin, the
// screenshot folder). Each scenario opens its own browser context, so the runner's page is untouched.
'use strict';

const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');
require('tsx/cjs/api').register();
const { USER_AGENTS } = require(path.join(ROOT, 'test', 'support', 'user-agents.ts'));

function register(h) {
  const { scenario, expect, expectEqual } = h;

  /** A fresh context (own user agent, viewport) with every request and page error recorded. */
  async function open(options = {}) {
    const { browser } = h.env();
    const context = await browser.newContext({ viewport: { width: 1000, height: 800 }, locale: 'vi-VN', ...options });
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

module.exports = { register };
