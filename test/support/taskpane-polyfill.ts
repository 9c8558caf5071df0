/** jsdom has no TextEncoder/TextDecoder; the in-memory Excel measures request bytes with them. */
import { TextDecoder, TextEncoder } from 'util';

const g = globalThis as unknown as Record<string, unknown>;
if (typeof g.TextEncoder === 'undefined') g.TextEncoder = TextEncoder;
if (typeof g.TextDecoder === 'undefined') g.TextDecoder = TextDecoder;

/** jsdom has no ResizeObserver (Fluent's MessageBar uses one to reflow); it never fires here. */
if (typeof g.ResizeObserver === 'undefined') {
  g.ResizeObserver = class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
}
