import type { ShellScript, Statement } from './ast.js';
import { ROOT_SCOPE } from './model.js';
import { Parser } from './parser.js';
import { Session } from './session.js';

/** Parses a script (bash superset). Never throws: syntax errors are in `errors`, and parsing goes on after them. */
export function parseShell(text: string): ShellScript {
  return parseWithSession(text).script;
}

/** `parseShell`, also returning the work counters (for tests that check parsing stays linear). */
export function parseWithSession(text: string): { readonly script: ShellScript; readonly session: Session } {
  const session = new Session(text.length);
  let body: Statement[];
  try {
    body = new Parser(text, 0, text.length, null, session, session.errors, ROOT_SCOPE).parseScript();
  } catch (e) {
    // A bug must not take the linter down with it: report the script as unparsed (the fuzz test fails on this).
    body = [];
    session.commands.length = 0;
    session.errors.push({ message: `${INTERNAL_ERROR}: ${e instanceof Error ? e.message : String(e)}`, start: 0, end: text.length });
  }
  const commands = session.finish();
  return { script: { text, body, commands, errors: session.errors, warnings: session.warnings, comments: session.comments }, session };
}

export const INTERNAL_ERROR = 'internal error in the shell parser';
