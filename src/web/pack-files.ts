/**
 * Template packs the clerk opens from a file on the web page ("Mở gói biểu mẫu…"): checked as
 * `bieumau packs check` checks them (`checkPackText`) and remembered in this browser
 * (localStorage) for the next visit, until the clerk forgets them. This is how packs reach the
 * single-file page (dist/bieumau.html), which cannot fetch packs/index.json; the hosted page offers
 * it too, beside the packs its server lists.
 *
 * Storage may be missing or refuse to write (private windows, a full quota, a policy): the pack is
 * then used for this visit only and the caller says so; nothing here throws.
 */
import { checkPackText, type LoadedPack } from '../core/forms/pack-loader';
import type { Pack } from '../core/forms/pack';

/** One remembered pack file: its name as chosen and its text as read. */
export interface PackFileText {
  file: string;
  text: string;
}

/** The part of `Storage` used here (tests give their own). */
export type PackStorage = Pick<Storage, 'getItem' | 'setItem'>;

export const PACK_FILES_KEY = 'bieumau.packFiles.v1';

/** The browser's localStorage, or null where reading it throws (storage turned off, sandboxed frames). */
export function browserStorage(): PackStorage | null {
  try {
    return typeof window !== 'undefined' && window.localStorage ? window.localStorage : null;
  } catch {
    return null;
  }
}

function isPackFileText(v: unknown): v is PackFileText {
  return typeof v === 'object' && v !== null && typeof (v as PackFileText).file === 'string' && typeof (v as PackFileText).text === 'string';
}

/** The remembered pack files, oldest first; nothing (never an error) when storage is empty, missing or garbled. */
export function rememberedPackFiles(storage: PackStorage | null): PackFileText[] {
  if (storage === null) return [];
  try {
    const raw = storage.getItem(PACK_FILES_KEY);
    if (raw === null) return [];
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.filter(isPackFileText) : [];
  } catch {
    return [];
  }
}

/** Writes the list; false when the browser would not keep it. */
export function storePackFiles(storage: PackStorage | null, files: readonly PackFileText[]): boolean {
  if (storage === null) return false;
  try {
    storage.setItem(PACK_FILES_KEY, JSON.stringify(files));
    return true;
  } catch {
    return false;
  }
}

/** An opened pack: its file, its text (what is remembered) and the check's result. */
export interface OpenedPack extends PackFileText {
  loaded: LoadedPack;
}

export function openPackText(f: PackFileText): OpenedPack {
  return { ...f, loaded: checkPackText(f.file, f.text) };
}

/** The valid packs among the opened ones. */
export function validPacks(opened: readonly OpenedPack[]): Pack[] {
  return opened.flatMap((o) => (o.loaded.status === 'loaded' ? [o.loaded.pack] : []));
}

/** The key a pack is remembered under: its id and version (opening a pack again replaces it). */
export function packKey(p: Pack): string {
  return `${p.id}@${p.version}`;
}
