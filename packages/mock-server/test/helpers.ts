import WebSocket from 'ws';
import type { MockServer } from '../src/index.js';

export function call(mock: MockServer, method: string, http: string, body: unknown, opts: { token?: string; query?: string; raw?: string } = {}) {
  const url = `${mock.webUrl}/action/${method}?${opts.query ?? 'license_id=123'}`;
  return fetch(url, {
    method: http.toUpperCase(),
    headers: { authorization: `Bearer ${opts.token ?? 'dal:token'}`, ...(http === 'post' ? { 'content-type': 'application/json' } : {}) },
    body: http === 'post' ? (opts.raw ?? JSON.stringify(body)) : undefined,
    signal: AbortSignal.timeout(5000),
  });
}

export interface Sock {
  ws: WebSocket;
  frames: any[];
  /** Next frame matching `pred` (already received or arriving within 3 s). */
  next(pred?: (f: any) => boolean): Promise<any>;
  /** Sends a request and waits for its response. */
  request(action: string, payload?: unknown): Promise<any>;
  close(): void;
}

let rid = 0;
export function openSocket(url: string): Promise<Sock> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    const queue: any[] = [];
    const frames: any[] = [];
    const waiters: { pred: (f: any) => boolean; res: (f: any) => void }[] = [];
    ws.on('message', (d) => {
      const f = JSON.parse(d.toString());
      frames.push(f);
      const i = waiters.findIndex((w) => w.pred(f));
      if (i >= 0) waiters.splice(i, 1)[0]!.res(f);
      else queue.push(f);
    });
    const next = (pred: (f: any) => boolean = () => true) => {
      const i = queue.findIndex(pred);
      if (i >= 0) return Promise.resolve(queue.splice(i, 1)[0]);
      return new Promise<any>((res, rej) => {
        const timer = setTimeout(() => rej(new Error('no frame within 3 s')), 3000);
        waiters.push({ pred, res: (f) => (clearTimeout(timer), res(f)) });
      });
    };
    ws.once('open', () =>
      resolve({
        ws,
        frames,
        next,
        request(action, payload) {
          const id = `r${++rid}`;
          ws.send(JSON.stringify({ action, request_id: id, ...(payload !== undefined ? { payload } : {}) }));
          return next((f) => f.type === 'response' && f.request_id === id);
        },
        close: () => ws.close(),
      }),
    );
    ws.once('error', reject);
  });
}
