/** The error code a promise rejects with (Excel's, through the client library, or the host's), `no error`, or what else it threw. */
export async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    const c = e !== null && typeof e === 'object' ? (e as { code?: unknown }).code : undefined;
    return typeof c === 'string' ? c : `not an Excel error: ${String(e)}`;
  }
  return 'no error';
}
