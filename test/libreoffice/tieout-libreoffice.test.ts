/**
 * The seed report saved by LibreOffice Writer (`soffice --headless --convert-to docx`, its own
 * profile) ties out as the one built here: same findings, same matches. Writer rewrites every part
 * (runs, properties, the tracked change, the field, the footnotes, the merged cells).
 */
import { execFileSync } from 'child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { pathToFileURL } from 'url';
import { unzipSync, strFromU8 } from 'fflate';
import { findSoffice } from '../support/libreoffice';
import { SEED_TIEOUT_FINDINGS, seedReportDocx } from '../support/seed-report';
import { readDocx } from '../../src/xlsx/docx';
import { tieOut } from '../../src/core/tieout/tieout';

let dir: string;
let saved: Uint8Array;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bm-tieout-lo-'));
  const profile = join(dir, 'profile');
  mkdirSync(join(profile, 'user'), { recursive: true });
  mkdirSync(join(dir, 'in'));
  const input = join(dir, 'in', 'bao-cao.docx');
  writeFileSync(input, seedReportDocx());
  execFileSync(findSoffice(), [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', join(dir, 'out'), input], { stdio: 'pipe', timeout: 110000 });
  saved = readFileSync(join(dir, 'out', 'bao-cao.docx'));
}, 120000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('Writer wrote its own document: the tracked change, the field code and the merges are still there', () => {
  const xml = strFromU8(unzipSync(saved)['word/document.xml']);
  expect(xml).toContain('<w:delText>1.478</w:delText>');
  expect(xml).toContain('instrText');
  expect(xml).toMatch(/<w:gridSpan w:val="6"\/>/);
  expect(xml).toMatch(/<w:vMerge\/>|<w:vMerge w:val="continue"\/>/);
  expect(Buffer.compare(Buffer.from(saved), Buffer.from(seedReportDocx()))).not.toBe(0);
});

test('the same findings and matches as the document built here', () => {
  const built = tieOut(readDocx(seedReportDocx()));
  const fromWriter = tieOut(readDocx(saved));
  const brief = (r: ReturnType<typeof tieOut>): unknown => r.findings.map((f) => [f.rule, f.stated, f.expected, f.where]);
  expect(brief(fromWriter)).toEqual(brief(built));
  expect(fromWriter.findings.map((f) => [f.rule, f.stated, f.expected])).toEqual(SEED_TIEOUT_FINDINGS);
  expect(fromWriter.matched).toEqual(built.matched);
});
