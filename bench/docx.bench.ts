/**
 * `docx_large_part_ms`: processor time (ms, median of 3 after one warm-up, in this process) of
 * `readDocx` on a Word report whose main part is 11 MB of 1.5 million tags (runs nested 300,000
 * deep, 16,000 fields, 60,000 cells merged: test/fuzz/large-docx.ts), the size of the fuzzing
 * campaign's largest inputs. Target: well under the campaign's 2 s per input.
 */
import { readDocx } from '../src/xlsx/docx';
import { largeDocx } from '../test/fuzz/large-docx';

export async function run(): Promise<Record<string, number>> {
  const input = largeDocx();
  const times: number[] = [];
  for (let i = 0; i < 4; i++) {
    const t0 = process.cpuUsage();
    const doc = readDocx(input);
    const d = process.cpuUsage(t0);
    if (doc.tables.length !== 1 || doc.paragraphs.length !== 321) throw new Error(`docx bench: unexpected result (${doc.paragraphs.length} paragraphs, ${doc.tables.length} tables)`);
    if (i > 0) times.push((d.user + d.system) / 1000);
  }
  times.sort((a, b) => a - b);
  return Promise.resolve({ docx_large_part_ms: Math.round(times[1]) });
}
