#!/usr/bin/env node
'use strict';
/**
 * npm run render-sample: builds the `--sample` workbook, prints it to PDF with LibreOffice
 * (throw-away profile, full recalculation) and renders each PDF page to PNG with pdftoppm,
 * into test-output/render/. Look at the pages as a clerk would before a release.
 */
const { execFileSync, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { pathToFileURL } = require('url');

const root = path.resolve(__dirname, '..');
const outDir = path.join(root, 'test-output', 'render');
const xlsx = path.join(outDir, 'sample.xlsx');

function die(msg) {
  process.stderr.write(`render-sample: ${msg}\n`);
  process.exit(2);
}

function need(bin, pkg) {
  const r = spawnSync(bin, ['-v'], { encoding: 'utf8' });
  if (r.error) die(`${bin} not found: install the Debian package ${pkg}`);
}

need('soffice', 'libreoffice-calc-nogui');
need('pdftoppm', 'poppler-utils');

execFileSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(root, 'tsconfig.cli.json')], {
  stdio: 'inherit',
});
fs.rmSync(outDir, { recursive: true, force: true });
fs.mkdirSync(outDir, { recursive: true });
execFileSync(process.execPath, [path.join(root, 'bin', 'bieumau.js'), 'new', xlsx, '--sample', '--force'], { stdio: 'inherit' });

const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'bieumau-render-'));
try {
  fs.mkdirSync(path.join(profile, 'user'), { recursive: true });
  fs.writeFileSync(
    path.join(profile, 'user', 'registrymodifications.xcu'),
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n' +
      '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>\n' +
      '</oor:items>\n',
  );
  execFileSync(
    'soffice',
    [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--convert-to', 'pdf:calc_pdf_Export', '--outdir', outDir, xlsx],
    { stdio: 'pipe', timeout: 120000 },
  );
} finally {
  fs.rmSync(profile, { recursive: true, force: true });
}
const pdf = path.join(outDir, 'sample.pdf');
if (!fs.existsSync(pdf)) die('LibreOffice produced no PDF');
execFileSync('pdftoppm', ['-png', '-r', '110', pdf, path.join(outDir, 'page')]);
const pages = fs.readdirSync(outDir).filter((f) => /^page-\d+\.png$/.test(f)).sort();
process.stdout.write(`${pdf}\n${pages.map((p) => path.join(outDir, p)).join('\n')}\n`);
process.stdout.write(`${pages.length} page(s) for 4 tables${pages.length === 4 ? '' : ' — expected one page per table: check the print setup'}\n`);
