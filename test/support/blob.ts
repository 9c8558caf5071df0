/**
 * The bytes and text of a Blob the page offered for download, in jsdom (whose Blob has no
 * arrayBuffer() or text()): read as a browser's FileReader reads them.
 */
export function blobBytes(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(new Uint8Array(r.result as ArrayBuffer));
    r.onerror = () => reject(r.error);
    r.readAsArrayBuffer(blob);
  });
}

/** The text, UTF-8, a byte-order mark kept (a test may assert it is there). */
export async function blobText(blob: Blob): Promise<string> {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await blobBytes(blob));
}
