/**
 * The in-memory Excel (tests, the bench, the preview page, `npm run excel-host`): the workbook
 * (`host.ts`) and the server half of the Office.js protocol (`protocol.ts`); Microsoft's client
 * library is connected to it by `officejs.ts` (browser) or `officejs-node.ts` (Node).
 */
export { MemHost, createMemHost, EXCEL_PROFILES } from './host';
export type { MemHostOptions, HostStats, MemChangedEvent, MemChangeHandler } from './host';
export { ProtocolHost, apiSetsFromLibrary } from './protocol';
export type { ApiSets, ProtocolStats, ProtocolHostOptions, RequestBody, ResponseMessage } from './protocol';
export { HostError } from './state';
export type { FormulaEvaluator, EvalSheet, EvalCell, EvalResult } from './evaluator';
export { MemSettings } from './settings';
