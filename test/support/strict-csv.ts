/**
 * A strict RFC 4180 reader for tests, written independently of src/core/csv: comma-separated
 * records ending in CRLF (the last one too), fields either bare (no quote, CR or LF inside) or
 * wholly quoted with inner quotes doubled; every record as wide as the first. Anything else throws
 * with the position, so a test sees a malformed file instead of a silently mis-split one.
 */
export function parseCsvStrict(text: string): string[][] {
  const records: string[][] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const record: string[] = [];
    for (;;) {
      let field = '';
      if (text[i] === '"') {
        i++;
        for (;;) {
          if (i >= n) throw new Error(`unterminated quoted field at ${i}`);
          if (text[i] === '"') {
            if (text[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          field += text[i++];
        }
        if (i < n && text[i] !== ',' && text[i] !== '\r') throw new Error(`text after a closing quote at ${i}`);
      } else {
        while (i < n && text[i] !== ',' && text[i] !== '\r') {
          if (text[i] === '"' || text[i] === '\n') throw new Error(`a bare ${text[i] === '"' ? 'quote' : 'LF'} in an unquoted field at ${i}`);
          field += text[i++];
        }
      }
      record.push(field);
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === '\r' && text[i + 1] === '\n') {
        i += 2;
        break;
      }
      throw new Error(`a record must end in CRLF at ${i}`);
    }
    if (records.length > 0 && record.length !== records[0].length) throw new Error(`record ${records.length + 1} has ${record.length} fields, the header ${records[0].length}`);
    records.push(record);
  }
  return records;
}

/** The records as objects keyed by the header. */
export function csvObjects(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsvStrict(text);
  return rows.map((r) => Object.fromEntries(header.map((h, k) => [h, r[k]])));
}
