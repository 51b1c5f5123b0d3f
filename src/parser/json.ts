/**
 * The exec-form test BuildKit applies: Go's `json.Unmarshal` of the whole rest of the line into
 * `[]interface{}`. Invalid JSON means shell form; valid JSON with a non-string element is an error.
 * A hand-written scanner because we need the position of every element.
 */
export type JsonArrayResult =
  | { readonly kind: 'strings'; readonly elements: { value: string; start: number; end: number }[]; readonly end: number }
  | { readonly kind: 'non-string' }
  | { readonly kind: 'invalid' };

const INVALID: JsonArrayResult = { kind: 'invalid' };

function isJsonSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

class Scanner {
  pos: number;
  nonString = false;
  constructor(
    readonly s: string,
    from: number,
    readonly to: number,
  ) {
    this.pos = from;
  }

  ws(): void {
    while (this.pos < this.to && isJsonSpace(this.s.charCodeAt(this.pos))) this.pos++;
  }

  /** Parses a string starting at `"`; returns its decoded value or null if invalid. */
  string(): string | null {
    const s = this.s;
    let i = this.pos + 1;
    let out = '';
    let chunk = i;
    while (i < this.to) {
      const c = s.charCodeAt(i);
      if (c === 34) {
        out += s.slice(chunk, i);
        this.pos = i + 1;
        return fixSurrogates(out);
      }
      if (c < 0x20) return null;
      if (c === 92) {
        out += s.slice(chunk, i);
        const e = s.charCodeAt(i + 1);
        switch (e) {
          case 34: out += '"'; break;
          case 92: out += '\\'; break;
          case 47: out += '/'; break;
          case 98: out += '\b'; break;
          case 102: out += '\f'; break;
          case 110: out += '\n'; break;
          case 114: out += '\r'; break;
          case 116: out += '\t'; break;
          case 117: {
            const hex = s.slice(i + 2, i + 6);
            if (i + 6 > this.to || !/^[0-9a-fA-F]{4}$/.test(hex)) return null;
            out += String.fromCharCode(parseInt(hex, 16));
            i += 6;
            chunk = i;
            continue;
          }
          default:
            return null;
        }
        i += 2;
        chunk = i;
        continue;
      }
      i++;
    }
    return null;
  }

  number(): boolean {
    const m = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/.exec(this.s.slice(this.pos, Math.min(this.to, this.pos + 400)));
    if (!m) return false;
    // Go fails to unmarshal numbers out of float64 range: that is not a syntax error,
    // so BuildKit falls back to shell form rather than rejecting the array.
    if (!Number.isFinite(Number(m[0]))) return false;
    this.pos += m[0].length;
    return true;
  }

  literal(word: string): boolean {
    if (this.s.startsWith(word, this.pos) && this.pos + word.length <= this.to) {
      this.pos += word.length;
      return true;
    }
    return false;
  }

  /** Any JSON value; marks non-string values. Depth-limited to stay iterative-safe. */
  value(depth: number): boolean {
    // Go allows 10,000 levels; we stop earlier to keep the recursion within the JS stack.
    if (depth > 2000) return false;
    this.ws();
    if (this.pos >= this.to) return false;
    const c = this.s.charCodeAt(this.pos);
    if (c === 34) return this.string() !== null;
    if (c === 91) return this.array(depth + 1);
    if (c === 123) return this.object(depth + 1);
    if (c === 116) return this.literal('true');
    if (c === 102) return this.literal('false');
    if (c === 110) return this.literal('null');
    return this.number();
  }

  array(depth: number): boolean {
    this.pos++;
    this.ws();
    if (this.s.charCodeAt(this.pos) === 93 && this.pos < this.to) {
      this.pos++;
      return true;
    }
    for (;;) {
      if (!this.value(depth)) return false;
      this.ws();
      if (this.pos >= this.to) return false;
      const c = this.s.charCodeAt(this.pos++);
      if (c === 93) return true;
      if (c !== 44) return false;
    }
  }

  object(depth: number): boolean {
    this.pos++;
    this.ws();
    if (this.s.charCodeAt(this.pos) === 125 && this.pos < this.to) {
      this.pos++;
      return true;
    }
    for (;;) {
      this.ws();
      if (this.s.charCodeAt(this.pos) !== 34 || this.string() === null) return false;
      this.ws();
      if (this.s.charCodeAt(this.pos) !== 58 || this.pos >= this.to) return false;
      this.pos++;
      if (!this.value(depth)) return false;
      this.ws();
      if (this.pos >= this.to) return false;
      const c = this.s.charCodeAt(this.pos++);
      if (c === 125) return true;
      if (c !== 44) return false;
    }
  }
}

/** Go decodes lone surrogate escapes (and invalid UTF-8) to U+FFFD. */
function fixSurrogates(s: string): string {
  return s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** Tests s[from, to) (which starts with `[`) the way BuildKit's parseJSON does. */
export function scanJsonArray(s: string, from: number, to: number): JsonArrayResult {
  const sc = new Scanner(s, from, to);
  if (s.charCodeAt(from) !== 91) return INVALID;
  sc.pos = from + 1;
  const elements: { value: string; start: number; end: number }[] = [];
  let nonString = false;
  sc.ws();
  if (sc.pos < to && s.charCodeAt(sc.pos) === 93) {
    sc.pos++;
  } else {
    for (;;) {
      sc.ws();
      if (sc.pos >= to) return INVALID;
      const start = sc.pos;
      if (s.charCodeAt(start) === 34) {
        const v = sc.string();
        if (v === null) return INVALID;
        elements.push({ value: v, start, end: sc.pos });
      } else {
        if (!sc.value(0)) return INVALID;
        nonString = true;
      }
      sc.ws();
      if (sc.pos >= to) return INVALID;
      const c = s.charCodeAt(sc.pos++);
      if (c === 93) break;
      if (c !== 44) return INVALID;
    }
  }
  const end = sc.pos;
  sc.ws();
  if (sc.pos !== to) return INVALID;
  return nonString ? { kind: 'non-string' } : { kind: 'strings', elements, end };
}
