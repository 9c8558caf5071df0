/** The adapter wired to the real Office.js globals (inside Excel; tests connect the client library to an in-memory Excel). */
import { createOfficeAdapter } from './adapter';
import { officeSettingsStore } from './settings';
import type { WorkbookAdapter } from './types';

export function createExcelAdapter(language: 'vi' | 'en' = 'vi'): WorkbookAdapter {
  return createOfficeAdapter({
    run: (batch) => Excel.run(batch),
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
    settings: officeSettingsStore(Office.context.document.settings),
    language,
  });
}
