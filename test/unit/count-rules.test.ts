/**
 * The counting rules of the built-in pack, row by row (core/count/count): authors and issuers to columns,
 * plain-text matching only, ties never guessed, the register's body (`--body`) where a symbol does
 * not tell, types within an issuer and the rest; the register findings with their registered
 * severities; the pack format's `count` and `notCounted` checked like the rest of a pack.
 */
import Ajv from 'ajv';
import * as fs from 'fs';
import * as path from 'path';
import { CROSS_TABLE_RULES, TEMPLATES } from '../../src/core/forms/builtin';
import { classifyRegister, countedTemplates, matchLevel, summarise, type RowCount } from '../../src/core/count/count';
import { registerFindings } from '../../src/core/count/count-findings';
import type { Register, RegisterKind, RegisterRow } from '../../src/core/count/register';
import { validatePack } from '../../src/core/forms/pack';
import { ruleInfo } from '../../src/core/check/rules';

const TABLES = countedTemplates(TEMPLATES);

function row(n: number, symbol: string, author = '', date = '2025-07-02', type = ''): RegisterRow {
  return { row: n, symbol, date, dateText: date, arrivalDate: date, arrivalText: date, arrivalNo: String(n), author, summary: '', signer: '', type };
}

function register(kind: RegisterKind, rows: RegisterRow[]): Register {
  return { file: `${kind}.xlsx`, sheet: 'Sổ', kind, headerRow: 1, columns: [], rows };
}

function one(kind: RegisterKind, symbol: string, author = '', body?: string, type = ''): RowCount {
  return classifyRegister(TABLES, CROSS_TABLE_RULES, { register: register(kind, [row(2, symbol, author, '2025-07-02', type)]), ...(body ? { body } : {}) }).rows[0];
}

describe('incoming documents: the author decides', () => {
  test.each([
    ['Ban Chấp hành Trung ương', '66-NQ/TW', 'central.committee'],
    ['Bộ Chính trị', '57-NQ/TW', 'central.politburo'],
    ['BAN BÍ THƯ', '18-CT/TW', 'central.secretariat'],
    ['Ủy ban Thường vụ Quốc hội', '1656/NQ-UBTVQH15', 'central.assembly'],
    ['Uỷ ban Thường vụ Quốc hội khóa XV', '1/NQ-UBTVQH15', 'central.assembly'],
    ['Thủ tướng Chính phủ', '12/CT-TTg', 'central.government'],
    ['Bộ Nội vụ', '3050/BNV-CQĐP', 'central.ministries'],
    ['Ban Tổ chức Trung ương', '25-HD/BTCTW', 'central.ministries'],
    ['Văn phòng Trung ương Đảng', '18541-CV/VPTW', 'central.ministries'],
    ['', '12/CT-TTg', 'central.government'],
  ])('%j %s → %s', (author, symbol, column) => {
    const r = one('incoming', symbol, author);
    expect([r.state, r.columns]).toEqual(['counted', { b01: column }]);
  });

  test('a /TW symbol without an author fits three columns: unclassified, with why', () => {
    const r = one('incoming', '08-QĐi/TW');
    expect(r.state).toBe('unclassified');
    expect(r.columns).toEqual({});
    expect(r.why.vi).toContain('Ban Chấp hành Trung ương');
    expect(r.why.vi).toContain('Bộ Chính trị');
    expect(r.why.vi).toContain('Ban Bí thư');
  });

  test.each([
    ['UBND tỉnh Lâm Đồng', '824/QĐ-UBND'],
    ['Sở Tài chính', '99/STC-NS'],
    ['Bộ Chỉ huy Quân sự tỉnh Lâm Đồng', '10/BCH-TM'],
    ['Ban Tuyên giáo Tỉnh ủy', '5-HD/BTGTU'],
    ['', '52-BC/TU'],
  ])('local author %j: notCounted with the reason, not unclassified', (author, symbol) => {
    const r = one('incoming', symbol, author);
    expect(r.state).toBe('notCounted');
    expect(r.why.vi).toContain('địa phương');
  });

  test('an author no rule knows: unclassified, never guessed', () => {
    const r = one('incoming', '5/ABC', 'Tổng công ty Điện lực miền Nam');
    expect(r.state).toBe('unclassified');
    expect(r.why.en).toContain('no column');
  });

  test('names are plain text: a pattern written as a name matches only itself', () => {
    const rule = { register: 'incoming' as const, by: 'author' as const, names: ['Bộ.*'], prefixes: ['(a|b)'] };
    expect(matchLevel(rule, 'bộ nội vụ')).toBe(0);
    expect(matchLevel(rule, 'bộ.*')).toBeGreaterThan(0);
    expect(matchLevel(rule, '(a|b) x')).toBeGreaterThan(0);
    expect(matchLevel(rule, 'a x')).toBe(0);
  });
});

describe('outgoing documents: the issuer, then the type', () => {
  test.each([
    ['52-BC/TU', { b01: 'local.provincialParty', b02: 'party.report' }],
    ['08-QĐi/TU', { b01: 'local.provincialParty', b02: 'party.regulation' }],
    ['08-QĐ/TU', { b01: 'local.provincialParty', b02: 'party.decision' }],
    ['900-CV/TU', { b01: 'local.provincialParty', b02: 'party.other' }],
    ['30191/TB-SNNMT-BTTĐC', { b01: 'local.departments' }],
  ])('%s', (symbol, columns) => {
    expect(one('outgoing', symbol).columns).toEqual(columns);
  });

  test('-UBND is the province\'s and a commune\'s: unclassified without the body, decided by --body', () => {
    expect(one('outgoing', '824/QĐ-UBND').state).toBe('unclassified');
    expect(one('outgoing', '824/QĐ-UBND', '', 'local.peoplesCommittee').columns).toEqual({ b01: 'local.peoplesCommittee', b02: 'committee.decision' });
    // A commune's register: Biểu 01's Cấp xã, and not in Biểu 02 at all.
    const commune = one('outgoing', '824/QĐ-UBND', '', 'local.commune');
    expect([commune.state, commune.columns]).toEqual(['counted', { b01: 'local.commune' }]);
    // The body never overrides a symbol that names another column.
    expect(one('outgoing', '52-BC/TU', '', 'local.peoplesCommittee').columns).toEqual({ b01: 'local.provincialParty', b02: 'party.report' });
  });

  test('the words for -UBND speak to every surface: the screens\' field and the command line\'s flag; the body named by its label', () => {
    const undecided = one('outgoing', '824/QĐ-UBND');
    expect(undecided.why?.vi).toContain('hãy chọn cơ quan của sổ (ô "Cơ quan của sổ", trên dòng lệnh --body)');
    expect(undecided.why?.en).toContain('name the register\'s body (the field "Body of register", on the command line --body)');
    const decided = one('outgoing', '824/QĐ-UBND', '', 'local.peoplesCommittee');
    expect(decided.why?.vi).toContain('cơ quan của sổ: Ủy ban nhân dân');
    expect(decided.why?.en).toContain("the register's body: People's Committee");
    expect(`${decided.why?.vi ?? ''} ${decided.why?.en ?? ''}`).not.toContain('local.peoplesCommittee');
    // A Council's symbol in the Committee's register: the body named does not decide it, and the words say so (not "name the body").
    const council = one('outgoing', '05/2025/NQ-HĐND', '', 'local.peoplesCommittee');
    expect(council.state).toBe('unclassified');
    expect(council.why?.vi).toContain('; cơ quan của sổ (Ủy ban nhân dân) không phải cột nào trong đó');
    expect(council.why?.en).toContain("; the register's body (People's Committee) is none of them");
  });

  test('the "Loại văn bản" column gives the type when the symbol has none', () => {
    expect(one('outgoing', '123/UBND-VX', '', 'local.peoplesCommittee', 'Báo cáo').columns.b02).toBe('committee.report');
    expect(one('outgoing', '123/UBND-VX', '', 'local.peoplesCommittee').columns.b02).toBe('committee.other');
  });
});

describe('the period and the findings', () => {
  const reg = register('incoming', [
    row(2, '57-NQ/TW', 'Bộ Chính trị', '2025-07-01'),
    row(3, '57 - NQ / TW', 'Bộ Chính trị', '2025-07-01'),
    row(4, '08-QĐi/TW', '', '2025-07-31'),
    row(5, '60-NQ/TW', 'Bộ Chính trị', '2025-08-01'),
    row(6, '61-NQ/TW', 'Bộ Chính trị', '2025-06-30'),
    { ...row(7, '62-NQ/TW', 'Bộ Chính trị'), arrivalDate: null, arrivalText: 'chưa rõ' },
  ]);
  const classified = [classifyRegister(TABLES, CROSS_TABLE_RULES, { register: reg })];
  const period = { from: '2025-07-01', to: '2025-07-31' };

  test('both ends inclusive; outside rows are notCounted; a row without a readable date is unclassified', () => {
    const s = summarise(TABLES, classified, period);
    expect(s.counts.find((c) => c.column === 'central.politburo')?.value).toBe(2);
    expect(s.registers).toEqual([{ file: 'incoming.xlsx', kind: 'incoming', rows: 6, counted: 2, outside: 2 }]);
    expect(s.notCounted.map((n) => n.row)).toEqual([5, 6]);
    expect(s.unclassified.map((u) => [u.row, u.symbol])).toEqual([
      [4, '08-QĐi/TW'],
      [7, '62-NQ/TW'],
    ]);
    expect(s.unclassified[1].reason).toContain('chưa rõ');
  });

  test('register.unclassified and register.duplicate, with the severities registered', () => {
    const fs2 = registerFindings(classified, [{ sheet: 'Sổ văn bản đến', firstRow: 2 }], period);
    expect(fs2.map((f) => [f.rule, f.cells[0].address])).toEqual([
      ['register.duplicate', 'A3'],
      ['register.unclassified', 'A4'],
      ['register.unclassified', 'A7'],
    ]);
    for (const f of fs2) expect([f.rule, ruleInfo(f.rule)?.severity]).toEqual([f.rule, f.severity]);
    expect(fs2[0].cells[1]).toEqual({ sheet: 'Sổ văn bản đến', address: 'A2' });
  });
});

describe('the pack format: count and notCounted', () => {
  const standard = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'src', 'templates', 'vn.standard.json'), 'utf8')) as {
    templates: { groups: { columns: Record<string, unknown>[] }[]; notCounted?: unknown[] }[];
  };
  const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'schemas', 'bieumau-pack-1.schema.json'), 'utf8')) as object;
  const ajv = new Ajv({ allErrors: true, strict: false });
  const bySchema = ajv.compile(schema);

  function edited(edit: (p: typeof standard) => void): typeof standard {
    const p = JSON.parse(JSON.stringify(standard)) as typeof standard;
    edit(p);
    return p;
  }

  test('the built-in pack is valid for the validator and the schema', () => {
    expect(validatePack(standard).ok).toBe(true);
    expect(bySchema(standard)).toBe(true);
  });

  test.each([
    ['an unknown register', (p: typeof standard) => void (p.templates[0].groups[0].columns[0].count = { register: 'both', by: 'author', names: ['X'] }), 'templates[0].groups[0].columns[0].count.register'],
    ['no names at all', (p: typeof standard) => void (p.templates[0].groups[0].columns[0].count = { register: 'incoming', by: 'author' }), 'templates[0].groups[0].columns[0].count.names'],
    ['an empty name', (p: typeof standard) => void (p.templates[0].groups[0].columns[0].count = { register: 'incoming', by: 'author', names: [' '] }), 'templates[0].groups[0].columns[0].count.names[0]'],
    ['rest with types', (p: typeof standard) => void ((p.templates[1].groups[0].columns[6].count as Record<string, unknown>).types = ['NQ']), 'templates[1].groups[0].columns[6].count.rest'],
    ['two rest columns in a group', (p: typeof standard) => void ((p.templates[1].groups[0].columns[5].count as Record<string, unknown>) = { register: 'outgoing', by: 'issuer', names: ['TU'], rest: true }), 'templates[1].groups[0].columns[6].count'],
    ['a notCounted rule without its reason', (p: typeof standard) => void (p.templates[0].notCounted = [{ register: 'incoming', by: 'author', names: ['X'] }]), 'templates[0].notCounted[0].reason'],
  ])('%s is a fault at its path (and the schema refuses the shape)', (_n, edit, at) => {
    const p = edited(edit);
    const r = validatePack(p);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.faults.map((f) => f.path)).toContain(at);
    if (!at.endsWith('columns[6].count')) expect(bySchema(p)).toBe(false);
  });
});
