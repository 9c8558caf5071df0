/** The check results as CSV (core/check/check-json): columns, quoting, unreadable and clean files. */
import { CSV_COLUMNS, cellName, exitCode, resultsCsv, type FileResult } from '../../src/core/check/check-json';

const results: FileResult[] = [
  {
    file: 'bao-cao.xlsx',
    findings: [
      {
        rule: 'cross.council',
        severity: 'error',
        cells: [
          { sheet: 'Biểu 02', address: 'M8' },
          { sheet: 'Biểu 01', address: 'J8' },
        ],
        message: { vi: 'Hội đồng nhân dân: 732, nhưng "752"', en: "People's Council: 732, but 752" },
        left: 732,
        right: 752,
        difference: -20,
      },
      {
        rule: 'entry.text-number',
        severity: 'error',
        cells: [{ sheet: 'Biểu 01', address: 'G8' }],
        message: { vi: 'Số 1.292 được nhập dưới dạng chữ', en: 'A number typed as text' },
        fix: { cell: { sheet: 'Biểu 01', address: 'G8' }, value: 1292, label: { vi: 'Đổi thành số 1292', en: 'Change to the number 1292' } },
      },
    ],
  },
  { file: 'sach.xlsx', findings: [] },
  { file: 'hong.xlsx', error: { vi: 'Tệp .xlsx bị hỏng (không giải nén được).', en: 'The .xlsx file is corrupt (it cannot be unzipped).' } },
];

test('one row per finding, an ok row for a clean file, an unreadable row; BOM and CRLF', () => {
  const csv = resultsCsv(results);
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const lines = csv.slice(1).split('\r\n');
  expect(lines.pop()).toBe('');
  expect(lines[0]).toBe(CSV_COLUMNS.join(','));
  expect(lines[1]).toBe('bao-cao.xlsx,error,cross.council,Biểu 02!M8,Biểu 01!J8,"Hội đồng nhân dân: 732, nhưng ""752""","People\'s Council: 732, but 752",732,752,-20,,,,');
  expect(lines[2]).toBe('bao-cao.xlsx,error,entry.text-number,Biểu 01!G8,,Số 1.292 được nhập dưới dạng chữ,A number typed as text,,,,Biểu 01!G8,1292,Đổi thành số 1292,Change to the number 1292');
  // every record as wide as the header (RFC 4180)
  expect(lines[3]).toBe(`sach.xlsx,ok${','.repeat(CSV_COLUMNS.length - 2)}`);
  expect(lines[4]).toBe(`hong.xlsx,unreadable,,,,Tệp .xlsx bị hỏng (không giải nén được).,The .xlsx file is corrupt (it cannot be unzipped).${','.repeat(CSV_COLUMNS.length - 7)}`);
  expect(lines).toHaveLength(5);
});

test('cell names and the exit code', () => {
  expect(cellName({ sheet: 'Biểu 01', address: 'G8' })).toBe('Biểu 01!G8');
  expect(exitCode(results)).toBe(2);
  expect(exitCode(results.slice(0, 2))).toBe(1);
  expect(exitCode(results.slice(1, 2))).toBe(0);
});

test('text a spreadsheet would evaluate is written as text; numbers stay numbers', () => {
  const hostile: FileResult[] = [
    {
      file: '=1+1.xlsx',
      findings: [
        {
          rule: 'total.sum',
          severity: 'error',
          cells: [{ sheet: 'Biểu 03', address: 'F9' }],
          message: { vi: '-Tổng sai', en: '@wrong total' },
          left: 5,
          right: 10,
          difference: -5,
          fix: { cell: { sheet: 'Biểu 03', address: 'F9' }, formula: '=SUM(B9:E9)', label: { vi: '+Khôi phục', en: 'Restore' } },
        },
      ],
    },
  ];
  const lines = resultsCsv(hostile).slice(1).split('\r\n');
  expect(lines[1]).toBe("'=1+1.xlsx,error,total.sum,Biểu 03!F9,,'-Tổng sai,'@wrong total,5,10,-5,Biểu 03!F9,'=SUM(B9:E9),'+Khôi phục,Restore");
});
