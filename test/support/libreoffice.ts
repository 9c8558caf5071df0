/**
 * LibreOffice headless with a throw-away profile that forces full recalculation of `.xlsx`
 * files on load (OOXMLRecalcMode = 0), so formula results come from LibreOffice, not from a cache.
 */
import { execFileSync, spawnSync } from 'child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync, existsSync } from 'fs';
import { tmpdir } from 'os';
import { basename, join } from 'path';
import { pathToFileURL } from 'url';

const RECALC_PROFILE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** The soffice binary, or a clear error (CI installs libreoffice-calc-nogui; the test must not skip). */
export function findSoffice(): string {
  for (const candidate of [process.env.SOFFICE, 'soffice', 'libreoffice']) {
    if (!candidate) continue;
    const r = spawnSync(candidate, ['--version'], { encoding: 'utf8' });
    if (r.status === 0) return candidate;
  }
  throw new Error(
    'LibreOffice (soffice) is not installed: install the Debian package libreoffice-calc-nogui (or set SOFFICE) to run this test',
  );
}

/**
 * Converts `files` in one soffice run (much faster than one run per file) into `outDir` (a CSV holds
 * the first sheet).
 * Returns the output paths, in the order of `files`.
 */
export function convertWithLibreOffice(files: string[], format: 'xlsx' | 'pdf' | 'csv', outDir: string): string[] {
  const soffice = findSoffice();
  const profile = mkdtempSync(join(tmpdir(), 'bieumau-lo-'));
  try {
    mkdirSync(join(profile, 'user'), { recursive: true });
    writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), RECALC_PROFILE);
    mkdirSync(outDir, { recursive: true });
    // CSV: the first sheet only, comma, double quote, UTF-8 (76).
    const filter = format === 'xlsx' ? 'xlsx:Calc MS Excel 2007 XML' : format === 'csv' ? 'csv:Text - txt - csv (StarCalc):44,34,76,1' : 'pdf:calc_pdf_Export';
    execFileSync(
      soffice,
      [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--convert-to', filter, '--outdir', outDir, ...files],
      { stdio: 'pipe', timeout: 110000 },
    );
    const outs = files.map((f) => join(outDir, basename(f).replace(/\.[^.]+$/, `.${format}`)));
    for (const o of outs) if (!existsSync(o)) throw new Error(`LibreOffice did not produce ${o}`);
    return outs;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * Opens CSV files the way a person does in LibreOffice Calc (CSV import: comma, double quote,
 * UTF-8, formulas evaluated — the import option closest to what Excel does on opening) and saves
 * each as flat ODF XML (`.fods`) in `outDir`, where a formula cell carries `table:formula`.
 * Returns the output paths, in the order of `files`.
 */
export function importCsvWithLibreOffice(files: string[], outDir: string): string[] {
  const soffice = findSoffice();
  const profile = mkdtempSync(join(tmpdir(), 'bieumau-lo-'));
  try {
    mkdirSync(join(profile, 'user'), { recursive: true });
    mkdirSync(outDir, { recursive: true });
    // Tokens: separator 44 (,), text delimiter 34 ("), charset 76 (UTF-8), from line 1, no column
    // formats, language 1033, quoted field as text no, detect special numbers yes, (3 export-only
    // tokens), sheet -1, evaluate formulas yes.
    execFileSync(
      soffice,
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        '--headless',
        '--norestore',
        '--infilter=CSV:44,34,76,1,,1033,false,true,false,false,false,-1,true',
        '--convert-to',
        'fods',
        '--outdir',
        outDir,
        ...files,
      ],
      { stdio: 'pipe', timeout: 110000 },
    );
    const outs = files.map((f) => join(outDir, basename(f).replace(/\.[^.]+$/, '.fods')));
    for (const o of outs) if (!existsSync(o)) throw new Error(`LibreOffice did not produce ${o}`);
    return outs;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
