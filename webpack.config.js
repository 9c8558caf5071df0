// Task pane bundle.
//   npm run build                      production, minified, into dist/
//   ADDIN_URL=https://host/path/ npm run build   production address written into dist/manifest.xml
//   OFFICE_JS=local npm run build      ship office.js from @microsoft/office-js (dist/office-js/)
//                                      instead of Microsoft's CDN (networks that block the CDN)
//   npm run dev-server                 https://localhost:3000/ with office-addin-dev-certs
// A production build also writes dist/bieumau.html: the web page as one file (see singleFileConfig).
'use strict';

const fs = require('fs');
const path = require('path');
const { createHash } = require('crypto');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const DEV_URL = 'https://localhost:3000/';
const DEFAULT_PRODUCTION_URL = 'https://bieumau.example.gov.vn/';
const OFFICE_JS_CDN_ORIGIN = 'https://appsforoffice.microsoft.com';
const OFFICE_JS_CDN = `${OFFICE_JS_CDN_ORIGIN}/lib/1/hosted/office.js`;
const OFFICE_JS_LOCAL_DIR = 'office-js/';
const OLD_WEBVIEW_GATE = path.join(__dirname, 'src', 'gate', 'old-webview.js');

/**
 * The old-webview gate (src/gate/old-webview.js) is shipped as written, not through webpack: it must
 * stay ES5 for Internet Explorer 11 and Edge Legacy, and webpack's runtime and Terser would not be.
 * Its file name carries a hash of its content, like the bundle's, so a changed gate is never cached.
 */
function oldWebviewGateFile() {
  const hash = createHash('sha256').update(fs.readFileSync(OLD_WEBVIEW_GATE)).digest('hex').slice(0, 8);
  return `old-webview.${hash}.js`;
}

/**
 * Fails the build if any module of the in-memory Excel (src/devhost/) or HyperFormula (GPL-3.0, a dev
 * dependency) is reached from the pane's entry: they serve the tests and the preview, never dist/.
 * ESLint forbids the import in product code; this catches any path around it (a re-export, a require).
 */
class DevOnlyGuardPlugin {
  apply(compiler) {
    const devOnly = [path.join(__dirname, 'src', 'devhost') + path.sep, `${path.sep}node_modules${path.sep}hyperformula${path.sep}`];
    compiler.hooks.compilation.tap('DevOnlyGuardPlugin', (compilation) => {
      compilation.hooks.finishModules.tap('DevOnlyGuardPlugin', (modules) => {
        for (const m of modules) {
          const file = m.resource;
          if (file && devOnly.some((d) => file.includes(d)))
            compilation.errors.push(new Error(`${path.relative(__dirname, file)} is development-only (in-memory Excel, HyperFormula GPL-3.0) and must never be bundled into dist/.`));
        }
      });
    });
  }
}

/** TypeScript through ts-loader, for this build and the preview's (webpack.preview.js). */
function typeScriptRule({ sourceMap, transpileOnly = false }) {
  return {
    test: /\.tsx?$/,
    exclude: /node_modules/,
    use: {
      loader: 'ts-loader',
      options: {
        configFile: path.resolve(__dirname, 'tsconfig.json'),
        // ES modules so that webpack can tree-shake Fluent UI and split lazy chunks.
        compilerOptions: { module: 'esnext', moduleResolution: 'node', sourceMap },
        onlyCompileBundledFiles: true,
        transpileOnly,
      },
    },
  };
}

/** The production address, always ending in "/"; only https is accepted (Office requires it). */
function productionUrl() {
  const raw = process.env.ADDIN_URL || DEFAULT_PRODUCTION_URL;
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`ADDIN_URL is not a URL: ${raw}`);
  }
  if (url.protocol !== 'https:') throw new Error(`ADDIN_URL must use https: ${raw}`);
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

function officeJsMode() {
  const mode = (process.env.OFFICE_JS || 'cdn').toLowerCase();
  if (mode !== 'cdn' && mode !== 'local') throw new Error(`OFFICE_JS must be "cdn" or "local", not "${mode}"`);
  return mode;
}

/** The Content-Security-Policy of taskpane.html. With a local office.js no script comes from the CDN. */
function contentSecurityPolicy(officeJs) {
  const scriptSrc = officeJs === 'local' ? "'self'" : `'self' ${OFFICE_JS_CDN_ORIGIN}`;
  return [
    "default-src 'self'",
    `script-src ${scriptSrc}`,
    // Fluent UI's Griffel (and office.js itself) insert <style> elements at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
  ].join('; ');
}

/**
 * The Content-Security-Policy of the web page (web/index.html): scripts from its own origin only, and
 * no request to any other origin (connect-src 'self'): files are read in the page, nothing is sent.
 */
function webContentSecurityPolicy() {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
}

/** The single file's name in dist/. */
const SINGLE_FILE = 'bieumau.html';

/**
 * The Content-Security-Policy of the single-file page (dist/bieumau.html): its two inline scripts by
 * hash and nothing else; no request of any kind may leave the page (connect-src 'none', and
 * default-src 'none' for everything not named). Styles inline (Fluent UI's Griffel inserts them).
 */
function singleFileContentSecurityPolicy(scriptHashes) {
  return [
    "default-src 'none'",
    `script-src ${scriptHashes.map((h) => `'${h}'`).join(' ')}`,
    "style-src 'unsafe-inline'",
    'img-src data:',
    'font-src data:',
    "connect-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * A script's text checked for inline use: `</script` would end the element and `<!--` can change how
 * the HTML parser reads it. Terser writes neither (its `inline_script` output option, on by default,
 * escapes them in strings); a script that still has one fails the build rather than being rewritten.
 */
function inlineScriptText(code, what) {
  const bad = /<\/script|<!--/i.exec(code);
  if (bad) throw new Error(`${what} holds "${bad[0]}" at ${bad.index}: it cannot be written inline in dist/${SINGLE_FILE}`);
  return code;
}

function sha256(text) {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

/**
 * The single-file page from the web page's own template (src/web/index.html): its comments dropped,
 * the policy above, and the old-browser gate then the bundle inline at the end of <body> (the gate
 * first: in Internet Explorer 11 and Edge Legacy it shows its message and the bundle does not start).
 */
function singleFileHtml(template, bundle) {
  const gate = inlineScriptText(fs.readFileSync(OLD_WEBVIEW_GATE, 'utf8'), path.relative(__dirname, OLD_WEBVIEW_GATE));
  const code = inlineScriptText(bundle, 'the web page\'s bundle');
  const csp = singleFileContentSecurityPolicy([sha256(gate), sha256(code)]);
  const scripts = `<script>${gate}</script>\n<script>${code}</script>\n`;
  const html = template
    .replace(/<!--[\s\S]*?-->\s*/g, '')
    .replace('<%= htmlWebpackPlugin.options.csp %>', csp)
    .replace('<%= htmlWebpackPlugin.options.firstPaintStyle %>', FIRST_PAINT_STYLE)
    .replace(/<script defer src="<%= htmlWebpackPlugin.options.gateUrl %>"><\/script>\s*/, '');
  if (html.includes('<%') || !html.includes('</body>')) throw new Error('src/web/index.html changed: the single-file page cannot be made from it');
  const at = html.lastIndexOf('</body>');
  return `${html.slice(0, at)}${scripts}${html.slice(at)}`;
}

/** Replaces the single JavaScript file of its compilation by dist/bieumau.html with it inline. */
class SingleFilePlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('SingleFilePlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'SingleFilePlugin', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_INLINE }, (assets) => {
        const scripts = Object.keys(assets).filter((name) => name.endsWith('.js'));
        if (scripts.length !== 1) {
          compilation.errors.push(new Error(`the single-file page needs exactly one script, the build made ${scripts.length}: ${scripts.join(', ')}`));
          return;
        }
        const template = fs.readFileSync(path.join(__dirname, 'src', 'web', 'index.html'), 'utf8');
        let html;
        try {
          html = singleFileHtml(template, assets[scripts[0]].source().toString());
        } catch (e) {
          compilation.errors.push(e instanceof Error ? e : new Error(String(e)));
          return;
        }
        for (const name of Object.keys(assets)) compilation.deleteAsset(name);
        // Marked minimized: webpack's HTML minimizer would otherwise rewrite the inline scripts after
        // their hashes were taken, and the policy would refuse them.
        compilation.emitAsset(SINGLE_FILE, new webpack.sources.RawSource(html), { minimized: true });
      });
    });
  }
}

/**
 * dist/bieumau.html: the whole web page (src/web/single.tsx) in one HTML file that works opened from
 * the disk, with no server and no network. Every lazy chunk is folded into one script
 * (LimitChunkCountPlugin), written inline with the old-browser gate; runs after the add-in's build,
 * which empties dist/ first.
 */
function singleFileConfig(outputPath) {
  return {
    name: 'single-file',
    dependencies: ['addin'],
    mode: 'production',
    target: ['web', 'es2020'],
    devtool: false,
    entry: { bieumau: './src/web/single.tsx' },
    output: { path: outputPath, filename: 'bieumau.single.js', publicPath: '', clean: false },
    resolve: { extensions: ['.tsx', '.ts', '.js'] },
    module: { rules: [typeScriptRule({ sourceMap: false })] },
    plugins: [new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 }), new SingleFilePlugin(), new DevOnlyGuardPlugin()],
    // The budget (2 MB for the file) is checked by `npm run size`.
    performance: false,
  };
}

/**
 * Output names: the web page's entry and the chunks only it loads go to web/, so dist/web/ holds the
 * page and what it loads; the pane's stay at the top of dist/.
 */
function outputName(pattern) {
  return (pathData) => {
    const chunk = pathData.chunk;
    const runtime = chunk && chunk.runtime;
    const onlyWeb = runtime === 'web' || (runtime && typeof runtime !== 'string' && runtime.size === 1 && runtime.has('web'));
    return onlyWeb ? `web/${pattern}` : pattern;
  };
}

/**
 * HTTPS options for the dev server from office-addin-dev-certs: it makes a localhost certificate and
 * installs its CA as trusted (Windows, Mac; Linux through sudo). Where installing the CA fails but
 * the certificate files exist (Linux without sudo, a container), serve with them anyway and say so:
 * the browser must then be told to trust ~/.office-addin-dev-certs/ca.crt by hand.
 */
async function devServerHttpsOptions() {
  const devCerts = require('office-addin-dev-certs');
  try {
    return await devCerts.getHttpsServerOptions();
  } catch (error) {
    const fs = require('fs');
    const dir = path.join(require('os').homedir(), '.office-addin-dev-certs');
    const files = { ca: 'ca.crt', cert: 'localhost.crt', key: 'localhost.key' };
    if (!Object.values(files).every((f) => fs.existsSync(path.join(dir, f)))) throw error;
    console.warn(
      `office-addin-dev-certs could not install its CA (${error instanceof Error ? error.message.split('\n')[0] : error}).\n` +
        `Serving with the certificates in ${dir}; trust ${path.join(dir, files.ca)} in your browser by hand.`,
    );
    return Object.fromEntries(Object.entries(files).map(([k, f]) => [k, fs.readFileSync(path.join(dir, f))]));
  }
}

// What the pane and the web page look like before their bundle runs (the "starting…" line, the
// no-JavaScript notice): one style for both pages' templates.
const FIRST_PAINT_STYLE = [
  '<style>',
  '      html, body { margin: 0; padding: 0; }',
  "      body { font-family: 'Segoe UI', 'Segoe UI Web (West European)', -apple-system, BlinkMacSystemFont, Roboto, 'Helvetica Neue', sans-serif; }",
  '      .bm-static { margin: 16px; }',
  '    </style>',
].join('\n');

module.exports = async (env, argv) => {
  const mode = argv.mode === 'development' ? 'development' : 'production';
  const serving = Boolean(env && env.WEBPACK_SERVE) || process.env.WEBPACK_SERVE === 'true';
  const officeJs = officeJsMode();
  const publicUrl = mode === 'production' && !serving ? productionUrl() : DEV_URL;

  const gateFile = mode === 'production' ? oldWebviewGateFile() : 'old-webview.js';
  const copyPatterns = [
    { from: 'assets', to: 'assets' },
    { from: OLD_WEBVIEW_GATE, to: gateFile, info: { minimized: true } },
    {
      from: 'manifest.xml',
      to: 'manifest.xml',
      transform: (content) => content.toString('utf8').split(DEV_URL).join(publicUrl),
    },
    // The list of template packs the pane loads at start (empty: the built-in pack only). An office
    // adds a table by copying a pack next to it on its server and naming it here; no rebuild.
    { from: 'packs/index.json', to: 'packs/index.json' },
  ];
  if (officeJs === 'local') {
    copyPatterns.push({
      from: path.join(path.dirname(require.resolve('@microsoft/office-js/package.json')), 'dist'),
      to: OFFICE_JS_LOCAL_DIR,
      // Release files only (the .debug.js twins are 52 of the package's 86 MB), copied as they are:
      // Microsoft ships them minified, and running Terser over 700 files takes minutes.
      globOptions: { ignore: ['**/*.debug.js', '**/*.d.ts'] },
      info: { minimized: true },
    });
  }

  /** @type {import('webpack').Configuration & { devServer?: Record<string, unknown> }} */
  const config = {
    name: 'addin',
    mode,
    target: ['web', 'es2020'],
    // No eval-based source maps: the page's CSP allows no 'unsafe-eval'.
    devtool: mode === 'production' ? 'source-map' : 'cheap-module-source-map',
    entry: { taskpane: './src/taskpane/index.tsx', web: './src/web/index.tsx' },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: outputName(mode === 'production' ? '[name].[contenthash:8].js' : '[name].js'),
      chunkFilename: outputName(mode === 'production' ? '[name].[contenthash:8].js' : '[name].js'),
      clean: true,
    },
    resolve: { extensions: ['.tsx', '.ts', '.js'] },
    module: {
      rules: [typeScriptRule({ sourceMap: true })],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
        scriptLoading: 'defer',
        officeJsUrl: officeJs === 'local' ? `${OFFICE_JS_LOCAL_DIR}office.js` : OFFICE_JS_CDN,
        gateUrl: gateFile,
        csp: contentSecurityPolicy(officeJs),
        firstPaintStyle: FIRST_PAINT_STYLE,
      }),
      // The web page for every clerk and receiving office (any current browser, no Excel needed).
      new HtmlWebpackPlugin({
        filename: 'web/index.html',
        template: './src/web/index.html',
        chunks: ['web'],
        scriptLoading: 'defer',
        gateUrl: `../${gateFile}`,
        csp: webContentSecurityPolicy(),
        firstPaintStyle: FIRST_PAINT_STYLE,
      }),
      new CopyWebpackPlugin({ patterns: copyPatterns }),
      new DevOnlyGuardPlugin(),
    ],
    performance: {
      // The finished pane must load at most 150 KB gzip at start (checked by `npm run size`);
      // webpack's own hint measures uncompressed bytes, so it is only a coarse warning here.
      maxEntrypointSize: 600 * 1024,
      maxAssetSize: 600 * 1024,
      assetFilter: (file) => file.endsWith('.js') && !file.startsWith(OFFICE_JS_LOCAL_DIR),
    },
  };

  if (serving) {
    config.devServer = {
      port: 3000,
      hot: false,
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: { type: 'https', options: await devServerHttpsOptions() },
      static: false,
    };
  }
  // The single-file page is made by production builds only (the dev server serves dist/web/).
  return mode === 'production' && !serving ? [config, singleFileConfig(config.output.path)] : config;
};

module.exports.contentSecurityPolicy = contentSecurityPolicy;
module.exports.webContentSecurityPolicy = webContentSecurityPolicy;
module.exports.singleFileContentSecurityPolicy = singleFileContentSecurityPolicy;
module.exports.SINGLE_FILE = SINGLE_FILE;
module.exports.singleFileConfig = singleFileConfig;
module.exports.singleFileHtml = singleFileHtml;
module.exports.OFFICE_JS_CDN = OFFICE_JS_CDN;
module.exports.typeScriptRule = typeScriptRule;
