/**
 * Chooses the pane's language from the Office display language: any `vi…` tag gives Vietnamese,
 * every other known language gives English. With no Office context (a plain browser tab, a test),
 * the default is Vietnamese, the add-in's default locale.
 */
import { STRINGS, type Strings } from './strings';
import type { Language } from '../ui/i18n';

export const DEFAULT_LANGUAGE: Language = 'vi';

/** Maps a BCP 47 tag such as `vi-VN`, `vi`, `en-US`, `fr-FR` to a pane language. */
export function languageFromTag(tag: string | null | undefined): Language {
  if (typeof tag !== 'string' || tag.trim() === '') return DEFAULT_LANGUAGE;
  return /^vi(?:[-_]|$)/i.test(tag.trim()) ? 'vi' : 'en';
}

/** The Office display language, or undefined when there is no Office context. */
export function officeDisplayLanguage(): string | undefined {
  if (typeof Office === 'undefined') return undefined;
  try {
    const tag: unknown = Office.context?.displayLanguage;
    return typeof tag === 'string' ? tag : undefined;
  } catch {
    return undefined;
  }
}

/** The language the pane should speak now. */
export function currentLanguage(): Language {
  return languageFromTag(officeDisplayLanguage());
}

export function stringsFor(language: Language): Strings {
  return STRINGS[language];
}

/** Fills `{name}` placeholders (src/ui/i18n.ts: a placeholder with no value is reported, never shown). */
