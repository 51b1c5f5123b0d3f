/** Here-document bodies: read after the line that started them, up to the delimiter line. */
import type { HereDocument } from './ast.js';
import type { Mutable } from './model.js';
import type { Parser } from './parser.js';

/** Reads one body from `pos`: lines up to one equal to the delimiter (after leading tabs for `<<-`). */
export function readHeredoc(p: Parser, doc: Mutable<HereDocument>): void {
  const text = p.text;
  const end = p.end;
  const delimiter = doc.delimiter;
  const start = p.pos;
  let i = start;
  let bodyEnd = end;
  let joined = false;
  doc.terminatorSpan = null;
  for (;;) {
    if (i >= end) {
      p.warn(`here-document delimited by end of script (wanted '${delimiter}')`, start, end);
      p.pos = end;
      break;
    }
    let nl = text.indexOf('\n', i);
    if (nl >= end) nl = -1;
    const lineEnd = nl < 0 ? end : nl;
    if (!joined) {
      let ls = i;
      if (doc.stripTabs) while (ls < lineEnd && text.charCodeAt(ls) === 9) ls++;
      if (lineEnd - ls === delimiter.length && text.startsWith(delimiter, ls)) {
        bodyEnd = i;
        doc.terminatorSpan = p.span(i, lineEnd);
        p.pos = nl < 0 ? end : nl + 1;
        break;
      }
      // Inside `$(…)` bash (5.2) also ends the body at a line that starts with the delimiter
      // and reads the rest of that line as commands (`E)` closes the substitution).
      if (p.substitutions > 0 && delimiter !== '' && text.startsWith(delimiter, ls) && ls + delimiter.length <= lineEnd) {
        bodyEnd = i;
        doc.terminatorSpan = p.span(i, ls + delimiter.length);
        p.warn(`here-document ended by '${text.slice(ls, lineEnd)}' (wanted '${delimiter}' alone on its line)`, i, lineEnd);
        p.pos = ls + delimiter.length;
        break;
      }
    }
    // In an unquoted here-document, a backslash-newline joins the next line to this one.
    joined = !doc.quoted && nl >= 0 && endsWithOddBackslashes(text, i, lineEnd);
    i = nl < 0 ? end : nl + 1;
  }
  doc.body = text.slice(start, bodyEnd);
  doc.bodySpan = p.span(start, bodyEnd);
  if (doc.quoted) doc.parts = bodyEnd > start ? [{ type: 'literal', span: doc.bodySpan, value: doc.body }] : [];
  else doc.parts = p.scanHeredocBody(start, bodyEnd);
}

function endsWithOddBackslashes(text: string, from: number, to: number): boolean {
  let n = 0;
  while (to - n > from && text.charCodeAt(to - n - 1) === 92) n++;
  return n % 2 === 1;
}
