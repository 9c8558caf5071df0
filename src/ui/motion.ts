/**
 * Motion in the pane and on the web page. Buttons and links change colour at once, never through a
 * transition: a button coming out of its disabled state (Hoàn tác after Sửa, Chọn tệp .xlsx after a
 * check) would otherwise pass through grey text on a light background, too faint to read while it
 * fades. With the system's "reduce motion" setting (`prefers-reduced-motion: reduce`) nothing moves:
 * no transition, no animation.
 */
import { makeStaticStyles } from '@fluentui/react-components';

export const MOTION_CSS = [
  '.fui-FluentProvider .fui-Button, .fui-FluentProvider .fui-Link { transition-property: none; }',
  '@media (prefers-reduced-motion: reduce) { .fui-FluentProvider *, .fui-FluentProvider *::before, .fui-FluentProvider *::after {' +
    ' transition-duration: 0s !important; transition-delay: 0s !important; animation-duration: 0s !important;' +
    ' animation-delay: 0s !important; animation-iteration-count: 1 !important; scroll-behavior: auto !important; } }',
].join('\n');

/** Puts MOTION_CSS into the document (once, whoever calls it). */
export const useMotionStyles = makeStaticStyles(MOTION_CSS);
