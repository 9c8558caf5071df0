/** The strict in-memory Excel host (tests and the preview page). */
export { MemHost, MemContext, createMemHost, EXCEL_PROFILES } from './host';
export type { MemHostOptions, HostStats, MemChangedEvent, MemChangeHandler, MemEventHandlerResult } from './host';
export { HostError } from './state';
export type { FormulaEvaluator, EvalSheet, EvalCell, EvalResult } from './evaluator';
export { MemSettings } from './settings';
