#!/usr/bin/env node
// Offline validation of an Office add-in manifest (XML, schema 1.1) against the XSDs kept in
// schemas/office-addin-manifest/. `npm run validate` is Microsoft's online check; this one needs no
// network.
//
// Usage: node scripts/validate-manifest.js [--engine auto|xmllint|wasm] MANIFEST.xml...
//   auto (default): Debian's `xmllint` (libxml2-utils) when it is on PATH, else the npm package
//   xmllint-wasm (the same libxml2 compiled to WebAssembly).
// Exit code: 0 when every manifest validates, 1 when one does not (the error lines are printed on
// stderr, with line numbers), 2 on bad usage or a missing file.
'use strict';

const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const SCHEMA_DIR = path.join(__dirname, '..', 'schemas', 'office-addin-manifest');
const MAIN_SCHEMA = 'OfficeAppManifestV1_1.xsd';

function hasSystemXmllint() {
  const probe = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
  return probe.error === undefined;
}

/** @returns {{ ok: boolean, errors: string[] }} */
function validateWithXmllint(file) {
  const result = spawnSync('xmllint', ['--noout', '--schema', path.join(SCHEMA_DIR, MAIN_SCHEMA), file], {
    encoding: 'utf8',
  });
  if (result.error) throw result.error;
  const lines = `${result.stderr}`
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l !== '' && !/ validates$/.test(l) && !/ fails to validate$/.test(l));
  return { ok: result.status === 0, errors: result.status === 0 ? [] : lines };
}

/** @returns {Promise<{ ok: boolean, errors: string[] }>} */
async function validateWithWasm(file) {
  const { validateXML } = require('xmllint-wasm');
  const schemaFiles = fs.readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.xsd'));
  const preload = schemaFiles
    .filter((f) => f !== MAIN_SCHEMA)
    .map((f) => ({ fileName: f, contents: fs.readFileSync(path.join(SCHEMA_DIR, f), 'utf8') }));
  const result = await validateXML({
    xml: [{ fileName: file, contents: fs.readFileSync(file, 'utf8') }],
    schema: [{ fileName: MAIN_SCHEMA, contents: fs.readFileSync(path.join(SCHEMA_DIR, MAIN_SCHEMA), 'utf8') }],
    preload,
  });
  return {
    ok: result.valid,
    errors: result.errors.map((e) => e.rawMessage.trimEnd()).filter((l) => l !== '' && !/ fails to validate$/.test(l)),
  };
}

/**
 * @param {string} file
 * @param {'auto'|'xmllint'|'wasm'} engine
 * @returns {Promise<{ ok: boolean, errors: string[], engine: 'xmllint'|'wasm' }>}
 */
async function validateManifest(file, engine = 'auto') {
  const chosen = engine === 'auto' ? (hasSystemXmllint() ? 'xmllint' : 'wasm') : engine;
  const result = chosen === 'xmllint' ? validateWithXmllint(file) : await validateWithWasm(file);
  return { ...result, engine: chosen };
}

async function main(argv) {
  let engine = 'auto';
  const files = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--engine') {
      engine = argv[++i];
      if (!['auto', 'xmllint', 'wasm'].includes(engine)) {
        console.error(`--engine must be auto, xmllint or wasm (got ${engine})`);
        return 2;
      }
    } else if (arg.startsWith('-')) {
      console.error(`unknown option ${arg}`);
      return 2;
    } else {
      files.push(arg);
    }
  }
  if (files.length === 0) {
    console.error('usage: node scripts/validate-manifest.js [--engine auto|xmllint|wasm] MANIFEST.xml...');
    return 2;
  }
  let failed = false;
  for (const file of files) {
    if (!fs.existsSync(file)) {
      console.error(`${file}: no such file`);
      return 2;
    }
    const result = await validateManifest(file, /** @type {'auto'|'xmllint'|'wasm'} */ (engine));
    if (result.ok) {
      console.log(`${file}: valid (${MAIN_SCHEMA}, ${result.engine})`);
    } else {
      failed = true;
      console.error(`${file}: INVALID (${MAIN_SCHEMA}, ${result.engine})`);
      for (const line of result.errors) console.error(`  ${line}`);
    }
  }
  return failed ? 1 : 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err) => {
      console.error(`validate-manifest: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(2);
    },
  );
}

module.exports = { validateManifest };
