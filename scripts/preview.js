#!/usr/bin/env node
// `npm run preview`: the production task pane beside an in-memory workbook, in any browser, no Excel.
//   http://localhost:${PORT || 3100}/          the preview page (grid of the active sheet + sheet tabs + pane)
//   /taskpane.html                              dist/taskpane.html, with office.js swapped for Microsoft's
//                                               Excel on the web client library and the preview's shim
//   /preview/…                                  build/preview/ (page bundle, client library, office shim)
//   /web/                                       dist/web/index.html, the web page (as deployed at ADDIN_URL + web/)
//   everything else                             dist/ (the production bundle as `npm run build` made it)
// Builds dist/ (`npm run build`) and build/preview/ (webpack.preview.js) when they are missing;
// `--rebuild` builds both again. Node's http module only, no other dependency.
// Query options of the page: ?lang=en-US (Office display language), ?excel=2019 (ExcelApi 1.7 host).
'use strict';

const fs = require('fs');
const http = require('http');
const path = require('path');
const { spawnSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..');
const DIST = path.join(ROOT, 'dist');
const PREVIEW = path.join(ROOT, 'build', 'preview');
const SHIM_URL = '/preview/office-shim.js';
/** Microsoft's Excel on the web client library (copied there by webpack.preview.js). */
const CLIENT_LIBRARY_URL = '/preview/office-js/excel-web-16.00.debug.js';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

function run(args, what) {
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  process.stderr.write(`preview: building ${what}…\n`);
  const r = spawnSync(npx, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) throw new Error(`building ${what} failed (exit ${r.status})`);
}

/** Builds what is missing (or everything with `rebuild`). */
function ensureBuilt({ rebuild = false } = {}) {
  if (rebuild || !fs.existsSync(path.join(DIST, 'taskpane.html'))) run(['webpack', '--mode', 'production'], 'the task pane (dist/)');
  if (rebuild || !['index.html', 'office-shim.js', 'office-js/excel-web-16.00.debug.js'].every((f) => fs.existsSync(path.join(PREVIEW, f))))
    run(['webpack', '-c', 'webpack.preview.js', '--mode', 'production'], 'the preview page (build/preview/)');
}

/**
 * dist/taskpane.html with Microsoft's office.js (CDN or local copy) replaced by Microsoft's Excel on
 * the web client library and the preview's shim that connects it to the page's in-memory Excel.
 */
function previewTaskpaneHtml(dist = DIST) {
  const html = fs.readFileSync(path.join(dist, 'taskpane.html'), 'utf8');
  let swapped = 0;
  const out = html.replace(/<script\b([^>]*?)\bsrc\s*=\s*("[^"]*office\.js"|'[^']*office\.js'|[^\s>]*office\.js)([^>]*)>/gi, (_m, before, _src, after) => {
    swapped++;
    return `<script${before}src="${CLIENT_LIBRARY_URL}"${after}></script><script${before}src="${SHIM_URL}"${after}>`;
  });
  if (swapped !== 1) throw new Error(`dist/taskpane.html: expected one office.js script tag, found ${swapped}`);
  return out;
}

/** A path under `base`, or null when the request tries to leave it. */
function inside(base, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const file = path.resolve(base, `.${path.posix.normalize(`/${decoded}`)}`);
  return file === base || file.startsWith(base + path.sep) ? file : null;
}

function send(res, status, type, body, extra = {}) {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', ...extra });
  res.end(body);
}

function serveFile(res, file, method) {
  fs.stat(file, (err, st) => {
    if (err || !st.isFile()) return send(res, 404, TYPES['.txt'], 'Not found\n');
    const type = TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream';
    res.writeHead(200, { 'Content-Type': type, 'Content-Length': st.size, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
    if (method === 'HEAD') return res.end();
    fs.createReadStream(file).pipe(res);
  });
}

const handler = (dist) => (req, res) => {
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, TYPES['.txt'], 'Method not allowed\n', { Allow: 'GET, HEAD' });
  const urlPath = new URL(req.url || '/', 'http://localhost').pathname;
  try {
    if (urlPath === '/favicon.ico') return serveFile(res, path.join(dist, 'assets', 'icon-32.png'), req.method);
    if (urlPath === '/' || urlPath === '/index.html') return serveFile(res, path.join(PREVIEW, 'index.html'), req.method);
    if (urlPath === '/taskpane.html') return send(res, 200, TYPES['.html'], req.method === 'HEAD' ? '' : previewTaskpaneHtml(dist));
    if (urlPath.startsWith('/preview/')) {
      const file = inside(PREVIEW, urlPath.slice('/preview/'.length));
      return file ? serveFile(res, file, req.method) : send(res, 400, TYPES['.txt'], 'Bad path\n');
    }
    // The web page: /web/ is its index.html; /web without the slash would break its relative links.
    if (urlPath === '/web') return send(res, 301, TYPES['.txt'], 'Moved\n', { Location: '/web/' });
    const file = inside(dist, urlPath.endsWith('/') ? `${urlPath.slice(1)}index.html` : urlPath.slice(1));
    return file ? serveFile(res, file, req.method) : send(res, 400, TYPES['.txt'], 'Bad path\n');
  } catch (e) {
    return send(res, 500, TYPES['.txt'], `${e instanceof Error ? e.message : String(e)}\n`);
  }
};

/**
 * Starts the server; resolves with it and its port once listening (port 0 picks a free one).
 * `dist` is the production build to serve (default dist/).
 */
function startPreviewServer({ port = 3100, host, dist = DIST } = {}) {
  const server = http.createServer(handler(path.resolve(dist)));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const addr = server.address();
      resolve({ server, port: typeof addr === 'object' && addr ? addr.port : port });
    });
  });
}

async function main() {
  const rebuild = process.argv.includes('--rebuild');
  const raw = process.env.PORT;
  const port = raw === undefined || raw === '' ? 3100 : Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`preview: PORT must be a port number, not "${raw}"`);
    return 2;
  }
  try {
    ensureBuilt({ rebuild });
  } catch (e) {
    console.error(`preview: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
  try {
    const { port: actual } = await startPreviewServer({ port });
    console.log(`Preview: http://localhost:${actual}/  (Ctrl+C to stop)`);
  } catch (e) {
    const code = e && typeof e === 'object' && 'code' in e ? e.code : '';
    console.error(code === 'EADDRINUSE' ? `preview: port ${port} is in use; set PORT to another one` : `preview: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
  return undefined;
}

module.exports = { startPreviewServer, ensureBuilt, previewTaskpaneHtml };

if (require.main === module) {
  main().then((code) => {
    if (code !== undefined) process.exit(code);
  });
}
