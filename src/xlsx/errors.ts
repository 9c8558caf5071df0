import type { Text } from '../core/forms/template';
import { RefusalError, type Refusal } from '../core/refusals';

/**
 * A workbook that cannot be read at all: its `refusal` (an id of `core/refusals` and its words) is
 * what the user is told; `reason` is its words (vi, en). A bare text is an unforeseen `cannot-read`.
 */
export class WorkbookReadError extends RefusalError {
  constructor(reason: Text | Refusal) {
    super('id' in reason ? reason : { id: 'cannot-read', message: reason });
    this.name = 'WorkbookReadError';
  }
}
