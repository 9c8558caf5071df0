/**
 * Offers bytes or text as a file to save, through a Blob URL: nothing leaves the page or the pane.
 * The web page's downloads and the pane's "Lưu số liệu (CSV)" use it.
 */
export function download(fileName: string, data: Uint8Array | string, type: string): void {
  const blob = new Blob([data as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Freed a while later: some browsers read the URL after the click has returned.
  setTimeout(() => URL.revokeObjectURL(url), 30000);
}
