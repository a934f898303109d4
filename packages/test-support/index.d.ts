/**
 * The built entry of a package's CLI, `<packageDir>/dist/<entry>`, to run as `node <path>` (fast: no tsx).
 * Throws when it is missing (run `npm run build`; `npm test` builds it first through turbo).
 */
export function distCli(packageDir: string, entry?: string): string;

/** Where the browser suites find Chromium: `$CHROMIUM_PATH`, else Debian's `/usr/bin/chromium`. */
export function chromiumPath(): string;

/** True when running in CI (`CI` set to anything but "", "0" or "false"). */
export function inCI(): boolean;

/**
 * For `test(name, { skip }, ...)` of a browser suite: `false` when Chromium is there. Without it, in CI
 * (`CI=true`) it registers one failing test (a skipped browser suite must not pass CI); locally it prints
 * one line on stderr naming the suite and the fix. Either way it returns the skip reason.
 */
export function browserSkip(suite: string): false | string;
