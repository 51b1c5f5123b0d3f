import assert from 'node:assert/strict';
import type { ShellScript, ShellWord, SimpleCommand, Span } from '../../src/shell/index.js';
import { parseShell } from '../../src/shell/index.js';

export function text(script: ShellScript, span: Span): string {
  return script.text.slice(span.start, span.end);
}

/** Parses a script that must be free of errors and warnings. */
export function clean(source: string): ShellScript {
  const script = parseShell(source);
  assert.deepEqual(script.errors, [], `errors in ${JSON.stringify(source)}`);
  assert.deepEqual(script.warnings, [], `warnings in ${JSON.stringify(source)}`);
  return script;
}

/** A word as its value, or `<raw>` when it expands. */
export function show(word: ShellWord | null): string | null {
  if (word === null) return null;
  return word.value ?? `<${word.raw}>`;
}

/** Each command as `name arg…` (values, or `<raw>` for expansions). */
export function commandLines(script: ShellScript): string[] {
  return script.commands.map((c) => [show(c.name) ?? '', ...c.args.map((a) => show(a) as string)].join(' ').trim());
}

export function only(script: ShellScript): SimpleCommand {
  assert.equal(script.commands.length, 1, `one command in ${JSON.stringify(script.text)}`);
  return script.commands[0] as SimpleCommand;
}

/** The first argument of the only command. */
export function firstArg(source: string): ShellWord {
  const command = only(clean(source));
  const word = command.args[0];
  assert.ok(word, `an argument in ${JSON.stringify(source)}`);
  return word;
}
