/**
 * Template packs on the command line, as a user runs them (`node bin/bieumau.js …`):
 * `packs check`, and `--pack` on `templates`, `new` and `check` — with the example pack of the seed
 * report's section 3.5 (digital certificates) end to end.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { templatesListing } from '../../src/cli/templates';
import { at, goodPack } from '../support/packs';
import { cliIn, ensureCliBuilt } from '../support/cli';

const ROOT = path.join(__dirname, '..', '..');
const EXAMPLE = path.join(ROOT, 'packs', 'examples', 'chung-thu-so.json');
let dir: string;

const run = cliIn(() => dir);

function write(name: string, value: unknown): string {
  fs.writeFileSync(path.join(dir, name), typeof value === 'string' ? value : JSON.stringify(value, null, 2));
  return name;
}

beforeAll(() => {
  ensureCliBuilt();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bm-packs-'));
  write('good.json', goodPack());
  const bad = goodPack();
  at(bad, 'templates[0].rules[1].parts')[1] = 'visits.other';
  at(bad, 'crossRules[0].right').template = 'b01';
  write('bad.json', bad);
  write('text.json', 'Biểu mẫu, không phải JSON');
  const other = goodPack();
  other.id = 'other.office';
  write('other.json', other);
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('bieumau packs check', () => {
  test('a valid pack: exit 0, what it holds', () => {
    const r = run('packs', 'check', 'good.json');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('good.json\n  HỢP LỆ: gói test.office phiên bản 1, 2 biểu (visits@1, levels@1)\nTổng cộng: 1 gói hợp lệ, 0 gói không hợp lệ trong 1 tệp.\n');
  });

  test('an invalid pack: exit 1, every fault with its JSON path', () => {
    const r = run('packs', 'check', 'bad.json', 'good.json', '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')).toEqual([
      'bad.json',
      '  INVALID: 2 faults',
      '    templates[0].rules[1].parts[1]: there is no column "visits.other" in template visits',
      '    crossRules[0].right.template: the pack has no template "b01"',
      'good.json',
      '  VALID: pack test.office version 1, 2 templates (visits@1, levels@1)',
      'Total: 1 valid, 1 invalid in 2 files.',
      '',
    ]);
  });

  test('not JSON or missing: exit 2, the other files still reported; --json', () => {
    const r = run('packs', 'check', 'text.json', 'bad.json', 'none.json', 'good.json', '--json');
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.stdout) as { files: Record<string, unknown>[] };
    expect(doc.files.map((f) => [f.file, f.valid ?? 'error'])).toEqual([
      ['text.json', 'error'],
      ['bad.json', false],
      ['none.json', 'error'],
      ['good.json', true],
    ]);
    expect((doc.files[0].error as { en: string }).en).toMatch(/^not valid JSON/);
    expect(doc.files[1].faults).toEqual([
      { path: 'templates[0].rules[1].parts[1]', code: 'unknown-column', message: { vi: 'không có cột "visits.other" trong biểu visits', en: 'there is no column "visits.other" in template visits' } },
      { path: 'crossRules[0].right.template', code: 'unknown-template', message: { vi: 'gói không có biểu "b01"', en: 'the pack has no template "b01"' } },
    ]);
  });

  test('usage errors: one line, exit 2', () => {
    for (const args of [['packs'], ['packs', 'list'], ['packs', 'check']]) {
      const r = run(...args);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/^bieumau: .+ \/ .+/);
    }
  });
});

describe('--pack', () => {
  test('templates: the built-in tables as before, then each pack table as pack:id', () => {
    const plain = run('templates');
    expect(plain.stdout).toBe(templatesListing());
    const r = run('templates', '--pack', 'good.json');
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith(plain.stdout)).toBe(true);
    expect(r.stdout.slice(plain.stdout.length)).toBe('test.office:visits\tv1\tTiếp dân\tBIỂU TIẾP CÔNG DÂN\ntest.office:levels\tv1\tTiếp dân theo cấp\tBIỂU TIẾP CÔNG DÂN THEO CẤP\n');
  });

  test('an invalid, unreadable or twice-loaded pack stops the command: one line, exit 2, nothing written', () => {
    for (const [file, re] of [
      ['bad.json', /^bieumau: --pack bad\.json: gói biểu mẫu không hợp lệ, 2 lỗi; lỗi đầu tiên: templates\[0\]\.rules\[1\]\.parts\[1\]: .+ \/ --pack bad\.json: the template pack is invalid, 2 faults; first: /],
      ['text.json', /^bieumau: --pack text\.json: không phải JSON hợp lệ .+ \/ --pack text\.json: not valid JSON/],
      ['none.json', /^bieumau: --pack none\.json: không tìm thấy tệp \/ --pack none\.json: the file does not exist/],
    ] as const) {
      const r = run('new', 'x.xlsx', '--pack', file);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(re);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    const twice = run('check', 'x.xlsx', '--pack', 'good.json', '--pack', 'good.json');
    expect(twice.code).toBe(2);
    expect(twice.stderr).toBe('bieumau: --pack good.json: gói "test.office" phiên bản 1 đã được nạp / --pack good.json: pack "test.office" version 1 is already loaded\n');
    expect(fs.existsSync(path.join(dir, 'x.xlsx'))).toBe(false);
  });

  test('--templates: an id from any loaded pack; pack:id when two packs share it', () => {
    const amb = run('new', 'amb.xlsx', '--pack', 'good.json', '--pack', 'other.json', '--templates', 'visits');
    expect(amb.code).toBe(2);
    expect(amb.stderr).toBe(
      'bieumau: biểu mẫu "visits" có trong nhiều gói, hãy ghi rõ gói:mã (test.office:visits, other.office:visits) / template "visits" is in several packs; name it as pack:id (test.office:visits, other.office:visits)\n',
    );
    const unknown = run('new', 'amb.xlsx', '--pack', 'good.json', '--templates', 'other.office:visits');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^bieumau: không có gói biểu mẫu "other.office" \(có: vn.standard, test.office\) \/ unknown pack "other.office"/);
    const ok = run('new', 'mixed.xlsx', '--pack', 'good.json', '--pack', 'other.json', '--templates', 'other.office:visits,01,levels');
    expect(ok.stderr).toBe('bieumau: biểu mẫu "levels" có trong nhiều gói, hãy ghi rõ gói:mã (test.office:levels, other.office:levels) / template "levels" is in several packs; name it as pack:id (test.office:levels, other.office:levels)\n');
    const ok2 = run('new', 'mixed.xlsx', '--pack', 'good.json', '--pack', 'other.json', '--templates', 'other.office:visits,01,test.office:levels', '--sample');
    expect(ok2.code).toBe(0);
    const check = run('check', 'mixed.xlsx', '--pack', 'good.json', '--pack', 'other.json', '--json');
    const findings = (JSON.parse(check.stdout) as { files: { findings: { rule: string; cells: { sheet: string }[] }[] }[] }).files[0].findings;
    // the seed's Biểu 01 alone has no Biểu 02 to compare with; the two pack tables are of different packs: no cross rule between them
    expect(findings.filter((f) => f.rule.startsWith('cross.') || f.rule.startsWith('structure.'))).toEqual([]);
  });

  test('the seed section 3.5 pack end to end: new --sample, then check finds the report\'s own inconsistencies', () => {
    const made = run('new', 'cts.xlsx', '--pack', EXAMPLE, '--sample');
    expect(made.code).toBe(0);
    const r = run('check', 'cts.xlsx', '--pack', EXAMPLE, '--json');
    expect(r.code).toBe(1);
    const findings = (JSON.parse(r.stdout) as { files: { findings: Record<string, unknown>[] }[] }).files[0].findings;
    expect(findings.map((f) => [f.rule, f.left, f.right, f.difference])).toEqual([
      // 1.487 organisation + 7.697 personal certificates ≠ 9.375 cases
      ['row.kindsMakeCases', 9375, 9184, 191],
      // 7.433 Token + 455 SIM PKI ≠ 7.697 personal certificates
      ['row.devicesMakePersonal', 7697, 7888, -191],
    ]);
    const human = run('check', 'cts.xlsx', '--pack', EXAMPLE);
    expect(human.stdout).toContain('Tổng số trường hợp = 9.375, tổng các phần = 9.184 (chênh lệch 191)');
    // 3.820 provincial + 5.555 communes = 9.375: the cross rule between the two tables holds
    expect(findings.some((f) => f.rule === 'cross.casesByLevel')).toBe(false);
  });

  test('consolidate --pack adds up the pack tables of several units', () => {
    expect(run('new', 'u1.xlsx', '--pack', 'good.json', '--sample', '--unit', 'Xã A').code).toBe(0);
    expect(run('new', 'u2.xlsx', '--pack', 'good.json', '--sample', '--unit', 'Xã B').code).toBe(0);
    const r = run('consolidate', 'all.xlsx', 'u1.xlsx', 'u2.xlsx', '--pack', 'good.json', '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { totals: Record<string, Record<string, number>> };
    // the sample: rows 10, 5, 15, 12 and 3, 4, 7, 7 per unit; 13 + 9 visits by level
    expect(doc.totals).toEqual({
      'test.office:visits': { 'visits.regular': 26, 'visits.periodic': 18, 'visits.total': 44, 'cases.received': 44, 'cases.settled': 38 },
      'test.office:levels': { visits: 44 },
    });
    const without = run('consolidate', 'none.xlsx', 'u1.xlsx', '--json');
    expect(JSON.parse(without.stdout).totals).toEqual({});
    const checked = run('check', 'all.xlsx', '--pack', 'good.json', '--json');
    expect(checked.code).toBe(0);
  });

  test('without its pack, a pack table is structure.unknown-template naming the missing pack', () => {
    run('new', 'cts2.xlsx', '--pack', EXAMPLE);
    const r = run('check', 'cts2.xlsx', '--json');
    expect(r.code).toBe(1);
    const findings = (JSON.parse(r.stdout) as { files: { findings: { rule: string; message: { vi: string; en: string } }[] }[] }).files[0].findings;
    expect(findings.map((f) => f.rule)).toEqual(['structure.unknown-template', 'structure.unknown-template']);
    expect(findings[0].message.en).toBe(
      'Chứng thư số: table "vd.chung-thu-so/cts@1" belongs to the pack "vd.chung-thu-so", which is not loaded; load that pack (--pack or packs/index.json) or update bieumau.',
    );
  });
});
