/** Assignment words split into their pieces. */
import type { Assignment, ShellWord, WordPart } from './ast.js';
import { NAME, NAME_START, is } from './chars.js';
import { makeWord } from './words.js';

/**
 * `name=value`, `name+=value`, `name[sub]=value`, `name=(…)` before the command name, or null.
 * `exact`: the word's spans are offsets into its own text (not a re-parsed, mapped one).
 */
export function parseAssignment(word: ShellWord, exact: boolean): Assignment | null {
  const first = word.parts[0];
  const raw = word.raw;
  if (first?.type !== 'literal' || raw.indexOf('=') < 0) return null;
  if (!is(raw.charCodeAt(0), NAME_START)) return null;
  let i = 1;
  while (i < raw.length && is(raw.charCodeAt(i), NAME)) i++;
  const nameEnd = i;
  let subscript: string | null = null;
  if (raw.charCodeAt(i) === 91) {
    const close = raw.indexOf(']', i);
    if (close < 0) return null;
    subscript = raw.slice(i + 1, close);
    i = close + 1;
  }
  let append = false;
  if (raw.charCodeAt(i) === 43) {
    append = true;
    i++;
  }
  if (raw.charCodeAt(i) !== 61) return null;
  const eq = i;
  const name = raw.slice(0, nameEnd);
  if (!exact) return approximateAssignment(word, name, subscript, append, eq);
  // The `=` must be unquoted: find the literal part that holds it (spans are offsets in this text).
  let offset = 0;
  let at = -1;
  for (let k = 0; k < word.parts.length; k++) {
    const part = word.parts[k] as WordPart;
    const length = part.span.end - part.span.start;
    if (eq < offset + length || k === word.parts.length - 1) {
      at = part.type === 'literal' ? k : -1;
      break;
    }
    offset += length;
  }
  if (at < 0) return null;
  const nameSpan = { start: word.span.start, end: Math.min(word.span.start + nameEnd, word.span.end) };
  const rest = word.parts.slice(at + 1);
  const holder = word.parts[at] as WordPart & { type: 'literal' };
  const tail = raw.slice(eq + 1, offset + (holder.span.end - holder.span.start));
  const valueParts: WordPart[] = [];
  const valueStart = Math.min(word.span.start + eq + 1, word.span.end);
  if (tail !== '') valueParts.push({ type: 'literal', span: { start: valueStart, end: holder.span.end }, value: unescapeLiteral(tail) });
  for (const p of rest) valueParts.push(p);
  const array = valueParts.length === 1 && valueParts[0]?.type === 'array' ? valueParts[0].elements : null;
  const value = array ? null : makeWord(raw.slice(eq + 1), { start: valueStart, end: word.span.end }, valueParts);
  return { type: 'assignment', span: word.span, name, nameSpan, subscript, append, value, array, word };
}

/** In re-parsed text, spans point into the original script and cannot locate the `=`: values are rebuilt from the text. */
function approximateAssignment(word: ShellWord, name: string, subscript: string | null, append: boolean, eq: number): Assignment | null {
  const first = word.parts[0];
  if (first?.type !== 'literal' || !first.value.includes('=')) return null;
  const tail = first.value.slice(first.value.indexOf('=') + 1);
  const parts: WordPart[] = tail === '' ? [] : [{ type: 'literal', span: first.span, value: tail }];
  for (let k = 1; k < word.parts.length; k++) parts.push(word.parts[k] as WordPart);
  const array = parts.length === 1 && parts[0]?.type === 'array' ? parts[0].elements : null;
  const value = array ? null : makeWord(word.raw.slice(eq + 1), word.span, parts);
  return { type: 'assignment', span: word.span, name, nameSpan: word.span, subscript, append, value, array, word };
}

/** Removes the backslash escapes of unquoted text. */
function unescapeLiteral(raw: string): string {
  if (!raw.includes('\\')) return raw;
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charAt(i);
    if (c === '\\' && i + 1 < raw.length) {
      i++;
      if (raw.charAt(i) !== '\n') out += raw.charAt(i);
    } else out += c;
  }
  return out;
}
