import { readFileSync, statSync } from 'node:fs';
import { DecodeError, decodeDockerfile, type DecodedText } from '../parser/encoding.js';
import { InputError } from './files.js';

/** Larger than any real Dockerfile by far; a guard against pointing the linter at a disk image. */
export const MAX_DOCKERFILE_BYTES = 64 * 1024 * 1024;

export function readStdin(): Uint8Array {
  return readFileSync(0);
}

/** Reads and decodes a Dockerfile, with a clear InputError for anything that is not one. */
export function readDockerfile(abs: string, shown: string): DecodedText & { bytes: Uint8Array } {
  let bytes: Uint8Array;
  try {
    if (abs === '-') bytes = readStdin();
    else {
      const st = statSync(abs);
      if (st.isDirectory()) throw new InputError(shown, 'is a directory');
      if (st.size > MAX_DOCKERFILE_BYTES) throw new InputError(shown, `file too large (${st.size} bytes; the limit is ${MAX_DOCKERFILE_BYTES})`);
      bytes = readFileSync(abs);
    }
  } catch (err) {
    if (err instanceof InputError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(shown, code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : `cannot read (${code ?? String(err)})`);
  }
  if (bytes.length > MAX_DOCKERFILE_BYTES) throw new InputError(shown, `input too large (${bytes.length} bytes)`);
  try {
    return { ...decodeDockerfile(bytes), bytes };
  } catch (err) {
    if (err instanceof DecodeError) throw new InputError(`${shown}:${err.line}:${err.column}`, err.message);
    throw err;
  }
}
