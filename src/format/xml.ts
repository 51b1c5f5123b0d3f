/**
 * XML 1.0 text and attribute escaping. Characters XML 1.0 cannot carry at all — not even as
 * character references — are C0 controls other than tab/LF/CR, U+FFFE, U+FFFF and lone surrogates;
 * they are replaced by visible stand-ins (the C0 control's Control Picture, U+2400 + code, or
 * U+FFFD for the rest) so the document stays well-formed and the reader still sees something was
 * there.
 */
export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

function escapeXml(s: string, attribute: boolean): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += s[i] + (s[i + 1] as string);
        i++;
      } else {
        out += '\uFFFD';
      }
      continue;
    }
    if ((c >= 0xdc00 && c <= 0xdfff) || c === 0xfffe || c === 0xffff) {
      out += '\uFFFD';
      continue;
    }
    switch (c) {
      case 0x26:
        out += '&amp;';
        continue;
      case 0x3c:
        out += '&lt;';
        continue;
      case 0x3e:
        out += '&gt;';
        continue;
      case 0x22:
        out += attribute ? '&quot;' : '"';
        continue;
      case 0x27:
        out += attribute ? '&apos;' : "'";
        continue;
      case 0x09:
        // attribute-value normalisation would turn a literal tab or newline into a space
        out += attribute ? '&#9;' : '\t';
        continue;
      case 0x0a:
        out += attribute ? '&#10;' : '\n';
        continue;
      case 0x0d:
        // a literal CR is normalised away by every parser, in text too
        out += '&#13;';
        continue;
    }
    out += c < 0x20 ? String.fromCharCode(0x2400 + c) : (s[i] as string);
  }
  return out;
}

export function escapeXmlText(s: string): string {
  return escapeXml(s, false);
}

export function escapeXmlAttr(s: string): string {
  return escapeXml(s, true);
}

/** `name="value"` pairs, escaped, joined with spaces (in the given order). */
export function xmlAttrs(attrs: readonly (readonly [string, string | number])[]): string {
  return attrs.map(([k, v]) => `${k}="${escapeXmlAttr(String(v))}"`).join(' ');
}
