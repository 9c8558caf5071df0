/**
 * XML of a Word report's parts, read as a stream: one cursor walks the part's text token by token
 * (a tag or a text between tags) and keeps only where the token is, so a part of millions of tags
 * costs no object per tag. No entity but the five predefined and character references; comments
 * and processing instructions passed over, CDATA read as text; a DOCTYPE (or any other
 * declaration) refused before anything of its part is read.
 */
import { unescapeXml } from './scoped-names-xml';
import { doctypeRefusal } from './docx-refusals';

/**
 * What the cursor stands on: END past the last token, OPEN an opening tag or an empty-element tag
 * (`selfClosing`). Modules reading tokens take the numbers into constants of their own once
 * (`const { END, … } = TOKEN`): an imported binding is a property read each time in CommonJS.
 */
export const TOKEN = { END: 0, TEXT: 1, OPEN: 2, CLOSE: 3 } as const;
const { END, TEXT, OPEN, CLOSE } = TOKEN;

export class XmlCursor {
  kind: number = END;
  /** An opening tag written `<…/>`. */
  selfClosing = false;
  /** Where the token begins (its `<`, or its text's first character): `seek(start)` stands on it again. */
  start = 0;
  /** The tag's text is `xml.slice(from, to)`; a text's (or CDATA's content) likewise. */
  from = 0;
  to = 0;
  /** Where the next token begins. */
  pos = 0;
  private localFrom = 0;
  private nameTo = 0;
  private cdata = false;

  private constructor(
    readonly xml: string,
    readonly part: string,
  ) {}

  /**
   * A cursor before the first token of `xml` (the part named `part`, for messages).
   * @throws DocumentReadError `doctype` when the part declares anything (`<!DOCTYPE`, `<!ENTITY`).
   */
  static open(xml: string, part: string): XmlCursor {
    const c = new XmlCursor(xml, part);
    if (xml.includes('<!')) {
      // Comments and CDATA also begin so: a walk over the whole part tells them from a declaration.
      while (c.next());
      c.pos = 0;
    }
    return c;
  }

  /** A second cursor over the same part (for looking ahead without moving this one). */
  twin(): XmlCursor {
    return new XmlCursor(this.xml, this.part);
  }

  /** Stands on the token beginning at `at` (a `start` seen before). */
  seek(at: number): boolean {
    this.pos = at;
    return this.next();
  }

  /** Moves to the next token; false (and `kind` END) at the end of the part. */
  next(): boolean {
    const xml = this.xml;
    const n = xml.length;
    let i = this.pos;
    while (i < n) {
      const lt = xml.indexOf('<', i);
      if (lt !== i) return this.text(i, lt < 0 ? n : lt, lt < 0 ? n : lt, false);
      if (xml.startsWith('<!--', lt)) {
        const end = xml.indexOf('-->', lt + 4);
        i = end < 0 ? n : end + 3;
        continue;
      }
      if (xml.startsWith('<![CDATA[', lt)) {
        const end = xml.indexOf(']]>', lt + 9);
        this.start = lt;
        return this.text(lt + 9, end < 0 ? n : end, end < 0 ? n : end + 3, true);
      }
      // A DOCTYPE (or any declaration) may define entities: never expanded, the file is refused.
      if (xml.startsWith('<!', lt)) throw doctypeRefusal(this.part);
      if (xml.startsWith('<?', lt)) {
        const end = xml.indexOf('?>', lt + 2);
        i = end < 0 ? n : end + 2;
        continue;
      }
      return this.tag(lt);
    }
    this.pos = n;
    this.kind = END;
    return false;
  }

  private text(from: number, to: number, next: number, cdata: boolean): true {
    if (!cdata) this.start = from;
    this.kind = TEXT;
    this.from = from;
    this.to = to;
    this.pos = next;
    this.cdata = cdata;
    return true;
  }

  /** The tag at `lt`: up to the '>' outside quotes (the first '>' when the quotes before it are balanced). */
  private tag(lt: number): true {
    const xml = this.xml;
    const n = xml.length;
    let j = xml.indexOf('>', lt + 1);
    if (j < 0) j = n;
    if (!balancedQuotes(xml, lt, Math.min(j + 1, n))) j = quotedEnd(xml, lt);
    const end = Math.min(j + 1, n);
    const close = xml.charCodeAt(lt + 1) === 47;
    this.kind = close ? CLOSE : OPEN;
    this.selfClosing = !close && end - 2 >= lt && xml.charCodeAt(end - 2) === 47;
    // The name: up to white space, '/' or '>' (scanned, not matched); its local part after a ':'.
    const from = lt + (close ? 2 : 1);
    let to = from;
    let local = from;
    while (to < j && to < n) {
      const c = xml.charCodeAt(to);
      if (c === 47 || c === 62 || c === 32 || c === 9 || c === 10 || c === 13) break;
      if (c === 58 && local === from) local = to + 1;
      to++;
    }
    this.localFrom = local;
    this.nameTo = to;
    this.start = lt;
    this.from = lt;
    this.to = end;
    this.pos = j + 1;
    return true;
  }

  /** The tag's local name (`w:p` → `p`), so a document written with another prefix for the same namespace reads alike. */
  name(): string {
    return this.xml.slice(this.localFrom, this.nameTo);
  }

  /** The tag's local name is `local` (compared in place). */
  is(local: string): boolean {
    return this.nameTo - this.localFrom === local.length && this.xml.startsWith(local, this.localFrom);
  }

  /** The cursor stands on an opening (or empty-element) tag of local name `local`. */
  opens(local: string): boolean {
    return this.kind === OPEN && this.is(local);
  }

  /** The text standing here, unescaped (CDATA as written). */
  value(): string {
    const s = this.xml.slice(this.from, this.to);
    return this.cdata ? s : unescapeXml(s);
  }
}

/** Every quoted attribute value of the tag's text `xml[from, to)` is closed (no '>' inside a value cut it short). */
function balancedQuotes(xml: string, from: number, to: number): boolean {
  let quote = 0;
  for (let k = from; k < to; k++) {
    const ch = xml.charCodeAt(k);
    if (quote) {
      if (ch === quote) quote = 0;
    } else if (ch === 34 || ch === 39) quote = ch;
  }
  return quote === 0;
}

/** The '>' ending the tag at `lt`, quotes heeded (the end of the text when none). */
function quotedEnd(xml: string, lt: number): number {
  let quote = '';
  let j = lt + 1;
  for (; j < xml.length; j++) {
    const ch = xml[j];
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '>') break;
  }
  return j;
}

/** The pattern of each attribute name asked for, made once. */
const ATTRS = new Map<string, RegExp>();

/** The value of the attribute `name` (as written, prefix and all) of the tag the cursor stands on, unescaped. */
export function attr(c: XmlCursor, name: string): string | undefined {
  let re = ATTRS.get(name);
  if (!re) ATTRS.set(name, (re = new RegExp(`\\s${name.replace(':', '\\:')}\\s*=\\s*("([^"]*)"|'([^']*)')`)));
  const m = re.exec(c.xml.slice(c.from, c.to));
  return m ? unescapeXml(m[2] ?? m[3] ?? '') : undefined;
}
