/** The Office theme ExcelJS writes as `xl/theme/theme1.xml` (a module whose export is that text). */
declare module 'exceljs/lib/xlsx/xml/theme1.js' {
  const xml: string;
  export = xml;
}
