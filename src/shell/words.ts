/** Word values and small decoders shared by the scanner and the queries. */
import type { ShellWord, Span, WordPart } from './ast.js';

function innerValue(parts: readonly WordPart[]): string | null {
  if (parts.length === 1 && parts[0]?.type === 'literal') return parts[0].value;
  let v = '';
  for (const p of parts) {
    if (p.type !== 'literal') return null;
    v += p.value;
  }
  return v;
}

function partValue(p: WordPart): string | null {
  switch (p.type) {
    case 'literal':
    case 'single-quoted':
    case 'ansi-c-quoted':
      return p.value;
    case 'double-quoted':
    case 'locale-quoted':
      return innerValue(p.parts);
    default:
      return null;
  }
}

/** The literal value of a word's parts, or null when one of them expands. */
export function wordValue(parts: readonly WordPart[]): string | null {
  if (parts.length === 1) return partValue(parts[0] as WordPart);
  let v = '';
  for (const p of parts) {
    const pv = partValue(p);
    if (pv === null) return null;
    v += pv;
  }
  return v;
}

export function makeWord(raw: string, span: Span, parts: readonly WordPart[]): ShellWord {
  return { type: 'word', raw, value: wordValue(parts), span, parts };
}

const SIMPLE_ESCAPES: Record<string, string> = {
  a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', "'": "'", '"': '"', '?': '?',
};

function isHex(c: string): boolean {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/** Decodes the body of `$'…'` the way bash does. */
export function decodeAnsiC(s: string): string {
  if (!s.includes('\\')) return s;
  let out = '';
  let i = 0;
  while (i < s.length) {
    const c = s.charAt(i);
    if (c !== '\\' || i + 1 >= s.length) {
      out += c;
      i++;
      continue;
    }
    const n = s.charAt(i + 1);
    const simple = SIMPLE_ESCAPES[n];
    if (simple !== undefined) {
      out += simple;
      i += 2;
    } else if (n >= '0' && n <= '7') {
      let j = i + 1;
      while (j < s.length && j < i + 4 && s.charAt(j) >= '0' && s.charAt(j) <= '7') j++;
      out += String.fromCharCode(parseInt(s.slice(i + 1, j), 8) & 0xff);
      i = j;
    } else if (n === 'x' || n === 'u' || n === 'U') {
      const max = n === 'x' ? 2 : n === 'u' ? 4 : 8;
      let j = i + 2;
      while (j < s.length && j < i + 2 + max && isHex(s.charAt(j))) j++;
      if (j === i + 2) {
        out += '\\' + n;
      } else {
        const cp = parseInt(s.slice(i + 2, j), 16);
        out += cp <= 0x10ffff ? String.fromCodePoint(cp) : '\ufffd';
      }
      i = j;
    } else if (n === 'c' && i + 2 < s.length) {
      out += String.fromCharCode(s.charCodeAt(i + 2) & 0x1f);
      i += 3;
    } else {
      out += '\\' + n;
      i += 2;
    }
  }
  return out;
}

/** Quote removal on a here-document delimiter as written (`'EOF'`, `"EOF"`, `\EOF`, `E"O"F`). */
export function removeQuotes(raw: string): { readonly text: string; readonly quoted: boolean } {
  let out = '';
  let quoted = false;
  let i = 0;
  while (i < raw.length) {
    const c = raw.charAt(i);
    if (c === '\\' && i + 1 < raw.length) {
      quoted = true;
      if (raw.charAt(i + 1) !== '\n') out += raw.charAt(i + 1);
      i += 2;
    } else if (c === "'") {
      quoted = true;
      const close = raw.indexOf("'", i + 1);
      const stop = close < 0 ? raw.length : close;
      out += raw.slice(i + 1, stop);
      i = stop + 1;
    } else if (c === '"') {
      quoted = true;
      i++;
      while (i < raw.length && raw.charAt(i) !== '"') {
        const d = raw.charAt(i);
        if (d === '\\' && i + 1 < raw.length && '$`"\\\n'.includes(raw.charAt(i + 1))) {
          if (raw.charAt(i + 1) !== '\n') out += raw.charAt(i + 1);
          i += 2;
        } else {
          out += d;
          i++;
        }
      }
      i++;
    } else {
      out += c;
      i++;
    }
  }
  return { text: out, quoted };
}
