/**
 * Which build of Microsoft's Excel client library the Office.js tests run on: `win32` (desktop
 * Excel on Windows) by default; a `*-web.test.ts` twin imports `./use-web-client` first and runs
 * the same suite on the Excel on the web build. Each test file has its own global object.
 */
import type { ExcelClient } from '../../src/devhost/officejs-node';

const g = globalThis as { __bieumauExcelClient?: ExcelClient };

/** The build chosen for this test file (read when a host is made, after every import ran). */
export function excelClient(): ExcelClient {
  return g.__bieumauExcelClient ?? 'win32';
}

export function useClient(client: ExcelClient): void {
  g.__bieumauExcelClient = client;
}
