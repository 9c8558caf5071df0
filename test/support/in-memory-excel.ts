/**
 * A new in-memory workbook driven through Microsoft's Excel client library: the workbook (`MemHost`:
 * what a user does, what the sheets hold) with the library's `Excel.run` and the protocol host's
 * counters on it, for the tests of the in-memory Excel itself.
 */
import type { MemHost } from '../../src/devhost';
import { createOfficeJsHost, type OfficeJsHostOptions } from '../../src/devhost/officejs-node';
import type { ProtocolHost } from '../../src/devhost/protocol';
import { excelClient } from './excel-client';

export type InMemoryExcel = MemHost & { run: typeof Excel.run; protocol: ProtocolHost };

export function inMemoryExcel(options: OfficeJsHostOptions = {}): InMemoryExcel {
  const x = createOfficeJsHost({ client: excelClient(), ...options });
  return Object.assign(x.host, { run: x.run, protocol: x.protocol });
}
