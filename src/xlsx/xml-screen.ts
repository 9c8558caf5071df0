/**
 * A look over the bytes of one XML part before a parser is given it: how long its longest
 * attribute value and tag are, how deep its elements nest, how many are left open at its end. One
 * pass over the bytes, no text made; comments, CDATA sections, declarations and processing
 * instructions are stepped over. `screenPart` refuses a part beyond `XML_PART_LIMITS` with the
 * catalogue's `corrupt` id and words naming the part.
 */
import type { Refusal } from '../core/refusals';
import { refusal } from '../core/refusals';
import { EN_SEPARATORS, VI_SEPARATORS, formatNumber } from '../core/numbers';
import { XML_PART_LIMITS } from './limits';
import { WorkbookReadError } from './errors';

export interface XmlShape {
  /** The longest attribute value, in bytes. */
  attribute: number;
  /** The longest tag (from `<` to `>`), in bytes. */
  tag: number;
  /** The deepest nesting of elements. */
  depth: number;
  /** Elements opened and never closed at the end (closings beyond openings count against it). */
  unclosed: number;
  /** Tags never ended: another `<` comes before their `>`. */
  unended: number;
}

const LT = 60;
const GT = 62;
const SLASH = 47;
const BANG = 33;
const QUESTION = 63;
const DQ = 34;
const SQ = 39;

/** The index just past `end` (a byte sequence) from `from`, or the length of `b` when it never comes. */
function pastSequence(b: Uint8Array, from: number, end: readonly number[]): number {
  const first = end[0];
  for (let i = b.indexOf(first, from); i >= 0; i = b.indexOf(first, i + 1)) {
    let k = 1;
    while (k < end.length && b[i + k] === end[k]) k++;
    if (k === end.length) return i + k;
  }
  return b.length;
}

const COMMENT_END = [45, 45, GT]; // -->
const CDATA_END = [93, 93, GT]; // ]]>
const PI_END = [QUESTION, GT]; // ?>
const CDATA_START = [91, 67, 68, 65, 84, 65, 91]; // [CDATA[

function startsAt(b: Uint8Array, at: number, seq: readonly number[]): boolean {
  for (let k = 0; k < seq.length; k++) if (b[at + k] !== seq[k]) return false;
  return true;
}

/** The shape of an XML part's bytes (`XmlShape`), in one pass. */
export function xmlShape(b: Uint8Array): XmlShape {
  const shape: XmlShape = { attribute: 0, tag: 0, depth: 0, unclosed: 0, unended: 0 };
  let depth = 0;
  let i = b.indexOf(LT);
  while (i >= 0 && i < b.length) {
    const next = b[i + 1];
    if (next === BANG) {
      // A comment, a CDATA section, or a declaration: not an element.
      if (b[i + 2] === 45 && b[i + 3] === 45) i = pastSequence(b, i + 4, COMMENT_END);
      else if (startsAt(b, i + 2, CDATA_START)) i = pastSequence(b, i + 9, CDATA_END);
      else i = pastTag(b, i, shape);
    } else if (next === QUESTION) {
      // A processing instruction (the XML declaration among them): to its `?>`.
      i = pastSequence(b, i + 2, PI_END);
    } else {
      const end = pastTag(b, i, shape);
      if (next === SLASH) depth--;
      else if (end <= b.length && b[end - 1] === GT && b[end - 2] !== SLASH) {
        depth++;
        if (depth > shape.depth) shape.depth = depth;
      }
      i = end;
    }
    i = b.indexOf(LT, i);
  }
  shape.unclosed = depth;
  return shape;
}

/** The index just past the tag starting at `at` (its `>` outside quotes), its longest attribute value and length noted in `shape`. */
function pastTag(b: Uint8Array, at: number, shape: XmlShape): number {
  let i = at + 1;
  const n = b.length;
  while (i < n) {
    const c = b[i];
    if (c === GT) break;
    if (c === DQ || c === SQ) {
      let close = b.indexOf(c, i + 1);
      if (close < 0) close = n;
      if (close - i - 1 > shape.attribute) shape.attribute = close - i - 1;
      i = close + 1;
      continue;
    }
    if (c === LT) {
      // A tag never ended: the next one begins here.
      shape.unended++;
      if (i - at > shape.tag) shape.tag = i - at;
      return i;
    }
    i++;
  }
  const end = Math.min(i + 1, n);
  if (end - at > shape.tag) shape.tag = end - at;
  return end;
}

function beyond(part: string, vi: string, en: string): WorkbookReadError {
  const words = refusal('corrupt').message;
  const r: Refusal = { id: 'corrupt', message: { vi: `${words.vi} Phần "${part}" ${vi}.`, en: `${words.en} The part "${part}" ${en}.` } };
  return new WorkbookReadError(r);
}

const vi = (n: number): string => formatNumber(n, VI_SEPARATORS);
const en = (n: number): string => formatNumber(n, EN_SEPARATORS);

/**
 * Refuses the part `name` (its bytes `b`) when it is beyond `XML_PART_LIMITS`: more elements left
 * open than `maxUnclosed` (the catalogue's plain `corrupt` words), an attribute value or a tag too
 * long, tags never ended by the thousand, elements nested too deep (the same words, then what is
 * wrong with which part).
 * @throws WorkbookReadError
 */
export function screenPart(name: string, b: Uint8Array): void {
  const s = xmlShape(b);
  const L = XML_PART_LIMITS;
  if (s.unclosed > L.maxUnclosed) throw new WorkbookReadError(refusal('corrupt'));
  if (s.attribute > L.maxAttributeBytes) {
    throw beyond(name, `có giá trị thuộc tính dài ${vi(s.attribute)} byte, quá giới hạn ${vi(L.maxAttributeBytes)}`, `has an attribute value ${en(s.attribute)} bytes long, beyond the limit of ${en(L.maxAttributeBytes)}`);
  }
  if (s.tag > L.maxTagBytes) {
    throw beyond(name, `có thẻ dài ${vi(s.tag)} byte, quá giới hạn ${vi(L.maxTagBytes)}`, `has a tag ${en(s.tag)} bytes long, beyond the limit of ${en(L.maxTagBytes)}`);
  }
  if (s.unended > L.maxUnended) {
    throw beyond(name, `có ${vi(s.unended)} thẻ không có dấu > kết thúc, quá giới hạn ${vi(L.maxUnended)}`, `has ${en(s.unended)} tags never ended by a >, beyond the limit of ${en(L.maxUnended)}`);
  }
  if (s.depth > L.maxDepth) {
    throw beyond(name, `có phần tử lồng nhau sâu ${vi(s.depth)} cấp, quá giới hạn ${vi(L.maxDepth)}`, `has elements nested ${en(s.depth)} deep, beyond the limit of ${en(L.maxDepth)}`);
  }
}
