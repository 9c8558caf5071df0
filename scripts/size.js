#!/usr/bin/env node
// Prints the gzip size of the JavaScript that dist/taskpane.html loads at start: the <script> tags of
// the built page, per file and in total, in KB (1 KB = 1024 bytes, gzip level 9). Lazy chunks are not
// counted (they are not loaded at start); office.js (Microsoft's CDN, or its local copy with
// OFFICE_JS=local) is listed but not counted: it is not part of the add-in's bundle.
//
// Usage: node scripts/size.js [--dist DIR] [--json] [--budget KB]
//   --budget KB   exit 1 when the total is above KB (the finished pane's budget is 150)
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

function measure(distDir) {
  const htmlFile = path.join(distDir, 'taskpane.html');
  if (!fs.existsSync(htmlFile)) throw new Error(`${htmlFile} not found: run \`npm run build\` first`);
  const html = fs.readFileSync(htmlFile, 'utf8');
  const files = [];
  const notCounted = [];
  for (const src of scriptSources(html)) {
    if (/^(https?:)?\/\//i.test(src) || isOfficeJs(src)) {
      notCounted.push(src);
      continue;
    }
    const file = path.join(distDir, decodeURI(src.split('?')[0]).replace(/^\//, ''));
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
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--dist') distDir = path.resolve(argv[++i]);
    else if (argv[i] === '--json') json = true;
    else if (argv[i] === '--budget') budget = Number(argv[++i]);
    else {
      console.error(`unknown option ${argv[i]}`);
      return 2;
    }
  }
  const result = measure(distDir);
  if (json) {
    console.log(JSON.stringify(result));
  } else {
    const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
    console.log('JavaScript loaded at start by dist/taskpane.html (gzip -9):');
    for (const f of result.files) console.log(`  ${f.file}  ${kb(f.gzipBytes)} gzip  (${kb(f.bytes)} minified)`);
    for (const src of result.notCounted) console.log(`  ${src}  (Microsoft's office.js, not counted)`);
    console.log(`Total: ${kb(result.totalGzipBytes)} gzip`);
  }
  if (budget !== undefined && result.totalGzipBytes > budget * 1024) {
    console.error(`Over budget: ${result.totalGzipKB} KB > ${budget} KB`);
    return 1;
  }
  return 0;
}

if (require.main === module) {
  try {
    process.exit(main(process.argv.slice(2)));
  } catch (err) {
    console.error(`size: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(2);
  }
}

module.exports = { scriptSources, measure };
