// The preview page (`npm run preview`): an in-memory workbook beside the production task pane.
// Built into build/preview/, never into dist/: nothing here is loaded by taskpane.html, so it never
// counts in `npm run size` and is never shipped with the add-in (it bundles the in-memory Excel host
// and HyperFormula, a GPL-3.0 dev dependency used as its formula engine).
//   preview.[hash].js   the page: grid, sheet tabs, host (window.__bieumauPreview)
//   office-js/excel-web-16.00.debug.js   Microsoft's Excel on the web client library, as shipped in
//                       @microsoft/office-js, loaded in the pane's frame where office.js would be
//   office-shim.js      loaded right after it: connects that library to the host of the page
'use strict';

const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { typeScriptRule } = require('./webpack.config');

module.exports = (env, argv) => {
  const mode = argv && argv.mode === 'development' ? 'development' : 'production';
  return {
    mode,
    target: ['web', 'es2020'],
    devtool: false,
    entry: {
      preview: './src/preview/page.ts',
      'office-shim': './src/preview/shim.ts',
    },
    output: {
      path: path.resolve(__dirname, 'build', 'preview'),
      publicPath: '/preview/',
      filename: (data) => (data.chunk && data.chunk.name === 'office-shim' ? '[name].js' : '[name].[contenthash:8].js'),
      clean: true,
    },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [typeScriptRule({ sourceMap: false, transpileOnly: true })],
    },
    plugins: [
      new CopyWebpackPlugin({
        patterns: [
          {
            from: path.join(path.dirname(require.resolve('@microsoft/office-js/package.json')), 'dist', 'excel-web-16.00.debug.js'),
            to: 'office-js/excel-web-16.00.debug.js',
            info: { minimized: true },
          },
        ],
      }),
      new HtmlWebpackPlugin({
        filename: 'index.html',
        template: './src/preview/index.html',
        chunks: ['preview'],
        scriptLoading: 'defer',
        inject: 'body',
      }),
    ],
    performance: { hints: false },
  };
};
