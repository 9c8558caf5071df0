/** Real user-agent strings of the webviews Office shows add-ins in (jest and browser tests). */
export const USER_AGENTS = {
  // Office 2016 on Windows 10, add-in in Internet Explorer 11's webview.
  trident: 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; .NET CLR 2.0.50727; .NET CLR 3.0.30729; .NET CLR 3.5.30729; ms-office; MSOffice 16)',
  // Office 2019 / older Microsoft 365 on Windows 10, add-in in Edge Legacy's webview.
  edgehtml: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19045',
  // Current Edge (Chromium, WebView2): "Edg/", not "Edge/".
  webview2: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
};
