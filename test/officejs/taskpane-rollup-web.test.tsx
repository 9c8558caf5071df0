/** @jest-environment jsdom */
/** The pane's roll-up suite again, its adapter calls on the Excel on the web build of Microsoft's client library. */
import '../support/use-web-client';
import './taskpane-rollup.test';
import { excelClient } from '../support/excel-client';

test('this suite runs on the Excel on the web build', () => {
  expect(excelClient()).toBe('web');
});
