#!/usr/bin/env node
// Prints the gzip size of the JavaScript that each built page loads at start — dist/taskpane.html (the
// pane) and dist/web/index.html (the web page): the <script> tags of the page, per file and in total,
// in KB (1 KB = 1024 bytes, gzip level 9). Lazy chunks are not counted (they are not loaded at start);
// office.js (Microsoft's CDN, or its local copy with OFFICE_JS=local) is listed but not counted: it
// is not part of the add-in's bundle.
//
// It also prints the size of dist/bieumau.html, the web page as one file (every script inline).
//
// Usage: node scripts/size.js [--dist DIR] [--json] [--budget KB] [--single-budget KB]
//   --budget KB          exit 1 when a page's total is above KB (the budget of each page is 150)
//   --single-budget KB   exit 1 when dist/bieumau.html is above KB (default 2048: 2 MB)
//   --json               the pane's figures at the top level (as before), every page's under `pages`,
//                        the single file's bytes under `singleFileBytes`
// Run `npm run build` first.
'use strict';

const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

/** The src of every <script> element, in order; quoted or unquoted attribute (minified html). */
function scriptSources(html) {
  const sources = [];
  const tag = /<script\b([^>]*)>/gi;
  let match;
  while ((match = tag.exec(html)) !== null) {
    const attrs = match[1];
    const src = /\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(attrs);
    if (src) sources.push(src[1] ?? src[2] ?? src[3]);
  }
  return sources;
}

function isOfficeJs(src) {
  return /(^|\/)office\.js$/.test(src.split('?')[0]);
}

/** The pages measured, relative to dist/. */
const PAGES = ['taskpane.html', 'web/index.html'];

/** The single-file page and its budget (the whole file, uncompressed: it is opened from the disk). */
const SINGLE_FILE = 'bieumau.html';
const SINGLE_FILE_BUDGET_KB = 2048;

function measure(distDir, page = 'taskpane.html') {
  const htmlFile = path.join(distDir, page);
  if (!fs.existsSync(htmlFile)) throw new Error(`${htmlFile} not found: run \`npm run build\` first`);
  const pageDir = path.dirname(htmlFile);
  const html = fs.readFileSync(htmlFile, 'utf8');
  const files = [];
  const notCounted = [];
  for (const src of scriptSources(html)) {
    if (/^(https?:)?\/\//i.test(src) || isOfficeJs(src)) {
      notCounted.push(src);
      continue;
    }
    // A root-relative src is under dist/; any other is relative to the page's own folder.
    const local = decodeURI(src.split('?')[0]);
    const file = local.startsWith('/') ? path.join(distDir, local.slice(1)) : path.resolve(pageDir, local);
    const bytes = fs.readFileSync(file);
    files.push({ file: src, bytes: bytes.length, gzipBytes: zlib.gzipSync(bytes, { level: 9 }).length });
  }
  const total = files.reduce((sum, f) => sum + f.gzipBytes, 0);
  return { files, notCounted, totalGzipBytes: total, totalGzipKB: Math.round((total / 1024) * 10) / 10 };
}

function main(argv) {
  let distDir = path.join(__dirname, '..', 'dist');
  let json = false;
  let budget;
  let singleBudget = SINGLE_FILE_BUDGET_KB;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--dist') distDir = path.resolve(argv[++i]);
    else if (argv[i] === '--json') json = true;
    else if (argv[i] === '--budget') budget = Number(argv[++i]);
    else if (argv[i] === '--single-budget') singleBudget = Number(argv[++i]);
    else {
      console.error(`unknown option ${argv[i]}`);
      return 2;
    }
  }
  const pages = Object.fromEntries(PAGES.map((page) => [page, measure(distDir, page)]));
  const singleFile = path.join(distDir, SINGLE_FILE);
  if (!fs.existsSync(singleFile)) throw new Error(`${singleFile} not found: run \`npm run build\` first`);
  const singleFileBytes = fs.statSync(singleFile).size;
  if (json) {
    console.log(JSON.stringify({ ...pages['taskpane.html'], pages, singleFileBytes }));
  } else {
    const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
    for (const [page, result] of Object.entries(pages)) {
      console.log(`JavaScript loaded at start by dist/${page} (gzip -9):`);
      for (const f of result.files) console.log(`  ${f.file}  ${kb(f.gzipBytes)} gzip  (${kb(f.bytes)} minified)`);
      for (const src of result.notCounted) console.log(`  ${src}  (Microsoft's office.js, not counted)`);
      console.log(`Total: ${kb(result.totalGzipBytes)} gzip`);
    }
    console.log(`dist/${SINGLE_FILE} (the web page as one file): ${kb(singleFileBytes)} (budget ${singleBudget} KB)`);
  }
  let over = false;
  if (singleFileBytes > singleBudget * 1024) {
    console.error(`Over budget: dist/${SINGLE_FILE} ${(singleFileBytes / 1024).toFixed(1)} KB > ${singleBudget} KB`);
    over = true;
  }
  for (const [page, result] of Object.entries(pages)) {
    if (budget !== undefined && result.totalGzipBytes > budget * 1024) {
      console.error(`Over budget: dist/${page} ${result.totalGzipKB} KB > ${budget} KB`);
      over = true;
    }
  }
  return over ? 1 : 0;
}

if (require.main === module) {
  try {
    process.exit(main(process.argv.slice(2)));
  } catch (err) {
    console.error(`size: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(2);
  }
}

module.exports = { scriptSources, measure, PAGES, SINGLE_FILE };
