/**
 * The web page's frame as a pure reducer, tested without a page: its language, the open tab, the
 * tabs opened once (they stay mounted: switching back keeps what was typed and the last results),
 * and the status line.
 */
import type { Language } from '../ui/i18n';

export type WebTabId = 'create' | 'check' | 'consolidate' | 'count';

export interface WebFrame {
  lang: Language;
  tab: WebTabId;
  opened: ReadonlySet<WebTabId>;
  status: string;
}

export type WebAction = { type: 'tab'; tab: WebTabId } | { type: 'language'; lang: Language } | { type: 'announce'; text: string };

export function webFrameStart(lang: Language): WebFrame {
  return { lang, tab: 'create', opened: new Set<WebTabId>(['create']), status: '' };
}

export function webFrame(state: WebFrame, action: WebAction): WebFrame {
  switch (action.type) {
    case 'tab':
      return { ...state, tab: action.tab, opened: state.opened.has(action.tab) ? state.opened : new Set(state.opened).add(action.tab) };
    case 'language':
      return { ...state, lang: action.lang };
    case 'announce':
      return state.status === action.text ? state : { ...state, status: action.text };
  }
}
