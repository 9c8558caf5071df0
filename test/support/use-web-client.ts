/** Imported first by a `*-web.test.ts` file: the suite it then imports runs on the Excel on the web build. */
import { useClient } from './excel-client';

useClient('web');
