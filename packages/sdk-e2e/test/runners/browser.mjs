// The customer SDKs are browser libraries with the production hosts written in: this gives them the
// few browser globals they use (window, location, WebSocket, XMLHttpRequest, Image) and a network in
// which api*.livechatinc.com and accounts.livechatinc.com are the mock. Nothing leaves the machine:
// any other host (e.g. the SDK's log beacon) is answered locally with 204 or refused.
import { createRequire } from 'node:module';
import WebSocketImpl from 'ws';

/** https://api.livechatinc.com/v3.3/customer/... -> https://127.0.0.1:port/v3.3/customer/... */
export function installBrowser(base, sdkPackage) {
  const local = (url) => {
    const u = new URL(url);
    if (/^(api(-[a-z]+)?|accounts)(\.[a-z]+)?\.livechatinc\.com$/.test(u.hostname)) {
      return `${u.protocol}//${base}${u.pathname}${u.search}`;
    }
    return null;
  };
  const events = new Map();
  const win = globalThis;
  win.window = win;
  win.location = new URL('https://shop.example.com/product/1');
  win.addEventListener = (type, fn) => events.set(type, [...(events.get(type) ?? []), fn]);
  win.removeEventListener = (type, fn) => events.set(type, (events.get(type) ?? []).filter((f) => f !== fn));
  win.Image = class {
    set src(_v) {} // the SDK's log beacon goes nowhere
  };

  win.WebSocket = class extends WebSocketImpl {
    constructor(url, protocols) {
      const to = local(url);
      if (!to) throw new Error(`e2e network: no WebSocket to ${url} (only the mock is reachable)`);
      super(to, protocols);
    }
  };

  /** Enough of XMLHttpRequest for the SDKs' token request and uploads, over fetch. */
  win.XMLHttpRequest = class {
    constructor() {
      this.readyState = 0;
      this.headers = {};
      this.upload = {};
      this.withCredentials = false;
    }
    open(method, url) {
      this.method = method;
      this.url = url;
      this.readyState = 1;
    }
    setRequestHeader(k, v) {
      this.headers[k] = v;
    }
    getAllResponseHeaders() {
      return [...(this.resHeaders ?? [])].map(([k, v]) => `${k}: ${v}`).join('\r\n');
    }
    getResponseHeader(k) {
      return this.resHeaders?.get(k) ?? null;
    }
    abort() {}
    send(body) {
      const to = local(this.url);
      const finish = (status, text, headers) => {
        this.status = status;
        this.statusText = String(status);
        this.responseText = this.response = text;
        this.responseURL = this.url;
        this.resHeaders = headers;
        this.readyState = 4;
        this.onreadystatechange?.();
        this.onload?.();
      };
      if (!to) return void setTimeout(() => finish(204, '', new Headers()));
      fetch(to, { method: this.method, headers: this.headers, body: body ?? undefined }).then(
        async (r) => finish(r.status, await r.text(), r.headers),
        (e) => this.onerror?.(e),
      );
    }
  };

  // customer-sdk 2.x connects through sockjs-client, which in Node brings its own drivers (node's
  // https for /info, faye-websocket for the socket): point those at the mock as well, before the SDK loads them.
  if (sdkPackage) {
    const fromSdk = createRequire(createRequire(import.meta.url).resolve(sdkPackage));
    let sockjs;
    try {
      sockjs = createRequire(fromSdk.resolve('@livechat/sockjs-manager'));
      sockjs.resolve('sockjs-client/lib/transport/driver/xhr.js');
    } catch {
      return; // this SDK does not use SockJS
    }
    const xhrPath = sockjs.resolve('sockjs-client/lib/transport/driver/xhr.js');
    const wsPath = sockjs.resolve('sockjs-client/lib/transport/driver/websocket.js');
    const XhrDriver = sockjs(xhrPath);
    sockjs(wsPath);
    // sockjs subclasses the driver (XhrDriver.call(this, ...)): keep it a constructor on the same prototype
    function Shim(method, url, payload, opts) {
      XhrDriver.call(this, method, local(url) ?? 'https://127.0.0.1:1/blocked', payload, opts);
    }
    Shim.prototype = XhrDriver.prototype;
    Object.assign(Shim, XhrDriver);
    sockjs.cache[xhrPath].exports = Shim;
    sockjs.cache[wsPath].exports = win.WebSocket;
  }
}
