/**
 * Finds where each key and value of a TOML document sits. `smol-toml` gives values without
 * positions, so this scanner walks the text once more and records, for every key path (array
 * indices included, as the parsed value has them), where its key and its value start.
 *
 * It runs only on text that `smol-toml` has already accepted, so it need not diagnose
 * anything; on text it does not understand it stops, and lookups fall back to ancestors.
 */
import { lineCounterFor, positionAt } from './source-map.js';
import type { PathKey, SourceLocator } from './source-map.js';

interface Entry {
  readonly key: number;
  readonly value: number;
}

export function tomlLocator(text: string): SourceLocator {
  const entries = scanToml(text);
  const lc = lineCounterFor(text);
  return {
    locate(path, origin) {
      for (let n = path.length; n > 0; n--) {
        const e = entries.get(pathId(path.slice(0, n)));
        if (e !== undefined) return positionAt(lc, n === path.length && origin === 'value' ? e.value : e.key);
      }
      return positionAt(lc, 0);
    },
  };
}

const pathId = (path: readonly PathKey[]): string => JSON.stringify(path);

const BARE_KEY = /[A-Za-z0-9_-]/;
const ESCAPES: Readonly<Record<string, string>> = { b: '\b', t: '\t', n: '\n', f: '\f', r: '\r', e: '\x1b', '"': '"', '\\': '\\' };

class Stop extends Error {}

/** Key path → where its key and value start. */
export function scanToml(text: string): Map<string, Entry> {
  const entries = new Map<string, Entry>();
  /** Array-of-tables path → how many elements it has so far. */
  const arrays = new Map<string, number>();
  let i = text.startsWith('\uFEFF') ? 1 : 0;

  const record = (path: readonly PathKey[], key: number, value: number): void => {
    const id = pathId(path);
    if (!entries.has(id)) entries.set(id, { key, value });
  };
  const peek = (s: string): boolean => text.startsWith(s, i);
  const fail = (): never => {
    throw new Stop();
  };

  const skipSpaces = (): void => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  };
  /** Spaces, newlines and comments (inside arrays and between statements). */
  const skipBlank = (): void => {
    for (;;) {
      skipSpaces();
      if (text[i] === '#') {
        while (i < text.length && text[i] !== '\n') i++;
      } else if (text[i] === '\n' || peek('\r\n')) {
        i += text[i] === '\n' ? 1 : 2;
      } else {
        return;
      }
    }
  };

  const basicString = (): string => {
    i++; // opening quote
    let out = '';
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') {
        const c = text[i + 1] ?? '';
        if (c === 'u' || c === 'U' || c === 'x') {
          const len = c === 'u' ? 4 : c === 'U' ? 8 : 2;
          out += String.fromCodePoint(parseInt(text.slice(i + 2, i + 2 + len), 16));
          i += 2 + len;
        } else {
          out += ESCAPES[c] ?? c;
          i += 2;
        }
      } else {
        out += text[i];
        i++;
      }
    }
    if (i >= text.length) fail();
    i++;
    return out;
  };

  const literalString = (): string => {
    const end = text.indexOf("'", i + 1);
    if (end === -1) fail();
    const s = text.slice(i + 1, end);
    i = end + 1;
    return s;
  };

  /** A dotted key; returns each part with where it starts. */
  const key = (): { name: string; at: number }[] => {
    const parts: { name: string; at: number }[] = [];
    for (;;) {
      skipSpaces();
      const at = i;
      let name: string;
      if (text[i] === '"') name = basicString();
      else if (text[i] === "'") name = literalString();
      else {
        while (i < text.length && BARE_KEY.test(text[i] ?? '')) i++;
        if (i === at) fail();
        name = text.slice(at, i);
      }
      parts.push({ name, at });
      skipSpaces();
      if (text[i] !== '.') return parts;
      i++;
    }
  };

  const multiline = (quote: '"""' | "'''"): void => {
    i += 3;
    for (;;) {
      if (i >= text.length) fail();
      if (quote === '"""' && text[i] === '\\') {
        i += 2;
      } else if (peek(quote)) {
        i += 3;
        // Up to two quotes right before the closing delimiter belong to the content.
        for (let extra = 0; extra < 2 && text[i] === quote[0]; extra++) i++;
        return;
      } else {
        i++;
      }
    }
  };

  const value = (path: readonly PathKey[]): void => {
    if (peek('"""')) multiline('"""');
    else if (peek("'''")) multiline("'''");
    else if (text[i] === '"') basicString();
    else if (text[i] === "'") literalString();
    else if (text[i] === '[') array(path);
    else if (text[i] === '{') inlineTable(path);
    else scalar();
  };

  /** Numbers, booleans, dates and times: up to a delimiter (a date may have a space before its time). */
  const scalar = (): void => {
    const start = i;
    while (i < text.length && !/[\s,\]}#]/.test(text[i] ?? '')) i++;
    if (/^\d{4}-\d{2}-\d{2}$/.test(text.slice(start, i)) && /^ \d{2}:/.test(text.slice(i, i + 4))) {
      i++;
      while (i < text.length && !/[\s,\]}#]/.test(text[i] ?? '')) i++;
    }
    if (i === start) fail();
  };

  const array = (path: readonly PathKey[]): void => {
    i++;
    for (let index = 0; ; index++) {
      skipBlank();
      if (text[i] === ']') break;
      record([...path, index], i, i);
      value([...path, index]);
      skipBlank();
      if (text[i] === ',') i++;
      else if (text[i] !== ']') fail();
    }
    i++;
  };

  const inlineTable = (path: readonly PathKey[]): void => {
    i++;
    for (;;) {
      skipBlank();
      if (text[i] === '}') break;
      keyValue(path);
      skipBlank();
      if (text[i] === ',') i++;
      else if (text[i] !== '}') fail();
    }
    i++;
  };

  const keyValue = (table: readonly PathKey[]): void => {
    const parts = key();
    if (text[i] !== '=') fail();
    i++;
    skipSpaces();
    const path: PathKey[] = [...table];
    for (const [n, part] of parts.entries()) {
      path.push(part.name);
      record(path, part.at, n === parts.length - 1 ? i : part.at);
    }
    value(path);
  };

  /** `[a.b]` or `[[a.b]]`: the table's path, with the current element of every array of tables on the way. */
  const header = (): PathKey[] => {
    const isArray = peek('[[');
    i += isArray ? 2 : 1;
    const parts = key();
    if (!peek(isArray ? ']]' : ']')) fail();
    i += isArray ? 2 : 1;
    const path: PathKey[] = [];
    for (const [n, part] of parts.entries()) {
      path.push(part.name);
      const count = arrays.get(pathId(path));
      const last = n === parts.length - 1;
      if (last && isArray) {
        arrays.set(pathId(path), (count ?? 0) + 1);
        record(path, part.at, part.at);
        path.push(count ?? 0);
      } else if (count !== undefined) {
        path.push(count - 1);
      }
      record(path, part.at, part.at);
    }
    return path;
  };

  let table: PathKey[] = [];
  try {
    for (;;) {
      skipBlank();
      if (i >= text.length) break;
      if (text[i] === '[') table = header();
      else keyValue(table);
    }
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
  }
  return entries;
}
