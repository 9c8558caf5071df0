/**
 * Entry point of the single-file web page (dist/bieumau.html, built by webpack.config.js): the same
 * page in one HTML file that works from the disk (file://) with no server and no network. Its
 * Content-Security-Policy lets no request leave it (connect-src 'none'), so there is no
 * packs/index.json to read: packs come from files the clerk opens ("Mở gói biểu mẫu…").
 */
import { startWebPage } from './start';

startWebPage({ singleFile: true });
