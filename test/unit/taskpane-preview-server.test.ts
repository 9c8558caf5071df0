import fs from 'fs';
import os from 'os';
import path from 'path';
import type { Server } from 'http';

// scripts/preview.js is plain Node (CommonJS), the server behind `npm run preview`.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const preview = require('../../scripts/preview.js') as {
  previewTaskpaneHtml(dist: string): string;
  startPreviewServer(o: { port: number; host?: string; dist?: string }): Promise<{ server: Server; port: number }>;
};

const PAGE = `<!doctype html><html><head>
<meta http-equiv="Content-Security-Policy" content="script-src 'self' https://appsforoffice.microsoft.com"/>
<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>
<script defer src=taskpane.12345678.js></script></head><body><div id="root"></div></body></html>`;

let dist: string;
beforeAll(() => {
  dist = fs.mkdtempSync(path.join(os.tmpdir(), 'bm-preview-'));
  fs.writeFileSync(path.join(dist, 'taskpane.html'), PAGE);
  fs.writeFileSync(path.join(dist, 'taskpane.12345678.js'), 'console.log(1)');
});
afterAll(() => fs.rmSync(dist, { recursive: true, force: true }));

test('the office.js script tag, and only it, is swapped for Microsoft’s Excel on the web client library and the preview shim; the pane scripts stay', () => {
  const html = preview.previewTaskpaneHtml(dist);
  expect(html).toContain('<script src="/preview/office-js/excel-web-16.00.debug.js"></script><script src="/preview/office-shim.js"></script>');
  expect(html).not.toContain('appsforoffice.microsoft.com/lib');
  expect(html).toContain('<script defer src=taskpane.12345678.js></script>');
  // The Content-Security-Policy is kept as built.
  expect(html).toContain(`content="script-src 'self' https://appsforoffice.microsoft.com"`);
});

test('a page without exactly one office.js tag is refused', () => {
  const other = fs.mkdtempSync(path.join(os.tmpdir(), 'bm-preview-'));
  fs.writeFileSync(path.join(other, 'taskpane.html'), '<html><script src="a.js"></script></html>');
  expect(() => preview.previewTaskpaneHtml(other)).toThrow(/expected one office.js script tag, found 0/);
  fs.rmSync(other, { recursive: true, force: true });
});

test('serves the production files and never a file outside the served folders', async () => {
  const { server, port } = await preview.startPreviewServer({ port: 0, host: '127.0.0.1', dist });
  try {
    const base = `http://127.0.0.1:${port}`;
    const page = await fetch(`${base}/taskpane.html`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('/preview/office-shim.js');
    const js = await fetch(`${base}/taskpane.12345678.js`);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toBe('console.log(1)');
    expect((await fetch(`${base}/%2e%2e/${path.basename(dist)}/taskpane.html`)).status).toBe(404);
    expect((await fetch(`${base}/..%2fpackage.json`)).status).toBe(404);
    expect((await fetch(`${base}/missing.js`)).status).toBe(404);
    expect((await fetch(`${base}/taskpane.html`, { method: 'POST' })).status).toBe(405);
  } finally {
    server.close();
  }
});
