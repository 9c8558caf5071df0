/**
 * The packs loaded in one run (the built-in `vn.standard` first, then any the office added): where
 * layout, the readers, validation and figures find a template by pack, id and version. Several
 * versions of one pack may be loaded side by side, so a workbook made last year is read and checked
 * with the templates and rules of its own version; what is offered for new tables is the highest
 * version of each pack.
 */
import type { CrossTableEquality, Template, Text } from './template';
import { STANDARD_PACK_ID, type Pack } from './pack';

/** A cross-table rule tied to the template versions it was issued with (undefined: any version). */
export interface BoundCrossRule {
  pack: string;
  rule: CrossTableEquality;
  leftVersion?: number;
  rightVersion?: number;
}

/** What a reader or the engine looks templates up in: a catalog, or a plain list (templates of `vn.standard` unless they say otherwise). */
export type TemplateSource = PackCatalog | readonly Template[];

export type Missing = 'pack' | 'template' | 'version';

function packOf(t: Template): string {
  return t.pack ?? STANDARD_PACK_ID;
}

export class PackCatalog {
  /** Loaded packs, in load order. */
  readonly packs: readonly Pack[];
  private readonly all: Template[] = [];
  private readonly bound: BoundCrossRule[] = [];

  /** @param packs validated packs (see `validatePack`); a pack id and version loaded twice keeps the first. */
  constructor(packs: readonly Pack[]) {
    const kept: Pack[] = [];
    for (const p of packs) {
      if (kept.some((k) => k.id === p.id && k.version === p.version)) continue;
      kept.push(p);
    }
    this.packs = kept;
    // Higher pack versions first, so that a template present in two versions resolves to the newer copy.
    const newestFirst = [...kept].sort((a, b) => (a.id === b.id ? b.version - a.version : 0));
    for (const p of newestFirst) {
      for (const t of p.templates) {
        if (this.all.some((x) => packOf(x) === p.id && x.id === t.id && x.version === t.version)) continue;
        this.all.push({ ...t, pack: p.id });
      }
    }
    for (const p of kept) {
      for (const rule of p.crossRules ?? []) {
        const lv = p.templates.find((t) => t.id === rule.left.template)?.version;
        const rv = p.templates.find((t) => t.id === rule.right.template)?.version;
        const same = this.bound.some((b) => b.pack === p.id && b.leftVersion === lv && b.rightVersion === rv && JSON.stringify(b.rule) === JSON.stringify(rule));
        if (!same) this.bound.push({ pack: p.id, rule, leftVersion: lv, rightVersion: rv });
      }
    }
  }

  /**
   * A catalog from plain lists (callers that pass `templates` / `crossTableRules` options): the
   * templates keep their own `pack` (default `vn.standard`), the rules apply to any version.
   */
  static fromTemplates(templates: readonly Template[], rules: readonly CrossTableEquality[] = []): PackCatalog {
    const c = new PackCatalog([]);
    for (const t of templates) c.all.push({ ...t, pack: packOf(t) });
    for (const rule of rules) {
      const left = templates.find((t) => t.id === rule.left.template);
      c.bound.push({ pack: left ? packOf(left) : STANDARD_PACK_ID, rule });
    }
    return c;
  }

  /** A new catalog with these packs loaded after the ones already here. */
  with(packs: readonly Pack[]): PackCatalog {
    return new PackCatalog([...this.packs, ...packs]);
  }

  has(packId: string, version: number): boolean {
    return this.packs.some((p) => p.id === packId && p.version === version);
  }

  find(packId: string, templateId: string, version: number): Template | undefined {
    return this.all.find((t) => t.pack === packId && t.id === templateId && t.version === version);
  }

  /** What is missing for this identity: the pack, the template in it, or that version; null when known. */
  missing(packId: string, templateId: string, version: number): Missing | null {
    if (this.find(packId, templateId, version)) return null;
    if (!this.all.some((t) => t.pack === packId)) return 'pack';
    if (!this.all.some((t) => t.pack === packId && t.id === templateId)) return 'template';
    return 'version';
  }

  /** Versions of a template loaded, ascending. */
  versionsOf(packId: string, templateId: string): number[] {
    return this.all.filter((t) => t.pack === packId && t.id === templateId).map((t) => t.version).sort((a, b) => a - b);
  }

  /** Every template loaded, every version (what a reader recognises). */
  templates(): readonly Template[] {
    return this.all;
  }

  /** The packs offered for new tables: the highest version of each pack id, in load order. */
  current(): Pack[] {
    const out: Pack[] = [];
    for (const p of this.packs) {
      const i = out.findIndex((x) => x.id === p.id);
      if (i < 0) out.push(p);
      else if (p.version > out[i].version) out[i] = p;
    }
    return out;
  }

  /** The templates offered for new tables (those of `current()`), as the catalog holds them. */
  list(): Template[] {
    // A catalog made from a plain list (`fromTemplates`) offers that list.
    if (this.packs.length === 0) return [...this.all];
    return this.current().flatMap((p) => p.templates.map((t) => this.find(p.id, t.id, t.version) as Template));
  }

  /**
   * Every template, those offered first (`list()`), then the older versions: the templates a
   * consolidation or a roll-up reads its sources with, and the order of the sheets it writes.
   */
  offeredFirst(): Template[] {
    const offered = this.list();
    return [...offered, ...this.all.filter((t) => !offered.includes(t))];
  }

  crossRules(): readonly BoundCrossRule[] {
    return this.bound;
  }

  /**
   * A template named on a command line: `pack:id` (any loaded pack), or an id alone when a single
   * offered template has it; for `vn.standard`, `01`, `1` and `b01` all name Biểu 01.
   */
  resolve(ref: string): { template: Template } | { error: Text } {
    const key = ref.trim().toLowerCase();
    const offered = this.list();
    const colon = key.indexOf(':');
    if (colon >= 0) {
      const packId = key.slice(0, colon);
      const id = normaliseId(key.slice(colon + 1), packId);
      const inPack = offered.filter((t) => t.pack === packId);
      if (inPack.length === 0) {
        const packs = this.current().map((p) => p.id).join(', ');
        return { error: { vi: `không có gói biểu mẫu "${packId}" (có: ${packs})`, en: `unknown pack "${packId}" (loaded: ${packs})` } };
      }
      const t = inPack.find((x) => x.id === id);
      if (t) return { template: t };
      const known = inPack.map((x) => x.id).join(', ');
      const asked = ref.trim().slice(colon + 1).trim();
      return { error: { vi: `gói ${packId} không có biểu mẫu "${asked}" (có: ${known})`, en: `pack ${packId} has no template "${asked}" (known: ${known})` } };
    }
    const matches = offered.filter((t) => t.id === key || t.id === normaliseId(key, t.pack as string));
    if (matches.length === 1) return { template: matches[0] };
    if (matches.length > 1) {
      const options = matches.map((t) => `${t.pack}:${t.id}`).join(', ');
      return {
        error: {
          vi: `biểu mẫu "${ref.trim()}" có trong nhiều gói, hãy ghi rõ gói:mã (${options})`,
          en: `template "${ref.trim()}" is in several packs; name it as pack:id (${options})`,
        },
      };
    }
    const known = this.knownIds().join(', ');
    return { error: { vi: `không có biểu mẫu "${ref.trim()}" (có: ${known})`, en: `unknown template "${ref.trim()}" (known: ${known})` } };
  }

  /** Offered template ids as a command line takes them: the id alone, or `pack:id` where two packs share it. */
  knownIds(): string[] {
    const offered = this.list();
    return offered.map((t) => (offered.filter((x) => x.id === t.id).length > 1 ? `${t.pack}:${t.id}` : t.id));
  }
}

/** `01` / `1` → `b01` in `vn.standard`; any other id as it is. */
function normaliseId(id: string, packId: string): string {
  return packId === STANDARD_PACK_ID && /^\d+$/.test(id) ? `b${id.padStart(2, '0')}` : id;
}

/** How the pane and the web page key a template: its id for the built-in pack, `pack/id` for any other. */
export function templateKey(t: { id: string; pack?: string }): string {
  return t.pack === undefined || t.pack === STANDARD_PACK_ID ? t.id : `${t.pack}/${t.id}`;
}

/** The template of this identity in a catalog or a plain list. */
export function lookupTemplate(source: TemplateSource, packId: string, templateId: string, version: number): Template | undefined {
  if (source instanceof PackCatalog) return source.find(packId, templateId, version);
  return source.find((t) => packOf(t) === packId && t.id === templateId && t.version === version);
}

/** A catalog for any source (a plain list becomes a catalog of its templates, no cross rules). */
export function asCatalog(source: TemplateSource): PackCatalog {
  return source instanceof PackCatalog ? source : PackCatalog.fromTemplates(source);
}
