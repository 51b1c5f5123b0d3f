/**
 * A small, strict XML 1.0 well-formedness checker for the formatter tests (no DTDs, no namespaces
 * processing). It enforces what our escaping is responsible for: the Char production on the whole
 * document and on character references, only the five predefined entities, no `<` or `&` raw in
 * attribute values, no `]]>` in text, matching tags, unique attributes, one root element.
 * It returns the element tree with decoded attribute values and text, so tests can check that
 * values survive escaping.
 */
export interface XmlElement {
  readonly name: string;
  readonly attributes: ReadonlyMap<string, string>;
  readonly children: XmlElement[];
  /** The decoded character data directly inside the element (concatenated). */
  text: string;
}

export class XmlError extends Error {}

const NAME = /[A-Za-z_:][-A-Za-z0-9._:]*/y;
const PREDEFINED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function isXmlChar(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

export function parseXml(xml: string): XmlElement {
  // the Char production, over the raw text (a lone surrogate is not a character)
  for (let i = 0; i < xml.length; i++) {
    const cp = xml.codePointAt(i) as number;
    if (cp > 0xffff) i++;
    if (!isXmlChar(cp)) throw new XmlError(`character U+${cp.toString(16).toUpperCase().padStart(4, '0')} at ${i} is not allowed in XML 1.0`);
  }
  let pos = 0;
  const fail = (why: string): never => {
    throw new XmlError(`${why} at offset ${pos}: ${JSON.stringify(xml.slice(pos, pos + 30))}`);
  };
  const skipSpace = (): boolean => {
    const start = pos;
    while (pos < xml.length && ' \t\r\n'.includes(xml[pos] as string)) pos++;
    return pos > start;
  };
  const name = (): string => {
    NAME.lastIndex = pos;
    const m = NAME.exec(xml);
    if (m === null) return fail('expected a name');
    pos = NAME.lastIndex;
    return m[0];
  };
  const reference = (): string => {
    // at '&'
    const end = xml.indexOf(';', pos);
    if (end === -1) return fail('unterminated reference');
    const body = xml.slice(pos + 1, end);
    let value: string;
    if (/^#[0-9]+$/.test(body) || /^#x[0-9A-Fa-f]+$/.test(body)) {
      const cp = body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (!isXmlChar(cp)) return fail(`character reference &${body}; names a character XML 1.0 forbids`);
      value = String.fromCodePoint(cp);
    } else {
      const v = PREDEFINED[body];
      if (v === undefined) return fail(`unknown entity &${body};`);
      value = v;
    }
    pos = end + 1;
    return value;
  };
  const commentOrPi = (): boolean => {
    if (xml.startsWith('<!--', pos)) {
      const end = xml.indexOf('-->', pos + 4);
      if (end === -1) fail('unterminated comment');
      if (xml.slice(pos + 4, end).includes('--')) fail('`--` inside a comment');
      pos = end + 3;
      return true;
    }
    if (xml.startsWith('<?', pos) && !xml.startsWith('<?xml', pos)) {
      const end = xml.indexOf('?>', pos);
      if (end === -1) fail('unterminated processing instruction');
      pos = end + 2;
      return true;
    }
    return false;
  };
  const skipMisc = (): void => {
    do skipSpace();
    while (commentOrPi());
  };
  const element = (): XmlElement => {
    if (xml[pos] !== '<') fail('expected an element');
    pos++;
    const tag = name();
    const attributes = new Map<string, string>();
    for (;;) {
      const spaced = skipSpace();
      if (xml.startsWith('/>', pos)) {
        pos += 2;
        return { name: tag, attributes, children: [], text: '' };
      }
      if (xml[pos] === '>') {
        pos++;
        break;
      }
      if (!spaced) fail('expected whitespace before an attribute');
      const attr = name();
      skipSpace();
      if (xml[pos] !== '=') fail('expected `=`');
      pos++;
      skipSpace();
      const quote = xml[pos];
      if (quote !== '"' && quote !== "'") return fail('expected a quoted attribute value');
      pos++;
      let value = '';
      while (xml[pos] !== quote) {
        const ch = xml[pos];
        if (ch === undefined) fail('unterminated attribute value');
        if (ch === '<') fail('`<` in an attribute value');
        if (ch === '&') value += reference();
        else {
          // attribute-value normalisation: literal whitespace characters become spaces
          value += ch === '\t' || ch === '\n' || ch === '\r' ? ' ' : ch;
          pos++;
        }
      }
      pos++;
      if (attributes.has(attr)) fail(`duplicate attribute ${attr}`);
      attributes.set(attr, value);
    }
    const el: XmlElement = { name: tag, attributes, children: [], text: '' };
    for (;;) {
      if (pos >= xml.length) fail(`unclosed element <${tag}>`);
      if (xml.startsWith('</', pos)) {
        pos += 2;
        const closing = name();
        if (closing !== tag) fail(`</${closing}> closes <${tag}>`);
        skipSpace();
        if (xml[pos] !== '>') fail('expected `>`');
        pos++;
        return el;
      }
      if (xml.startsWith('<![CDATA[', pos)) {
        const end = xml.indexOf(']]>', pos);
        if (end === -1) fail('unterminated CDATA section');
        el.text += xml.slice(pos + 9, end);
        pos = end + 3;
      } else if (commentOrPi()) {
        continue;
      } else if (xml[pos] === '<') {
        el.children.push(element());
      } else if (xml[pos] === '&') {
        el.text += reference();
      } else {
        if (xml.startsWith(']]>', pos)) fail('`]]>` in character data');
        // line-end normalisation: CRLF and CR become LF
        if (xml[pos] === '\r') {
          el.text += '\n';
          pos += xml[pos + 1] === '\n' ? 2 : 1;
        } else {
          el.text += xml[pos] as string;
          pos++;
        }
      }
    }
  };

  if (xml.startsWith('<?xml', pos)) {
    const end = xml.indexOf('?>', pos);
    if (end === -1) fail('unterminated XML declaration');
    const decl = xml.slice(pos, end + 2);
    if (!/^<\?xml\s+version\s*=\s*(["'])1\.[0-9]+\1(\s+encoding\s*=\s*(["'])[A-Za-z][A-Za-z0-9._-]*\3)?(\s+standalone\s*=\s*(["'])(yes|no)\5)?\s*\?>$/.test(decl)) {
      fail('malformed XML declaration');
    }
    pos = end + 2;
  }
  skipMisc();
  const root = element();
  skipMisc();
  if (pos !== xml.length) fail('content after the root element');
  return root;
}

/** Every element of the tree, depth first. */
export function allElements(root: XmlElement): XmlElement[] {
  const out: XmlElement[] = [root];
  for (const c of root.children) out.push(...allElements(c));
  return out;
}
