import { HostError } from '../../src/devhost';

/** The host error code a promise rejects with, `no error`, or what else it threw. */
export async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return e instanceof HostError ? e.code : `not a host error: ${String(e)}`;
  }
  return 'no error';
}
