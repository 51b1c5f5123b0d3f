/** Go's strconv.Quote, which BuildKit's AST dump and its error messages use. */

const PRINTABLE = /[\p{L}\p{M}\p{N}\p{P}\p{S}]/u;

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

function isGoPrint(cp: number): boolean {
  if (cp < 0x80) return cp >= 0x20 && cp < 0x7f;
  if (cp <= 0xff) return cp >= 0xa1 && cp !== 0xad;
  return PRINTABLE.test(String.fromCodePoint(cp));
}

export function goQuote(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f) {
      if (c === 34) out += '\\"';
      else if (c === 92) out += '\\\\';
      else out += s[i];
      continue;
    }
    switch (c) {
      case 7: out += '\\a'; continue;
      case 8: out += '\\b'; continue;
      case 12: out += '\\f'; continue;
      case 10: out += '\\n'; continue;
      case 13: out += '\\r'; continue;
      case 9: out += '\\t'; continue;
      case 11: out += '\\v'; continue;
    }
    if (c < 0x20 || c === 0x7f) {
      out += '\\x' + hex(c, 2);
      continue;
    }
    let cp = c;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      }
    }
    if (cp >= 0xdc80 && cp <= 0xdcff) {
      // A byte that was not valid UTF-8, kept by the decoder: Go prints it as \xHH.
      out += '\\x' + hex(cp - 0xdc00, 2);
      continue;
    }
    if (cp >= 0xd800 && cp <= 0xdfff) {
      out += '\\ufffd';
      continue;
    }
    if (isGoPrint(cp)) out += String.fromCodePoint(cp);
    else if (cp < 0x10000) out += '\\u' + hex(cp, 4);
    else out += '\\U' + hex(cp, 8);
  }
  return out + '"';
}
