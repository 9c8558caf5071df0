/** @jest-environment jsdom */
/** The pane's consolidation suite again, its adapter calls on the Excel on the web build of Microsoft's client library. */
import '../support/use-web-client';
import './taskpane-consolidate.test';
import { excelClient } from '../support/excel-client';

test('this suite runs on the Excel on the web build', () => {
  expect(excelClient()).toBe('web');
});
