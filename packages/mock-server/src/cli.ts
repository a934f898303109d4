#!/usr/bin/env node
import { startMockServer } from './server.js';

const USAGE = `usage: ccapi-mock --version 3.3 [--port 8080] [--host 127.0.0.1] [--verbose]
Serves the Customer Chat API Web (HTTP) and RTM (WebSocket) endpoints of one version from the specs.`;

async function main(argv: string[]): Promise<void> {
  let version = '';
  let port = 8080;
  let host = '127.0.0.1';
  let verbose = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--version' || a === '-v') version = argv[++i] ?? '';
    else if (a === '--port' || a === '-p') port = Number(argv[++i]);
    else if (a === '--host') host = argv[++i] ?? host;
    else if (a === '--verbose') verbose = true;
    else if (a === '--help' || a === '-h') {
      console.log(USAGE);
      return;
    } else {
      console.error(`ccapi-mock: unknown argument ${a}\n${USAGE}`);
      process.exit(2);
    }
  }
  if (!/^v?\d+\.\d+$/.test(version) || !Number.isInteger(port) || port < 0) {
    console.error(`ccapi-mock: give --version <major.minor> (and a numeric --port)\n${USAGE}`);
    process.exit(2);
  }
  const mock = await startMockServer({ version, port, host, verbose });
  console.log(`Customer Chat API v${mock.version} mock\n  Web: ${mock.webUrl}/action/<method>\n  RTM: ${mock.rtmUrl}`);
  const stop = () => void mock.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main(process.argv.slice(2)).catch((e: unknown) => {
  console.error(`ccapi-mock: ${(e as Error).message}`);
  process.exit(1);
});
