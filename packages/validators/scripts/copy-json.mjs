// tsc does not copy the per-version schemas.json files; copy them next to the compiled modules.
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
const src = new URL('../src/', import.meta.url).pathname;
const dist = new URL('../dist/', import.meta.url).pathname;
for (const d of readdirSync(src)) {
  const f = join(src, d, 'schemas.json');
  if (!existsSync(f)) continue;
  mkdirSync(join(dist, d), { recursive: true });
  copyFileSync(f, join(dist, d, 'schemas.json'));
}
