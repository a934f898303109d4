import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';

const here = new URL('.', import.meta.url).pathname;
const fixtures = join(here, 'fixtures');

function compile(files: string[], overrides: Record<string, string> = {}): readonly ts.Diagnostic[] {
  const configPath = join(here, 'tsconfig.json');
  const cfg = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
  const host = ts.createCompilerHost(cfg.options);
  const read = host.readFile.bind(host);
  host.readFile = (f) => overrides[f] ?? read(f);
  const program = ts.createProgram(files, { ...cfg.options, noEmit: true }, host);
  return ts.getPreEmitDiagnostics(program);
}

function show(d: readonly ts.Diagnostic[]): string {
  return ts.formatDiagnostics(d, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => here, getNewLine: () => '\n' });
}

const files = readdirSync(fixtures).filter((f) => f.endsWith('.ts')).map((f) => join(fixtures, f));

test('fixtures compile and every @ts-expect-error line is a real error', () => {
  assert.ok(files.length >= 2);
  const diags = compile(files);
  assert.equal(diags.length, 0, show(diags));
});

test('removing the @ts-expect-error directives surfaces one error per directive', () => {
  const file = join(fixtures, 'v3.3.ts');
  const src = readFileSync(file, 'utf8');
  const count = src.split('\n').filter((l) => l.trim().startsWith('// @ts-expect-error')).length;
  assert.ok(count >= 10, `expected at least 10 negative cases, found ${count}`);
  const stripped = src.replace(/\/\/ @ts-expect-error[^\n]*/g, '// (directive removed)');
  const diags = compile([file], { [file]: stripped });
  const lines = new Set(diags.filter((d) => d.file?.fileName === file).map((d) => d.file!.getLineAndCharacterOfPosition(d.start!).line));
  assert.ok(lines.size >= count, `only ${lines.size} lines with errors for ${count} directives:\n${show(diags)}`);
});

test('a well-typed call stays valid when the directives are removed from the positive part', () => {
  const file = join(fixtures, 'v3.3.ts');
  const src = readFileSync(file, 'utf8');
  const positive = src.slice(0, src.indexOf('export async function mistakes'));
  const diags = compile([file], { [file]: positive });
  assert.equal(diags.length, 0, show(diags));
});
