/**
 * What the web page or the pane offered to save, in jsdom (no object URLs, no downloads): both save
 * through a hidden link to an object URL, so each object URL made is kept with its Blob and a link's
 * click is recorded (name, type, Blob) instead of navigating. Call once at the top of a suite: the
 * list it gives is emptied before each test, and the link's `click` given back after it.
 */
export interface Download {
  /** The link's `download`: the file name offered. */
  name: string;
  type: string;
  blob: Blob;
}

export function captureDownloads(): Download[] {
  const downloads: Download[] = [];
  const blobs = new Map<string, Blob>();
  let made = 0;
  let click: jest.SpyInstance | null = null;
  beforeEach(() => {
    downloads.length = 0;
    blobs.clear();
    Object.defineProperty(URL, 'createObjectURL', {
      configurable: true,
      value: (b: Blob) => {
        const url = `blob:test/${++made}`;
        blobs.set(url, b);
        return url;
      },
    });
    Object.defineProperty(URL, 'revokeObjectURL', { configurable: true, value: () => undefined });
    click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      const blob = blobs.get(this.getAttribute('href') ?? '');
      if (blob) downloads.push({ name: this.download, type: blob.type, blob });
    });
  });
  afterEach(() => {
    click?.mockRestore();
    click = null;
  });
  return downloads;
}
