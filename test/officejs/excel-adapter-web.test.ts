/** The adapter's suite again, on the Excel on the web build of Microsoft's client library (5 MB request limit). */
import '../support/use-web-client';
import './excel-adapter.test';
import { excelClient } from '../support/excel-client';

test('this suite runs on the Excel on the web build', () => {
  expect(excelClient()).toBe('web');
});
