/**
 * `tieout_ms_100p`: `bieumau tie-out REPORT.docx --json` through the built command line (wall time
 * in ms, process start included, median of 3 runs) on a generated report of about 100 pages: the
 * seed report's paragraphs repeated to 300 body paragraphs (with their footnotes) and 10 Biểu tables
 * (the seed's three, repeated). Target: ≤ 1 000 ms.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ensureCliBuilt } from './support/cli';
import { buildDocx, type Block } from '../test/support/docx-builder';
import { SEED_FOOTNOTES, seedTables, seedText } from '../test/support/seed-report';

const PARAGRAPHS = 300;
const TABLES = 10;

/** The generated report: 300 body paragraphs, 10 tables. */
export function hundredPages(): Uint8Array {
  const text = seedText();
  const tables = seedTables();
  const body: Block[] = [];
  let paragraphs = 0;
  while (paragraphs < PARAGRAPHS) {
    const p = text[paragraphs % text.length];
    body.push(p);
    paragraphs++;
  }
  // The three tables with their captions, repeated up to ten tables.
  const groups: Block[][] = [];
  for (let i = 0; i < tables.length; i += 3) groups.push(tables.slice(i, i + 3));
  for (let t = 0; t < TABLES; t++) body.push(...groups[t % groups.length]);
  return buildDocx(body, SEED_FOOTNOTES);
}

export async function run(): Promise<Record<string, number>> {
  const root = path.join(__dirname, '..');
  ensureCliBuilt(root);
  const bin = path.join(root, 'bin', 'bieumau.js');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bm-bench-tieout-'));
  try {
    fs.writeFileSync(path.join(dir, 'bao-cao.docx'), hundredPages());
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = process.hrtime.bigint();
      const r = spawnSync(process.execPath, [bin, 'tie-out', 'bao-cao.docx', '--json'], { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
      const doc = JSON.parse(r.stdout) as { document: { paragraphs: number; tables: number }; findings: { rule: string }[] };
      if (r.status !== 1 || doc.document.tables !== TABLES || doc.document.paragraphs < PARAGRAPHS || !doc.findings.some((f) => f.rule === 'text.parts')) {
        throw new Error(`tie-out bench: unexpected result (exit ${String(r.status)}, ${doc.document.paragraphs} paragraphs, ${doc.document.tables} tables)`);
      }
    }
    const s = [...times].sort((a, b) => a - b);
    return { tieout_ms_100p: Math.round(s[1]) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
