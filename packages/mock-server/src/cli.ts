#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { knownVersions, startMockServer } from './server.js';

/** Not 8080: `npm run docs:serve` uses that, and both are often run together. */
export const DEFAULT_PORT = 8090;

const USAGE = `usage: ccapi-mock --version 3.3 [--port ${DEFAULT_PORT}] [--host 127.0.0.1] [--agent] [--tls-key key.pem --tls-cert cert.pem] [--verbose]
Serves the Customer Chat API Web (HTTP) and RTM (WebSocket) endpoints of one version.
  --agent   a scripted agent joins each chat, greets after login and answers messages
  --port 0  picks a free port (the one used is printed)`;

function fail(message: string, hint: string): never {
  console.error(`ccapi-mock: error ${message}\nhint: ${hint}`);
  process.exit(2);
}

async function main(argv: string[]): Promise<void> {
  let version = '';
  let port = DEFAULT_PORT;
  let host = '127.0.0.1';
  let verbose = false;
  let agent = false;
  let tlsKey = '';
  let tlsCert = '';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--version' || a === '-v') version = argv[++i] ?? '';
    else if (a === '--port' || a === '-p') port = Number(argv[++i]);
    else if (a === '--host') host = argv[++i] ?? host;
    else if (a === '--verbose') verbose = true;
    else if (a === '--agent') agent = true;
    else if (a === '--tls-key') tlsKey = argv[++i] ?? '';
    else if (a === '--tls-cert') tlsCert = argv[++i] ?? '';
    else if (a === '--help' || a === '-h' || a === 'help') {
      console.log(USAGE);
      return;
    } else fail(`[usage] unknown argument ${a}`, 'run ccapi-mock --help');
  }
  const known = knownVersions();
  version = version.replace(/^v/, '');
  if (!version) fail('[usage] --version is required', `give one of: ${known.join(', ')}`);
  if (!known.includes(version)) fail(`[unknown-version] no version ${version}`, `known versions: ${known.join(', ')}`);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail('[usage] --port must be an integer from 0 to 65535', `e.g. --port ${DEFAULT_PORT}`);
  if (!!tlsKey !== !!tlsCert) fail('[usage] --tls-key and --tls-cert go together', 'give both PEM files, or neither');
  const tls = tlsKey ? { key: readFileSync(tlsKey), cert: readFileSync(tlsCert) } : undefined;
  let mock;
  try {
    mock = await startMockServer({ version, port, host, verbose, agent, tls });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'EADDRINUSE') fail(`[port-in-use] port ${port} on ${host} is already in use`, `start the mock on another port: npm run mock -- --version ${version} --port ${port === DEFAULT_PORT ? DEFAULT_PORT + 1 : DEFAULT_PORT} (or --port 0 for any free one)`);
    if (err.code === 'EACCES') fail(`[port-denied] port ${port} needs privileges`, `use a port above 1023, e.g. --port ${DEFAULT_PORT}`);
    throw e;
  }
  console.log(`Customer Chat API v${mock.version} mock on port ${mock.port}${agent ? ' (scripted agent on)' : ''}\n  Web: ${mock.webUrl}/action/<method>\n  RTM: ${mock.rtmUrl}\n  Token: POST ${mock.tokenUrl}`);
  const stop = () => void mock.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main(process.argv.slice(2)).catch((e: unknown) => {
  console.error(`ccapi-mock: error [internal] ${(e as Error).message}\nhint: please report this with the command line you used`);
  process.exit(2);
});
