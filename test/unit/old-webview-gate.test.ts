/**
 * @jest-environment jsdom
 *
 * The old-webview gate (src/gate/old-webview.js): it must parse as ES5 (Internet Explorer 11 runs it),
 * recognise Trident and EdgeHTML from the user agent, show the bilingual message in #root and set the
 * flag the bundle checks; in a current browser it must leave the page alone. The same file is what
 * the build ships (copied as it is); the browser tests run it in Chromium under both user agents.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'acorn';
import { USER_AGENTS } from '../support/user-agents';

const GATE = path.join(__dirname, '..', '..', 'src', 'gate', 'old-webview.js');
const SOURCE = fs.readFileSync(GATE, 'utf8');


function runGate(userAgent: string): void {
  document.body.innerHTML = '<div id="root"><p>Đang khởi động…</p></div>';
  delete (window as unknown as { __bieumauOldWebview?: string }).__bieumauOldWebview;
  Object.defineProperty(window.navigator, 'userAgent', { value: userAgent, configurable: true });
  // The script as the browser runs it: a classic script at the top level.
  new Function(SOURCE)();
}

function flag(): string | undefined {
  return (window as unknown as { __bieumauOldWebview?: string }).__bieumauOldWebview;
}

describe('old-webview gate', () => {
  test('parses as ES5 (acorn, ecmaVersion 5, script)', () => {
    expect(() => parse(SOURCE, { ecmaVersion: 5, sourceType: 'script' })).not.toThrow();
  });

  test('an ES2015 construct would be refused by the same parse (the check can fail)', () => {
    expect(() => parse(`${SOURCE}\nvar f = () => 1;`, { ecmaVersion: 5, sourceType: 'script' })).toThrow();
    expect(() => parse('let x = 1;', { ecmaVersion: 5, sourceType: 'script' })).toThrow();
  });

  test('Trident: flag set, message in both languages with the link to web/', () => {
    runGate(USER_AGENTS.trident);
    expect(flag()).toBe('trident');
    const box = document.querySelector('[data-testid="old-webview"]');
    expect(box).not.toBeNull();
    expect(document.getElementById('root')!.textContent).not.toContain('Đang khởi động');
    const vi = box!.querySelector('section[lang="vi"]')!.textContent!;
    const en = box!.querySelector('section[lang="en"]')!.textContent!;
    expect(vi).toContain('Internet Explorer 11 (Trident)');
    expect(vi).toContain('Excel cho Microsoft 365');
    expect(vi).toContain('Excel 2021 trở lên');
    expect(vi).toContain('Excel trên web');
    expect(vi).toContain('Windows 10/11');
    expect(en).toContain('Internet Explorer 11 (Trident)');
    expect(en).toContain('Excel for Microsoft 365');
    expect(en).toContain('Excel 2021 or later');
    expect(en).toContain('Excel on the web');
    const links = [...box!.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    // web/ beside the page, resolved: a link the webview opens and a text to copy.
    expect(links).toEqual([new URL('web/', window.location.href).href, new URL('web/', window.location.href).href]);
    expect(box!.textContent).toContain(new URL('web/', window.location.href).href);
  });

  test('EdgeHTML: flag set, the Edge Legacy message', () => {
    runGate(USER_AGENTS.edgehtml);
    expect(flag()).toBe('edgehtml');
    const text = document.querySelector('[data-testid="old-webview"]')!.textContent!;
    expect(text).toContain('Microsoft Edge cũ (EdgeHTML)');
    expect(text).toContain('old Microsoft Edge (EdgeHTML)');
  });

  test('a current Edge (WebView2) or Chrome: no flag, the page is left alone', () => {
    for (const ua of [USER_AGENTS.webview2, 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36']) {
      runGate(ua);
      expect(flag()).toBeUndefined();
      expect(document.getElementById('root')!.innerHTML).toBe('<p>Đang khởi động…</p>');
    }
  });
});

describe('old-browser gate on the web page (<html data-gate="web">)', () => {
  afterEach(() => document.documentElement.removeAttribute('data-gate'));

  test('Trident: the page needs a current browser, its address is given', () => {
    document.documentElement.setAttribute('data-gate', 'web');
    runGate(USER_AGENTS.trident);
    expect(flag()).toBe('trident');
    const box = document.querySelector('[data-testid="old-webview"]')!;
    expect(box.querySelector('section[lang="vi"]')!.textContent).toContain('Trang này cần một trình duyệt mới');
    expect(box.querySelector('section[lang="en"]')!.textContent).toContain('Internet Explorer 11 cannot run this page.');
    expect(box.textContent).toContain(window.location.href);
    expect(box.querySelectorAll('a')).toHaveLength(0);
  });

  test('a current browser: nothing changes', () => {
    document.documentElement.setAttribute('data-gate', 'web');
    runGate(USER_AGENTS.webview2);
    expect(flag()).toBeUndefined();
    expect(document.getElementById('root')!.innerHTML).toBe('<p>Đang khởi động…</p>');
  });
});
