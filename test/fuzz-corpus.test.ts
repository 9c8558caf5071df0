/**
 * The fuzzing corpus: every input kept under test/fuzz/corpus/<reader>/ (each once a defect of the
 * campaign, `npm run fuzz`, minimised; see test/fuzz/corpus/README.md) is given again to its
 * reader through the target's own `run`, and must end as its file name says: `NAME.finding.EXT`
 * or `NAME.refusal.EXT`, never a defect (an exception, a polluted prototype, a value that does not
 * round-trip). A reader that hangs on one again fails here by the test's time limit.
 */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { TARGETS, targetNamed } from './fuzz/registry';

const CORPUS = join(__dirname, 'fuzz', 'corpus');

const cases = readdirSync(CORPUS, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) =>
    readdirSync(join(CORPUS, d.name))
      .filter((f) => /\.(finding|refusal)\.[a-z]+$/.test(f))
      .map((f) => ({ reader: d.name, file: f, expected: (/\.(finding|refusal)\.[a-z]+$/.exec(f) as RegExpExecArray)[1] })),
  );

describe('the fuzzing corpus', () => {
  it('has a folder per reader of the campaign only, and kept inputs for the readers the campaign found defects in', () => {
    const folders = readdirSync(CORPUS, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    for (const f of folders) expect(TARGETS.map((t) => t.name)).toContain(f);
    expect(new Set(cases.map((c) => c.reader))).toEqual(new Set(['xlsx-fast', 'xlsx-exceljs', 'units', 'numbers', 'pack']));
    expect(cases.length).toBeGreaterThanOrEqual(11);
  });

  it.each(cases)('$reader/$file ends in a $expected', async ({ reader, file, expected }) => {
    const target = targetNamed(reader);
    if (!target) throw new Error(`no reader ${reader}`);
    const result = await target.run(new Uint8Array(readFileSync(join(CORPUS, reader, file))));
    expect({ file, outcome: result.outcome }).toEqual({ file, outcome: expected });
  }, 30000);
});
