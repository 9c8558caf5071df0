/*
 * Gate for old Office webviews, run before the task pane's bundle. Written in ES5 on purpose (no
 * let/const, arrow functions, template strings, classes or newer built-ins) and shipped as it is: it
 * is the only code that must run in Internet Explorer 11's webview (Trident) and Edge Legacy's
 * (EdgeHTML), where Office 2016 and 2019 (and older Microsoft 365 builds) show add-ins and where
 * the pane's ES2020 bundle cannot run. There it sets `window.__bieumauOldWebview` (the bundle checks
 * it first thing and then does nothing) and replaces the "Starting…" line with a Vietnamese and
 * English message: what is needed, what this Office is, and a link to the web page (`web/`).
 * The web page (web/index.html, `<html data-gate="web">`) loads it too: there the message says
 * that the page needs a current browser and gives its address to open in one.
 * Anywhere else it only reads the user agent and returns. A file, not inline: the pages'
 * Content-Security-Policy allows no inline script.
 */
(function () {
  'use strict';

  var ua = (window.navigator && window.navigator.userAgent) || '';
  var kind = null;
  if (/Trident\/|MSIE /.test(ua)) kind = 'trident';
  else if (/ Edge\/\d/.test(ua)) kind = 'edgehtml';
  if (kind === null) return;

  window.__bieumauOldWebview = kind;

  /** "Windows 10", "Windows 8.1", "Windows 7", from the `Windows NT x.y` token, or "". */
  function windowsName() {
    var m = /Windows NT (\d+\.\d+)/.exec(ua);
    if (!m) return '';
    var names = { '10.0': 'Windows 10/11', '6.3': 'Windows 8.1', '6.2': 'Windows 8', '6.1': 'Windows 7' };
    return names[m[1]] || 'Windows NT ' + m[1];
  }

  var onWebPage = document.documentElement.getAttribute('data-gate') === 'web';

  var WEB_PAGE_TEXT = {
    vi: {
      title: 'Trang này cần một trình duyệt mới',
      body: {
        trident: 'Internet Explorer 11 không chạy được trang này.',
        edgehtml: 'Microsoft Edge cũ (EdgeHTML) không chạy được trang này.'
      },
      open: 'Hãy mở địa chỉ sau bằng Microsoft Edge, Google Chrome hoặc Firefox bản mới:'
    },
    en: {
      title: 'This page needs a current browser',
      body: {
        trident: 'Internet Explorer 11 cannot run this page.',
        edgehtml: 'The old Microsoft Edge (EdgeHTML) cannot run this page.'
      },
      open: 'Open this address in a current Microsoft Edge, Google Chrome or Firefox:'
    }
  };

  var TEXT = {
    vi: {
      title: 'Phần bổ trợ Biểu mẫu không chạy được trong phiên bản Office này',
      webview: {
        trident: 'Office này hiển thị phần bổ trợ bằng trình duyệt nhúng của Internet Explorer 11 (Trident). Đó là Office 2016 hoặc Office 2019 mua một lần (nhất là bản cấp phép số lượng lớn), hoặc một bản Microsoft 365 cũ chưa được cập nhật.',
        edgehtml: 'Office này hiển thị phần bổ trợ bằng trình duyệt nhúng của Microsoft Edge cũ (EdgeHTML). Đó là Office 2019 hoặc một bản Microsoft 365 cũ trên Windows 10 chưa có Microsoft Edge WebView2.'
      },
      system: 'Máy này: ',
      needs: 'Phần bổ trợ cần một trong các phiên bản sau: Excel cho Microsoft 365 (đã cập nhật), Excel 2021 trở lên (như Excel 2024), hoặc Excel trên web (mở sổ tính trong trình duyệt).',
      web: 'Trong lúc chờ, trang web Biểu mẫu tạo và kiểm tra được các biểu ngay trong trình duyệt (Edge, Chrome, Firefox bản mới), không cần cài đặt và không gửi tệp đi đâu:',
      link: 'Mở trang web Biểu mẫu'
    },
    en: {
      title: 'The Biểu mẫu add-in cannot run in this version of Office',
      webview: {
        trident: 'This Office shows add-ins in the webview of Internet Explorer 11 (Trident). That is Office 2016 or Office 2019 bought once (volume-licensed editions in particular), or an older Microsoft 365 build that has not been updated.',
        edgehtml: 'This Office shows add-ins in the webview of the old Microsoft Edge (EdgeHTML). That is Office 2019 or an older Microsoft 365 build on Windows 10 without Microsoft Edge WebView2.'
      },
      system: 'This computer: ',
      needs: 'The add-in needs one of: Excel for Microsoft 365 (kept up to date), Excel 2021 or later (such as Excel 2024), or Excel on the web (the workbook opened in a browser).',
      web: 'Meanwhile, the Biểu mẫu web page creates and checks the tables in a browser (a current Edge, Chrome or Firefox), with nothing to install and no file sent anywhere:',
      link: 'Open the Biểu mẫu web page'
    }
  };

  function element(tag, text) {
    var el = document.createElement(tag);
    if (text) el.appendChild(document.createTextNode(text));
    return el;
  }

  /** A section in one language under its title (h1 for Vietnamese, the first; h2 for English). */
  function titledSection(lang, title) {
    var box = element('section');
    box.setAttribute('lang', lang);
    box.style.margin = '16px';
    var h = element(lang === 'vi' ? 'h1' : 'h2', title);
    h.style.fontSize = '18px';
    box.appendChild(h);
    return box;
  }

  function section(lang, webUrl) {
    var t = TEXT[lang];
    var box = titledSection(lang, t.title);
    box.appendChild(element('p', t.webview[kind]));
    var system = windowsName();
    if (system) box.appendChild(element('p', t.system + system + '.'));
    box.appendChild(element('p', t.needs));
    box.appendChild(element('p', t.web));
    var p = element('p');
    var a = element('a', t.link);
    a.setAttribute('href', webUrl);
    a.setAttribute('target', '_blank');
    a.setAttribute('rel', 'noopener');
    p.appendChild(a);
    // The full address too, to copy into a browser: a link may open inside Office's own webview.
    p.appendChild(element('br'));
    p.appendChild(element('span', webUrl));
    box.appendChild(p);
    return box;
  }

  function webPageSection(lang) {
    var t = WEB_PAGE_TEXT[lang];
    var box = titledSection(lang, t.title);
    box.appendChild(element('p', t.body[kind]));
    box.appendChild(element('p', t.open));
    box.appendChild(element('p', window.location.href));
    return box;
  }

  function show() {
    var root = document.getElementById('root') || document.body;
    // The address of web/ beside this page, resolved by the browser.
    var resolver = document.createElement('a');
    resolver.setAttribute('href', 'web/');
    var webUrl = resolver.href;
    while (root.firstChild) root.removeChild(root.firstChild);
    var page = element('div');
    page.setAttribute('data-testid', 'old-webview');
    page.setAttribute('role', 'alert');
    page.style.fontFamily = "'Segoe UI', Tahoma, sans-serif";
    page.style.fontSize = '14px';
    page.style.lineHeight = '1.45';
    page.appendChild(onWebPage ? webPageSection('vi') : section('vi', webUrl));
    page.appendChild(onWebPage ? webPageSection('en') : section('en', webUrl));
    root.appendChild(page);
  }

  // The script is loaded with `defer` (before the bundle, which is deferred too), so the document
  // is parsed by now; the check keeps it right if it is ever loaded without `defer`.
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', show);
  else show();
})();
