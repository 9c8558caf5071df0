/** @jest-environment jsdom */
/**
 * Packs deployed beside the pane (packs/index.json on the add-in's server): loaded at start after
 * the built-in pack, shown with title, issuer and version; a pack that fails its check is shown
 * with its faults and offers no table; a pack table is inserted, read and checked by its pack's rules.
 */
import { click, openTab, renderPane, screen, within } from '../support/taskpane-harness';
import { loadPacks, type PackFetch } from '../../src/core/forms/pack-loader';
import { BUILTIN_CATALOG } from '../../src/core/forms/builtin';
import { at, goodPack } from '../support/packs';

const ORIGIN = 'https://addin.example.gov.vn';
const INDEX = `${ORIGIN}/bieumau/packs/index.json`;

function server(files: Record<string, unknown>): { fetch: PackFetch; asked: string[] } {
  const asked: string[] = [];
  const fetch: PackFetch = async (url) => {
    asked.push(url);
    const path = url.startsWith(`${ORIGIN}/bieumau/packs/`) ? url.slice(`${ORIGIN}/bieumau/packs/`.length) : null;
    const body = path === null ? undefined : files[path];
    if (body === undefined) return { ok: false, status: 404, text: async () => 'Not Found' };
    return { ok: true, status: 200, text: async () => (typeof body === 'string' ? body : JSON.stringify(body)) };
  };
  return { fetch, asked };
}

function brokenPack(): Record<string, unknown> {
  const p = goodPack();
  p.id = 'test.broken';
  at(p, 'templates[0].rules[1].parts')[1] = 'visits.other';
  at(p, 'templates[1].name').vi = 'Tiếp dân: cấp';
  return p;
}

const FILES = {
  'index.json': { packs: ['tiep-dan.json', 'hong.json', 'khong-co.json', '../ngoai.json'] },
  'tiep-dan.json': goodPack(),
  'hong.json': brokenPack(),
};

describe('loadPacks (no DOM, fetch injected)', () => {
  test('valid packs join the catalog in index order; the others are reported whole, never half-loaded', async () => {
    const s = server(FILES);
    const r = await loadPacks(s.fetch, INDEX, BUILTIN_CATALOG);
    expect(r.indexError).toBeNull();
    expect(r.packs.map((p) => [p.file, p.status])).toEqual([
      ['tiep-dan.json', 'loaded'],
      ['hong.json', 'invalid'],
      ['khong-co.json', 'error'],
      ['../ngoai.json', 'error'],
    ]);
    expect(r.catalog.current().map((p) => p.id)).toEqual(['vn.standard', 'test.office']);
    expect(r.catalog.find('test.broken', 'visits', 1)).toBeUndefined();
    const bad = r.packs[1];
    expect(bad.status === 'invalid' && bad.faults.map((f) => f.path)).toEqual(['templates[0].rules[1].parts[1]', 'templates[1].name.vi']);
    const missing = r.packs[2];
    expect(missing.status === 'error' && missing.reason.en).toBe('the file could not be fetched (HTTP 404)');
    // a path out of the packs folder is never fetched
    expect(s.asked).toEqual([INDEX, `${ORIGIN}/bieumau/packs/tiep-dan.json`, `${ORIGIN}/bieumau/packs/hong.json`, `${ORIGIN}/bieumau/packs/khong-co.json`]);
  });

  test('no index is no packs and no error; an unusable index is an error; a pack loaded twice is refused', async () => {
    expect(await loadPacks(server({}).fetch, INDEX, BUILTIN_CATALOG)).toEqual({ catalog: BUILTIN_CATALOG, packs: [], indexError: null });
    expect((await loadPacks(server({ 'index.json': '{"packs": "a.json"}' }).fetch, INDEX, BUILTIN_CATALOG)).indexError?.en).toBe('packs/index.json must read { "packs": ["file.json", …] }');
    expect((await loadPacks(server({ 'index.json': 'packs: a.json' }).fetch, INDEX, BUILTIN_CATALOG)).indexError?.en).toBe('packs/index.json is not valid JSON');
    const twice = await loadPacks(server({ 'index.json': { packs: ['a.json', 'b.json', 'https://other.example/c.json'] }, 'a.json': goodPack(), 'b.json': goodPack() }).fetch, INDEX, BUILTIN_CATALOG);
    expect(twice.packs.map((p) => (p.status === 'error' ? p.reason.en : p.status))).toEqual([
      'loaded',
      'pack "test.office" version 1 is already loaded',
      '"https://other.example/c.json": give a path relative to the packs folder (no "..", no other address)',
    ]);
    const down = await loadPacks(async () => Promise.reject(new TypeError('Failed to fetch')), INDEX, BUILTIN_CATALOG);
    expect(down).toEqual({ catalog: BUILTIN_CATALOG, packs: [], indexError: null });
  });
});

describe('the pane with deployed packs', () => {
  test('Bảng biểu lists each pack with title, issuer and version, and the broken pack with its faults', async () => {
    const s = server(FILES);
    await renderPane({ loadPacks: () => loadPacks(s.fetch, INDEX, BUILTIN_CATALOG) });
    expect(screen.queryByTestId('packs-loading')).toBeNull();
    const standard = document.querySelector('section[data-pack="vn.standard"]') as HTMLElement;
    expect(within(standard).getByRole('heading', { level: 2 }).textContent).toBe('Các biểu thống kê chuẩn của báo cáo định kỳ');
    expect(screen.getByTestId('pack-line-vn.standard').textContent).toBe(
      'Ban hành: Theo phụ lục Báo cáo số 52-BC/TU ngày 14/11/2025 của Ban Thường vụ Tỉnh ủy Lâm Đồng · Phiên bản 1 · 4 biểu',
    );
    const mine = document.querySelector('section[data-pack="test.office"]') as HTMLElement;
    expect(within(mine).getByRole('heading', { level: 2 }).textContent).toBe('Gói thử');
    expect(screen.getByTestId('pack-line-test.office').textContent).toBe('Ban hành: Văn phòng thử · Phiên bản 1 · 2 biểu');
    expect(within(mine).getAllByRole('button').map((b) => b.textContent)).toEqual(['Chèn Tiếp dân', 'Chèn Tiếp dân theo cấp']);
    const failed = screen.getAllByTestId('pack-failed').map((el) => el.textContent);
    expect(failed).toEqual([
      'Gói biểu mẫu “hong.json” không hợp lệ nên không được nạp:templates[0].rules[1].parts[1]: không có cột "visits.other" trong biểu visitstemplates[1].name.vi: tên trang tính "Tiếp dân: cấp" có ký tự Excel không nhận: : (không dùng [ ] : * ? / \\); tên này là tên trang tính của biểu',
      'Không nạp được gói biểu mẫu “khong-co.json”: không tải được tệp (HTTP 404)',
      'Không nạp được gói biểu mẫu “../ngoai.json”: "../ngoai.json": chỉ ghi đường dẫn tương đối trong thư mục packs (không có "..", không có địa chỉ khác)',
    ]);
    // nothing of the broken pack is offered
    expect(document.querySelector('section[data-pack="test.broken"]')).toBeNull();
  });

  test('a pack table is inserted with its pack in the sheet, then checked by its own rules', async () => {
    const s = server(FILES);
    const h = await renderPane({
      loadPacks: () => loadPacks(s.fetch, INDEX, BUILTIN_CATALOG),
      setup: async ({ adapter }) => adapter.saveSettings({ unit: 'UBND XÃ A', reportNo: '12/BC-UBND', reportDate: '2025-10-20', reportBy: 'UBND xã', from: '2025-07-01', to: '2025-09-30' }),
    });
    await click(screen.getByRole('button', { name: 'Chèn Tiếp dân' }));
    expect(screen.getByTestId('inserted-test.office/visits').textContent).toBe('Trang tính: Tiếp dân');
    const read = await h.adapter.readTables(BUILTIN_CATALOG.with([]));
    expect(read.tables.map((t) => [t.sheet, t.packId, t.templateId])).toEqual([['Tiếp dân', 'test.office', 'visits']]);
    // row 9 (below the group row): settled 16 > received 15, the pack's atMost rule
    for (const [addr, v] of [['B9', '10'], ['C9', '5'], ['E9', '15'], ['F9', '16']]) h.host.type('Tiếp dân', addr, v);
    await openTab('Kiểm tra');
    await click(screen.getByRole('button', { name: 'Kiểm tra' }));
    const items = [...document.querySelectorAll<HTMLElement>('li[data-rule]')].map((li) => li.dataset.rule);
    expect(items).toEqual(['row.settledWithinReceived']);
    expect(screen.getByTestId('check-summary').textContent).toContain('Còn 1 lỗi');
  });

  test('without deployed packs the pane shows the built-in pack only, and no loading line', async () => {
    await renderPane();
    expect(document.querySelectorAll('section[data-pack]')).toHaveLength(1);
    expect(screen.queryByTestId('packs-loading')).toBeNull();
    expect(screen.queryByTestId('pack-failed')).toBeNull();
  });
});
