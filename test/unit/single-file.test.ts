/**
 * The single-file web page's HTML (webpack.config.js: singleFileHtml): its policy names exactly the
 * hashes of its inline scripts, lets nothing leave the page, and a script that could break out of
 * its element fails the build instead of being written.
 */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require('../../webpack.config.js') as {
  singleFileHtml(template: string, bundle: string): string;
  singleFileContentSecurityPolicy(hashes: string[]): string;
};

const template = fs.readFileSync(path.join(__dirname, '..', '..', 'src', 'web', 'index.html'), 'utf8');
const gate = fs.readFileSync(path.join(__dirname, '..', '..', 'src', 'gate', 'old-webview.js'), 'utf8');

function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
}

function policy(html: string): Map<string, string> {
  const content = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
  return new Map(content.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values.join(' ')]));
}

describe('dist/bieumau.html', () => {
  const bundle = 'document.getElementById("root").textContent="ứng dụng";';
  const html = config.singleFileHtml(template, bundle);

  test('the gate, then the bundle, inline at the end of <body>; no external script, no template tag left', () => {
    expect(inlineScripts(html)).toEqual([gate, bundle]);
    expect(html).not.toMatch(/<script[^>]*\bsrc=/);
    expect(html).not.toContain('<%');
    expect(html).not.toContain('<!--');
    expect(html.indexOf('<script>')).toBeGreaterThan(html.indexOf('<div id="root">'));
    expect(html.trimEnd().endsWith('</body>\n</html>')).toBe(true);
  });

  test('its policy allows exactly its two scripts by hash, and no connection of any kind', () => {
    const p = policy(html);
    const hash = (s: string): string => `'sha256-${crypto.createHash('sha256').update(s, 'utf8').digest('base64')}'`;
    expect(p.get('script-src')).toBe(`${hash(gate)} ${hash(bundle)}`);
    expect(p.get('default-src')).toBe("'none'");
    expect(p.get('connect-src')).toBe("'none'");
    expect(p.get('form-action')).toBe("'none'");
    expect(p.get('base-uri')).toBe("'none'");
    expect([...p.keys()].sort()).toEqual(['base-uri', 'connect-src', 'default-src', 'font-src', 'form-action', 'img-src', 'object-src', 'script-src', 'style-src']);
  });

  test.each([['</script>'], ['</SCRIPT '], ['<!--']])('a bundle holding %j is refused, not written', (bad) => {
    expect(() => config.singleFileHtml(template, `var s="${bad}";`)).toThrow(/cannot be written inline/);
  });
});
