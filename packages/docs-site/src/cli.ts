/** Entry point of `npm run docs` / `npm run docs:serve` (see commands.ts). */
import { main } from './commands.js';

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(`docs-site: error [build-failed] ${err instanceof Error ? err.message : String(err)}`);
    console.error('hint: run `npm run build` first so that generated/ holds every version');
    process.exit(2);
  },
);
