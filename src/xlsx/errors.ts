import type { Text } from '../core/template';

/** A workbook that cannot be read at all: its `reason` is what the user is told (vi, en). */
export class WorkbookReadError extends Error {
  constructor(readonly reason: Text) {
    super(reason.en);
    this.name = 'WorkbookReadError';
  }
}
