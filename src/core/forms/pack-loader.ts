/**
 * Loading the packs an office deploys beside the add-in: `packs/index.json` lists pack files
 * (paths relative to it, same origin), each is fetched and checked, and the valid ones join the
 * built-in catalog. An invalid or unreachable pack is reported with its reasons and left out whole
 * (never half-loaded); a missing index means the office added no packs. No DOM here: the caller
 * gives `fetch` (the task pane and the web page pass the browser's), so this runs in tests as is.
 *
 * `packs/index.json`: `{ "packs": ["so-noi-vu.json", "chung-thu-so.json"] }`.
 */
import type { Text } from './template';
import type { PackCatalog } from './catalog';
import { parsePack, type Pack, type PackFault } from './pack';

/** The part of `fetch` the loader uses. */
export type PackFetch = (url: string) => Promise<{ ok: boolean; status: number; text(): Promise<string> }>;

export type LoadedPack =
  | { file: string; status: 'loaded'; pack: Pack }
  | { file: string; status: 'invalid'; faults: PackFault[] }
  | { file: string; status: 'error'; reason: Text };

export interface PackLoad {
  /** The built-in catalog with every valid pack of the index added, in index order. */
  catalog: PackCatalog;
  /** One entry per file the index lists, in its order. */
  packs: LoadedPack[];
  /** Set when the index itself exists but cannot be used (not JSON, wrong shape). */
  indexError: Text | null;
}

/** The index file, relative to the add-in's page. */
export const PACK_INDEX = 'packs/index.json';

const MAX_PACKS = 100;

function problem(vi: string, en: string): Text {
  return { vi, en };
}

/** A same-origin URL for an index entry, or why it cannot be one. */
function entryUrl(entry: unknown, indexUrl: URL): URL | Text {
  if (typeof entry !== 'string' || entry.trim() === '') return problem('mục trong index.json phải là tên tệp .json', 'an index.json entry must be a .json file name');
  if (/^[a-z][a-z0-9+.-]*:/i.test(entry) || entry.startsWith('/') || entry.startsWith('\\') || entry.split(/[\\/]/).includes('..')) {
    return problem(`"${entry}": chỉ ghi đường dẫn tương đối trong thư mục packs (không có "..", không có địa chỉ khác)`, `"${entry}": give a path relative to the packs folder (no "..", no other address)`);
  }
  if (!/\.json$/i.test(entry)) return problem(`"${entry}" không phải tệp .json`, `"${entry}" is not a .json file`);
  const url = new URL(entry, indexUrl);
  if (url.origin !== indexUrl.origin) return problem(`"${entry}" không cùng máy chủ với add-in`, `"${entry}" is not on the add-in's server`);
  return url;
}

async function fetchText(fetchFn: PackFetch, url: string): Promise<{ text: string } | { status: number } | { failed: string }> {
  try {
    const r = await fetchFn(url);
    if (!r.ok) return { status: r.status };
    return { text: await r.text() };
  } catch (e) {
    return { failed: e instanceof Error ? e.message : String(e) };
  }
}

/** A pack file's text checked as `bieumau packs check` checks it (the loader, and a file the clerk opens). */
export function checkPackText(file: string, text: string): LoadedPack {
  const checked = parsePack(text);
  if (checked.ok) return { file, status: 'loaded', pack: checked.pack };
  if ('notJson' in checked) return { file, status: 'error', reason: checked.notJson };
  return { file, status: 'invalid', faults: checked.faults };
}

async function loadOne(fetchFn: PackFetch, file: string, url: URL): Promise<LoadedPack> {
  const got = await fetchText(fetchFn, url.href);
  if ('status' in got) return { file, status: 'error', reason: problem(`không tải được tệp (HTTP ${got.status})`, `the file could not be fetched (HTTP ${got.status})`) };
  if ('failed' in got) return { file, status: 'error', reason: problem(`không tải được tệp (${got.failed})`, `the file could not be fetched (${got.failed})`) };
  return checkPackText(file, got.text);
}

/**
 * Adds the valid packs to `base` in order. A pack whose id and version the catalog already holds
 * is reported as an error and left out (the first one loaded wins).
 */
export function joinPacks(base: PackCatalog, packs: readonly LoadedPack[]): { catalog: PackCatalog; packs: LoadedPack[] } {
  let catalog = base;
  const out = packs.map((p): LoadedPack => {
    if (p.status !== 'loaded') return p;
    if (catalog.has(p.pack.id, p.pack.version)) {
      return { file: p.file, status: 'error', reason: problem(`gói "${p.pack.id}" phiên bản ${p.pack.version} đã được nạp`, `pack "${p.pack.id}" version ${p.pack.version} is already loaded`) };
    }
    catalog = catalog.with([p.pack]);
    return p;
  });
  return { catalog, packs: out };
}

/**
 * Reads the index at `indexUrl` (absolute, e.g. `new URL('packs/index.json', document.baseURI)`)
 * and every pack it lists. Never throws.
 */
export async function loadPacks(fetchFn: PackFetch, indexUrl: string, base: PackCatalog): Promise<PackLoad> {
  const index = new URL(indexUrl);
  const got = await fetchText(fetchFn, index.href);
  // No index (404) or none reachable: the office added no packs; that is not an error.
  if (!('text' in got)) return { catalog: base, packs: [], indexError: 'status' in got && got.status !== 404 ? problem(`không tải được packs/index.json (HTTP ${got.status})`, `packs/index.json could not be fetched (HTTP ${got.status})`) : null };
  let parsed: unknown;
  try {
    parsed = JSON.parse(got.text.charCodeAt(0) === 0xfeff ? got.text.slice(1) : got.text);
  } catch {
    return { catalog: base, packs: [], indexError: problem('packs/index.json không phải JSON hợp lệ', 'packs/index.json is not valid JSON') };
  }
  const list = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as { packs?: unknown }).packs : undefined;
  if (!Array.isArray(list)) {
    return { catalog: base, packs: [], indexError: problem('packs/index.json phải có dạng { "packs": ["tệp.json", …] }', 'packs/index.json must read { "packs": ["file.json", …] }') };
  }
  const entries = list.slice(0, MAX_PACKS);
  const packs = await Promise.all(
    entries.map(async (entry, i): Promise<LoadedPack> => {
      const file = typeof entry === 'string' ? entry : `#${i + 1}`;
      const url = entryUrl(entry, index);
      return url instanceof URL ? loadOne(fetchFn, file, url) : { file, status: 'error', reason: url };
    }),
  );
  const { catalog, packs: out } = joinPacks(base, packs);
  const indexError =
    list.length > MAX_PACKS ? problem(`packs/index.json liệt kê quá ${MAX_PACKS} gói; chỉ nạp ${MAX_PACKS} gói đầu`, `packs/index.json lists over ${MAX_PACKS} packs; only the first ${MAX_PACKS} are loaded`) : null;
  return { catalog, packs: out, indexError };
}
