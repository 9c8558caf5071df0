/**
 * Report settings kept in the workbook. In Excel: `Office.context.document.settings` (saved with
 * the document); tests and the preview pass an in-memory store with the same three operations.
 */
export interface SettingsStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  /** Persists the settings with the document. */
  save(): Promise<void>;
}

/** Wraps `Office.context.document.settings`. */
export function officeSettingsStore(settings: Office.Settings): SettingsStore {
  return {
    get: (key) => settings.get(key) as unknown,
    set: (key, value) => settings.set(key, value),
    save: () =>
      new Promise<void>((resolve, reject) => {
        settings.saveAsync((result) => {
          if (result.status === Office.AsyncResultStatus.Succeeded) resolve();
          else reject(new Error(result.error?.message ?? 'settings could not be saved'));
        });
      }),
  };
}
