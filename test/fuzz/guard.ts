/**
 * The campaign's watch on resources: while inputs run, any network request (fetch, http, https,
 * net, tls) and any file opened that is not a module being loaded is recorded and refused, so an
 * external entity or a relationship that points at a file or a URL shows up as a defect.
 */
import fs from 'fs';
import http from 'http';
import https from 'https';
import net from 'net';
import tls from 'tls';

const touched: string[] = [];
const MODULE_FILE = /\.(?:[cm]?js|json|ts|tsx|node|map)$/;

function blocked(what: string): Error {
  touched.push(what);
  return Object.assign(new Error(`blocked by the fuzz guard: ${what}`), { code: 'EFUZZGUARD' });
}

let installed = false;

/** Installs the watch (once per thread). */
export function installGuard(): void {
  if (installed) return;
  installed = true;
  const g = globalThis as { fetch?: unknown; XMLHttpRequest?: unknown };
  g.fetch = async (url: unknown): Promise<never> => {
    throw blocked(`fetch ${String(url)}`);
  };
  for (const [name, mod] of [
    ['http', http],
    ['https', https],
  ] as const) {
    const m = mod as unknown as Record<string, unknown>;
    m.request = (...args: unknown[]): never => {
      throw blocked(`${name}.request ${String(args[0])}`);
    };
    m.get = m.request;
  }
  const n = net as unknown as Record<string, unknown>;
  n.connect = n.createConnection = (...args: unknown[]): never => {
    throw blocked(`net.connect ${JSON.stringify(args[0])}`);
  };
  (tls as unknown as Record<string, unknown>).connect = (...args: unknown[]): never => {
    throw blocked(`tls.connect ${JSON.stringify(args[0])}`);
  };
  const f = fs as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const name of ['readFileSync', 'openSync', 'readFile', 'open', 'createReadStream']) {
    const original = f[name];
    f[name] = function (this: unknown, ...args: unknown[]): unknown {
      const p = args[0];
      if ((typeof p === 'string' || p instanceof URL) && !MODULE_FILE.test(String(p))) throw blocked(`fs.${name} ${String(p)}`);
      return original.apply(this, args);
    };
  }
}

/** What was touched since the last call (and forgets it). */
export function takeTouched(): string[] {
  return touched.splice(0, touched.length);
}
