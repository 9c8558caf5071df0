/**
 * Footnotes and endnotes of a Word report: each note's paragraphs read from its part (separators
 * left out), numbered in the order the body refers to them; a note never referred to comes after,
 * by id.
 */
import { attr, type XmlCursor } from './docx-xml';
import { BlockReader, type NoteCounter, type ParaDraft } from './docx-blocks';

/** Paragraph drafts of the notes part read by `c`, note by note (separators left out), keyed by note id. */
function readNotes(c: XmlCursor, element: 'footnote' | 'endnote', counter: NoteCounter): Map<string, ParaDraft[]> {
  const out = new Map<string, ParaDraft[]>();
  while (c.next()) {
    if (!c.opens(element) || c.selfClosing) continue;
    const type = attr(c, 'w:type');
    const id = attr(c, 'w:id') ?? '';
    const start = c.start;
    c.next();
    const blocks = new BlockReader(c, counter).blocks();
    // On from the note's opening tag again: a note inside a note is read on its own too.
    c.seek(start);
    if (type === 'separator' || type === 'continuationSeparator' || type === 'continuationNotice') continue;
    const paras: ParaDraft[] = [];
    for (const b of blocks) {
      if (b.kind === 'p') paras.push(b.p);
      else for (const r of b.t.rows) paras.push({ text: r.cells.map((x) => x.text).join(' '), listItem: false, notes: [] });
    }
    out.set(id, paras);
  }
  return out;
}

/**
 * The notes of the part read by `c` (none when null) in the order of their numbers, each with its
 * paragraph drafts; notes never referred to get the next numbers (`counter` keeps them).
 */
export function orderedNotes(c: XmlCursor | null, element: 'footnote' | 'endnote', counter: NoteCounter): { number: number; paragraphs: ParaDraft[] }[] {
  if (!c) return [];
  const notes = readNotes(c, element, counter);
  const numbers = element === 'footnote' ? counter.footnotes : counter.endnotes;
  const ids = [...notes.keys()].sort((a, b) => (numbers.get(a) ?? 1e9 + Number(a)) - (numbers.get(b) ?? 1e9 + Number(b)));
  return ids.map((id) => {
    let number = numbers.get(id);
    if (number === undefined) {
      number = numbers.size + 1;
      numbers.set(id, number);
    }
    return { number, paragraphs: notes.get(id) ?? [] };
  });
}
