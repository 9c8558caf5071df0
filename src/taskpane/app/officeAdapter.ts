/**
 * The adapter the pane uses inside Excel: the Office.js implementation over the `Excel` and
 * `Office` globals that office.js defines (on the preview page, Microsoft's client library connected
 * to the in-memory Excel of the page).
 */
import { createOfficeAdapter } from '../../excel/adapter';
import { officeSettingsStore } from '../../excel/settings';
import type { WorkbookAdapter } from '../../excel/types';
import type { Language } from '../../ui/i18n';

export function adapterFromOffice(language: Language): WorkbookAdapter {
  return createOfficeAdapter({
    run: (batch) => Excel.run(batch),
    isSetSupported: (name, minVersion) => Office.context.requirements.isSetSupported(name, minVersion),
    settings: officeSettingsStore(Office.context.document.settings),
    language,
  });
}
