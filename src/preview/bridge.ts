/**
 * What the preview page shares with the pane's frame: the in-memory Excel host, the document
 * settings, the Office display language, and a callback after every batch the pane runs.
 * The page (`page.ts`) puts it on `window.__bieumauPreview`; the shim (`shim.ts`) that stands in
 * for office.js inside the pane's frame takes it from `window.parent`.
 */
import type { MemHost, MemSettings } from '../devhost';

export interface PreviewBridge {
  host: MemHost;
  settings: MemSettings;
  /** The Office display language the pane is told, e.g. `vi-VN` or `en-US`. */
  displayLanguage: string;
  /** Called after every `Excel.run` batch (success or failure) so the grid redraws. */
  afterBatch(): void;
  /** Failures to inject for tests of the pane's error handling: the next batch throws this message. */
  failNext: string | null;
}

export const BRIDGE_KEY = '__bieumauPreview';

export type WindowWithBridge = Window & { [BRIDGE_KEY]?: PreviewBridge };
