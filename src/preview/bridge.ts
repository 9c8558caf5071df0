/**
 * What the preview page shares with the pane's frame: the in-memory Excel (the workbook and the
 * server half of the Office.js protocol), the document settings, the Office display language, and
 * a callback after every batch the pane runs. The page (`page.ts`) puts it on
 * `window.__bieumauPreview`; the shim (`shim.ts`) in the pane's frame takes it from `window.parent`
 * and connects Microsoft's Excel client library, loaded in the frame, to it.
 */
import type { MemHost, MemSettings } from '../devhost';
import type { ProtocolHost } from '../devhost/protocol';
import type { OfficeThemeColors } from '../devhost/officejs';

export interface PreviewBridge {
  /** The workbook: what the grid shows and what a user's typing changes. */
  host: MemHost;
  /** Executes the request messages of the client library in the pane's frame. */
  protocol: ProtocolHost;
  settings: MemSettings;
  /** The Office display language the pane is told, e.g. `vi-VN` or `en-US`. */
  displayLanguage: string;
  /** `Office.context.officeTheme` the pane is told (the page's `?theme=`), or none as on the web. */
  officeTheme?: OfficeThemeColors;
  /** Called after every `Excel.run` batch (success or failure) so the grid redraws. */
  afterBatch(): void;
  /** Failures to inject for tests of the pane's error handling: the next batch throws this message. */
  failNext: string | null;
}

export const BRIDGE_KEY = '__bieumauPreview';

/** Where the preview serves Microsoft's Excel on the web client library (copied by webpack.preview.js). */
export const CLIENT_LIBRARY_URL = '/preview/office-js/excel-web-16.00.debug.js';

export type WindowWithBridge = Window & { [BRIDGE_KEY]?: PreviewBridge };
