/**
 * Turning a shell-form command into exec form, only when that is exactly equivalent word for
 * word: plain words with no shell syntax at all (no expansions, quotes, escapes, operators,
 * globs, braces, comments or tildes; no leading assignment).
 */
const SHELL_SYNTAX = /[$`'"\\|&;<>(){}*?[\]!]|^[#~]/;

export function shellToExec(text: string): string | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  const words = trimmed.split(/[ \t]+/);
  if ((words[0] ?? '').includes('=')) return null;
  for (const w of words) if (SHELL_SYNTAX.test(w) || /[\r\n\u00a0\f\v]/.test(w)) return null;
  return '[' + words.map((w) => JSON.stringify(w)).join(', ') + ']';
}
