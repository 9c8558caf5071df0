/**
 * `npm run excel-host -- FILE.js [--excel 2019|2021|2024|365] [--client win32|web]`: a headless
 * Script Lab. FILE.js is a CommonJS module whose export is `async ({ Excel, Office, OfficeExtension })
 * => result`; it runs with Microsoft's Excel client library (the chosen build) against a new
 * in-memory workbook with one sheet `Sheet1`, and one JSON line is printed:
 *   {"result": …, "error": null | {"code", "message"}, "syncs": N, "requestBytes": [bytes of each request]}
 * Exit 0 whether or not the snippet threw (the error is in the JSON); 2 on bad usage.
 */
import * as fs from 'fs';
import * as path from 'path';
import { createOfficeJsHost, EXCEL_CLIENTS, type ExcelClient } from '../src/devhost/officejs-node';
import { hyperFormulaEvaluator } from '../src/devhost/hyperformula';

const VERSIONS = ['2019', '2021', '2024', '365'];
const USAGE_VI = 'cách dùng: npm run excel-host -- TỆP.js [--excel 2019|2021|2024|365] [--client win32|web]';
const USAGE_EN = 'usage: npm run excel-host -- FILE.js [--excel 2019|2021|2024|365] [--client win32|web]';

class Usage extends Error {
  constructor(
    readonly vi: string,
    readonly en: string,
  ) {
    super(en);
  }
}

interface Args {
  file: string;
  excel: string;
  client: ExcelClient;
}

function parseArgs(argv: string[]): Args {
  let file: string | undefined;
  let excel = '365';
  let client: ExcelClient = 'win32';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Usage(`thiếu giá trị sau ${a}`, `a value is missing after ${a}`);
      return v;
    };
    if (a === '--excel') {
      excel = value();
      if (!VERSIONS.includes(excel)) throw new Usage(`--excel phải là ${VERSIONS.join(', ')}, không phải "${excel}"`, `--excel must be ${VERSIONS.join(', ')}, not "${excel}"`);
    } else if (a === '--client') {
      const c = value();
      if (!(EXCEL_CLIENTS as readonly string[]).includes(c)) throw new Usage(`--client phải là win32 hoặc web, không phải "${c}"`, `--client must be win32 or web, not "${c}"`);
      client = c as ExcelClient;
    } else if (a.startsWith('-')) throw new Usage(`tùy chọn không biết: ${a}`, `unknown option: ${a}`);
    else if (file === undefined) file = a;
    else throw new Usage(`chỉ nhận một tệp, thừa "${a}"`, `one file only, "${a}" is extra`);
  }
  if (file === undefined) throw new Usage('thiếu tệp đoạn mã', 'the snippet file is missing');
  // npm runs scripts in the project folder; a relative path is the user's, from where npm was called.
  const full = path.resolve(process.env.INIT_CWD ?? process.cwd(), file);
  if (!fs.existsSync(full) || !fs.statSync(full).isFile()) throw new Usage(`không có tệp ${file}`, `no such file: ${file}`);
  return { file: full, excel, client };
}

type Snippet = (globals: { Excel: typeof Excel; Office: typeof Office; OfficeExtension: typeof OfficeExtension }) => unknown;

/** The snippet's function; a module that does not export one is bad usage (its own errors are not). */
function loadSnippet(file: string): Snippet {
  let mod: unknown;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the snippet is a CommonJS module named at run time
    mod = require(file) as unknown;
  } catch (e) {
    // A snippet that fails while loading (a syntax error, a throw at top level) failed like one that throws.
    return () => {
      throw e;
    };
  }
  const fn = typeof mod === 'function' ? mod : (mod as { default?: unknown } | null)?.default;
  if (typeof fn !== 'function') {
    throw new Usage(`${path.basename(file)} không xuất ra một hàm (module.exports = async ({ Excel }) => …)`, `${path.basename(file)} does not export a function (module.exports = async ({ Excel }) => …)`);
  }
  return fn as Snippet;
}

function errorOf(e: unknown): { code: string; message: string } {
  if (e && typeof e === 'object') {
    const o = e as { code?: unknown; name?: unknown; message?: unknown };
    const code = typeof o.code === 'string' ? o.code : typeof o.name === 'string' ? o.name : 'Error';
    return { code, message: typeof o.message === 'string' ? o.message : String(e) };
  }
  return { code: 'Error', message: String(e) };
}

/** The snippet's result as JSON (undefined → null; a value JSON cannot carry is an error). */
function asJson(result: unknown): unknown {
  if (result === undefined) return null;
  return JSON.parse(JSON.stringify(result) ?? 'null') as unknown;
}

async function main(): Promise<void> {
  let args: Args;
  let snippet: Snippet;
  try {
    args = parseArgs(process.argv.slice(2));
    snippet = loadSnippet(args.file);
  } catch (e) {
    if (e instanceof Usage) {
      process.stderr.write(`Lỗi: ${e.vi}. ${USAGE_VI} / Error: ${e.en}. ${USAGE_EN}\n`);
      process.exit(2);
    }
    throw e;
  }
  const x = createOfficeJsHost({ client: args.client, excel: args.excel, sheets: ['Sheet1'], evaluator: hyperFormulaEvaluator() });
  let result: unknown = null;
  let error: { code: string; message: string } | null = null;
  try {
    result = asJson(await snippet({ Excel: x.Excel, Office: x.Office, OfficeExtension: x.OfficeExtension }));
  } catch (e) {
    error = errorOf(e);
  }
  const line = JSON.stringify({ result, error, syncs: x.protocol.stats.syncs, requestBytes: x.protocol.stats.requestBytes });
  // A snippet may leave handlers or timers behind: the answer is complete once printed.
  process.stdout.write(`${line}\n`, () => process.exit(0));
}

main().catch((e: unknown) => {
  process.stderr.write(`Lỗi / Error: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
