import { spawn } from 'node:child_process';

// issue #17: every CLI run on a hostile input gets 10 s and a 512 MiB heap; one that needs more is a failure.
const LIMITS = { timeout: 10_000, env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=512' } };

export interface Run { status: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string; ms: number }

/** spawnSync's result within LIMITS, without blocking: the cases run side by side (each in its own folders). */
export function exec(file: string, args: string[]): Promise<Run> {
  const t = Date.now();
  return new Promise((done, fail) => {
    const child = spawn(file, args, LIMITS);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', fail);
    child.on('close', (status, signal) => done({ status, signal, stdout, stderr, ms: Date.now() - t }));
  });
}

/** Runs `body` with a loopback HTTP listener on a free port; returns how many connections it received. */
export async function withListener(body: (port: number) => Promise<void>): Promise<number> {
  const { createServer } = await import('node:http');
  let connections = 0;
  const server = createServer((_req, res) => res.end('type: string\n'));
  server.on('connection', () => connections++);
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  try {
    await body((server.address() as { port: number }).port);
  } finally {
    server.close();
  }
  return connections;
}
