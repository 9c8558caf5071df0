/**
 * SHA-256 of a chosen file in the pane and on the web page (the Nguồn sheet and the exported
 * figures name each source by it). Web Crypto exists only in a secure context (https, localhost,
 * file://): a page served over plain http has none, and there the fingerprint is left out (null)
 * rather than the consolidation failing.
 */
export async function sha256Hex(bytes: Uint8Array): Promise<string | null> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return null;
  const digest = new Uint8Array(await subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  let hex = '';
  for (const b of digest) hex += b.toString(16).padStart(2, '0');
  return hex;
}
