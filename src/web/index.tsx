/**
 * Entry point of the hosted web page (dist/web/index.html): the page, with the template packs the
 * office deployed beside it (packs/index.json, one folder up from web/).
 */
import { BUILTIN_CATALOG } from '../core/forms/builtin';
import { loadPacks, type PackLoad } from '../core/forms/pack-loader';
import { startWebPage } from './start';

function deployedPacks(): Promise<PackLoad> {
  return loadPacks((url) => fetch(url, { credentials: 'same-origin', cache: 'no-cache' }), new URL('../packs/index.json', document.baseURI).href, BUILTIN_CATALOG);
}

startWebPage({ loadPacks: deployedPacks });
