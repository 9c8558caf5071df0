import type { SettingsStore } from '../excel/settings';

/** Document settings kept in memory; `saved` is what a reopened workbook would see. */
export class MemSettings implements SettingsStore {
  private readonly live = new Map<string, unknown>();
  readonly saved = new Map<string, unknown>();
  saves = 0;
  get(key: string): unknown {
    return this.live.has(key) ? JSON.parse(JSON.stringify(this.live.get(key))) : null;
  }
  set(key: string, value: unknown): void {
    this.live.set(key, JSON.parse(JSON.stringify(value)));
  }
  async save(): Promise<void> {
    this.saves++;
    for (const [k, v] of this.live) this.saved.set(k, v);
  }
}
