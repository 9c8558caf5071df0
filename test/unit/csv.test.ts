/** The one CSV writer (core/csv): RFC 4180 quoting, the people mode's apostrophe rule, numbers untouched. */
import { csvDocument, csvField, csvNumber, csvRecord } from '../../src/core/csv';

test('fields are quoted only where RFC 4180 needs it, quotes doubled', () => {
  expect(csvField('Xã Đạ Huoai')).toBe('Xã Đạ Huoai');
  expect(csvField('a,b')).toBe('"a,b"');
  expect(csvField('say "hi"')).toBe('"say ""hi"""');
  expect(csvField('two\nlines')).toBe('"two\nlines"');
  expect(csvField('cr\rhere')).toBe('"cr\rhere"');
  expect(csvField(null)).toBe('');
  expect(csvField(undefined)).toBe('');
  expect(csvField('')).toBe('');
});

test('numbers: point as decimal mark, no thousands separator, no exponent for whole counts', () => {
  expect(csvNumber(1292)).toBe('1292');
  expect(csvNumber(0.25)).toBe('0.25');
  expect(csvNumber(-5)).toBe('-5');
  expect(csvNumber(123456789012345680000)).toBe('123456789012345683968');
  expect(csvNumber(NaN)).toBe('');
});

test('machine mode keeps text exactly; people mode writes formula-like text with an apostrophe', () => {
  const risky = ['=SUM(B9:E9)', '+84 263', '-5', '@cmd', '\tx', '\rx', '=1+1.xlsx'];
  expect(csvRecord(risky)).toBe('=SUM(B9:E9),+84 263,-5,@cmd,\tx,"\rx",=1+1.xlsx');
  expect(csvRecord(risky, { forPeople: true })).toBe("'=SUM(B9:E9),'+84 263,'-5,'@cmd,'\tx,\"'\rx\",'=1+1.xlsx");
  // a number is never altered, in either mode; text elsewhere is left alone
  expect(csvRecord([-5, 0, 'a=b', 'Tỉnh ủy'], { forPeople: true })).toBe('-5,0,a=b,Tỉnh ủy');
  // the apostrophe goes inside the quotes when the field needs quoting
  expect(csvField('=HYPERLINK("x","y")', true)).toBe('"\'=HYPERLINK(""x"",""y"")"');
});

test('a document: header, CRLF after every record, short rows padded, BOM on request', () => {
  const doc = csvDocument(['a', 'b', 'c'], [[1, 'x'], ['y', null, 2.5]]);
  expect(doc).toBe('a,b,c\r\n1,x,\r\ny,,2.5\r\n');
  expect(csvDocument(['a'], [], { bom: true })).toBe('\uFEFFa\r\n');
  expect(() => csvDocument(['a'], [[1, 2]])).toThrow(RangeError);
});
