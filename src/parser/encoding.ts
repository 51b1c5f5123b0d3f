/**
 * Bytes → text for Dockerfiles, and back. UTF-8 (with or without BOM) is decoded losslessly: a
 * byte that is not valid UTF-8 is kept as the lone surrogate U+DC80+byte (Python's
 * "surrogateescape"), so that printing the text back gives the same bytes. UTF-16 and UTF-32 files
 * with a BOM are decoded (BuildKit itself only reads UTF-8; the linter says so). Other binary
 * input is refused.
 */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be';

export interface DecodedText {
  readonly text: string;
  readonly encoding: TextEncodingName;
  /** True when some bytes were not valid UTF-8 (kept as escapes). */
  readonly invalidUtf8: boolean;
}

export class DecodeError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
    this.name = 'DecodeError';
  }
}

function lineColumnOfByte(bytes: Uint8Array, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < index; i++) {
    if (bytes[i] === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: index - lineStart + 1 };
}

function decodeUtf32(bytes: Uint8Array, littleEndian: boolean): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let out = '';
  for (let i = 4; i + 3 < bytes.length; i += 4) {
    const cp = view.getUint32(i, littleEndian);
    out += cp <= 0x10ffff ? String.fromCodePoint(cp) : '\ufffd';
  }
  return '\ufeff' + out;
}

/** A UTF-8 decoder that keeps invalid bytes as U+DC80..U+DCFF. */
function decodeUtf8Escaped(bytes: Uint8Array): string {
  const parts: string[] = [];
  let chunk: number[] = [];
  const flush = (): void => {
    if (chunk.length) parts.push(String.fromCharCode(...chunk));
    chunk = [];
  };
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    let cp = -1;
    let n = 0;
    if (b < 0x80) {
      cp = b;
      n = 1;
    } else if (b >= 0xc2 && b <= 0xdf) {
      const b1 = bytes[i + 1] ?? 0;
      if ((b1 & 0xc0) === 0x80) {
        cp = ((b & 0x1f) << 6) | (b1 & 0x3f);
        n = 2;
      }
    } else if (b >= 0xe0 && b <= 0xef) {
      const b1 = bytes[i + 1] ?? 0;
      const b2 = bytes[i + 2] ?? 0;
      if ((b1 & 0xc0) === 0x80 && (b2 & 0xc0) === 0x80) {
        const v = ((b & 0x0f) << 12) | ((b1 & 0x3f) << 6) | (b2 & 0x3f);
        if (v >= 0x800 && (v < 0xd800 || v > 0xdfff)) {
          cp = v;
          n = 3;
        }
      }
    } else if (b >= 0xf0 && b <= 0xf4) {
      const b1 = bytes[i + 1] ?? 0;
      const b2 = bytes[i + 2] ?? 0;
      const b3 = bytes[i + 3] ?? 0;
      if ((b1 & 0xc0) === 0x80 && (b2 & 0xc0) === 0x80 && (b3 & 0xc0) === 0x80) {
        const v = ((b & 0x07) << 18) | ((b1 & 0x3f) << 12) | ((b2 & 0x3f) << 6) | (b3 & 0x3f);
        if (v >= 0x10000 && v <= 0x10ffff) {
          cp = v;
          n = 4;
        }
      }
    }
    if (cp < 0) {
      chunk.push(0xdc00 + b);
      i++;
    } else {
      if (cp >= 0x10000) {
        const v = cp - 0x10000;
        chunk.push(0xd800 + (v >> 10), 0xdc00 + (v & 0x3ff));
      } else chunk.push(cp);
      i += n;
    }
    if (chunk.length > 4096) flush();
  }
  flush();
  return parts.join('');
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decodeDockerfile(bytes: Uint8Array): DecodedText {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xff && b1 === 0xfe) {
    if (bytes[2] === 0 && bytes[3] === 0) return { text: decodeUtf32(bytes, true), encoding: 'utf-32le', invalidUtf8: false };
    return { text: new TextDecoder('utf-16le', { ignoreBOM: true }).decode(bytes), encoding: 'utf-16le', invalidUtf8: false };
  }
  if (b0 === 0xfe && b1 === 0xff) {
    return { text: new TextDecoder('utf-16be', { ignoreBOM: true }).decode(bytes), encoding: 'utf-16be', invalidUtf8: false };
  }
  if (b0 === 0 && b1 === 0 && bytes[2] === 0xfe && bytes[3] === 0xff) {
    return { text: decodeUtf32(bytes, false), encoding: 'utf-32be', invalidUtf8: false };
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const { line, column } = lineColumnOfByte(bytes, nul);
    throw new DecodeError(`binary file: NUL byte at line ${line}, column ${column}; a Dockerfile is text`, line, column);
  }
  try {
    return { text: utf8Strict.decode(bytes), encoding: 'utf-8', invalidUtf8: false };
  } catch {
    return { text: decodeUtf8Escaped(bytes), encoding: 'utf-8', invalidUtf8: true };
  }
}

function encodeUtf8Escaped(text: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0xdc80 && c <= 0xdcff) {
      out.push(c - 0xdc00);
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      }
    }
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 0x3f));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 0x3f), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
  }
  return Uint8Array.from(out);
}

/** Encodes text in the encoding it was read with (so a fixed file keeps its encoding). */
export function encodeDockerfile(text: string, encoding: TextEncodingName, invalidUtf8 = false): Uint8Array {
  switch (encoding) {
    case 'utf-8':
      return invalidUtf8 ? encodeUtf8Escaped(text) : new TextEncoder().encode(text);
    case 'utf-16le':
    case 'utf-16be': {
      const out = new Uint8Array(text.length * 2);
      const le = encoding === 'utf-16le';
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        out[2 * i + (le ? 0 : 1)] = c & 0xff;
        out[2 * i + (le ? 1 : 0)] = c >> 8;
      }
      return out;
    }
    case 'utf-32le':
    case 'utf-32be': {
      const cps = Array.from(text, (ch) => ch.codePointAt(0) as number);
      const out = new Uint8Array(cps.length * 4);
      const view = new DataView(out.buffer);
      cps.forEach((cp, i) => view.setUint32(i * 4, cp, encoding === 'utf-32le'));
      return out;
    }
  }
}
