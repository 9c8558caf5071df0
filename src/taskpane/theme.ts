/**
 * Light or dark Fluent theme, following the Office theme: dark when the Office body background is
 * dark. `Office.context.officeTheme` exists only in some hosts (desktop Excel); elsewhere the pane
 * is light.
 */
import { webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';

export type ThemeKind = 'light' | 'dark';

/** Parses `#rgb`, `#rrggbb` (with or without `#`); undefined for anything else. */
export function parseHexColor(color: string): { r: number; g: number; b: number } | undefined {
  const hex = color.trim().replace(/^#/, '');
  const full = /^[0-9a-f]{3}$/i.test(hex)
    ? hex
        .split('')
        .map((c) => c + c)
        .join('')
    : hex;
  if (!/^[0-9a-f]{6}$/i.test(full)) return undefined;
  return {
    r: parseInt(full.slice(0, 2), 16),
    g: parseInt(full.slice(2, 4), 16),
    b: parseInt(full.slice(4, 6), 16),
  };
}

/** WCAG relative luminance, 0 (black) to 1 (white). */
export function relativeLuminance(rgb: { r: number; g: number; b: number }): number {
  const channel = (v: number): number => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(rgb.r) + 0.7152 * channel(rgb.g) + 0.0722 * channel(rgb.b);
}

/** Luminance of mid-grey #808080: backgrounds darker than this get the dark theme. */
const MID_GREY_LUMINANCE = relativeLuminance({ r: 128, g: 128, b: 128 });

/** Dark when the background is darker than mid-grey; light for a missing or unreadable colour. */
export function themeKindFromBackground(color: string | null | undefined): ThemeKind {
  if (typeof color !== 'string') return 'light';
  const rgb = parseHexColor(color);
  if (rgb === undefined) return 'light';
  return relativeLuminance(rgb) < MID_GREY_LUMINANCE ? 'dark' : 'light';
}

/** The Office body background colour, or undefined outside Office or in hosts without officeTheme. */
export function officeBodyBackground(): string | undefined {
  if (typeof Office === 'undefined') return undefined;
  try {
    const color: unknown = Office.context?.officeTheme?.bodyBackgroundColor;
    return typeof color === 'string' ? color : undefined;
  } catch {
    return undefined;
  }
}

export function currentThemeKind(): ThemeKind {
  return themeKindFromBackground(officeBodyBackground());
}

export function fluentTheme(kind: ThemeKind): Theme {
  return kind === 'dark' ? webDarkTheme : webLightTheme;
}
