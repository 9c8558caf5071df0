/**
 * Thiết lập báo cáo as a pure reducer, tested without a page: the fields as typed, the period as
 * chosen, which of them the clerk edited, the settings the form was last filled from, and a save
 * running. Settings read from the workbook after the form appeared fill only what the clerk has not
 * touched; what was saved is what the form shows.
 */
import type { ReportInfo } from '../../excel/types';
import type { PeriodForm } from '../../ui/PeriodFieldset';

/** Form fields the clerk may have edited: the report's texts one by one, the period as a whole. */
export type EditedKey = 'unit' | 'reportNo' | 'reportDate' | 'reportBy' | 'period';
export type InfoKey = Exclude<EditedKey, 'period'>;
const INFO_KEYS: readonly InfoKey[] = ['unit', 'reportNo', 'reportDate', 'reportBy'];

export interface SettingsForm {
  info: ReportInfo;
  period: PeriodForm;
  /** Fields the clerk has changed in this form. */
  edited: ReadonlySet<EditedKey>;
  /** The settings the form was last filled from (or last saved). */
  shown: ReportInfo;
  busy: boolean;
}

export type SettingsAction =
  | { type: 'info'; key: InfoKey; value: string }
  | { type: 'period'; key: keyof PeriodForm; value: PeriodForm[keyof PeriodForm] }
  /** Settings came from the workbook; `period` is their period as the form shows it. */
  | { type: 'arrived'; settings: ReportInfo; period: PeriodForm }
  | { type: 'busy'; busy: boolean }
  | { type: 'saved'; settings: ReportInfo };

export function settingsFormStart(settings: ReportInfo, period: PeriodForm): SettingsForm {
  return { info: settings, period, edited: new Set(), shown: settings, busy: false };
}

function edit(edited: ReadonlySet<EditedKey>, key: EditedKey): ReadonlySet<EditedKey> {
  return edited.has(key) ? edited : new Set(edited).add(key);
}

export function settingsForm(state: SettingsForm, action: SettingsAction): SettingsForm {
  switch (action.type) {
    case 'info':
      return { ...state, info: { ...state.info, [action.key]: action.value }, edited: edit(state.edited, action.key) };
    case 'period':
      return { ...state, period: { ...state.period, [action.key]: action.value }, edited: edit(state.edited, 'period') };
    case 'arrived': {
      const { settings } = action;
      const info = { ...state.info, from: settings.from, to: settings.to };
      for (const k of INFO_KEYS) if (!state.edited.has(k)) info[k] = settings[k];
      return { ...state, shown: settings, info, period: state.edited.has('period') ? state.period : action.period };
    }
    case 'busy':
      return { ...state, busy: action.busy };
    case 'saved':
      return { ...state, busy: false, shown: action.settings };
  }
}
