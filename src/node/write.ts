/**
 * Atomic writes: the new content goes to a temporary file in the same folder, which then replaces
 * the original by rename, keeping its permissions. A failure at any point leaves the original intact.
 */
import { chmodSync, closeSync, fsyncSync, linkSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export class WriteError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
    this.name = 'WriteError';
  }
}

export function writeFileAtomic(path: string, data: Uint8Array, shown = path): void {
  let mode: number;
  try {
    mode = statSync(path).mode & 0o7777;
  } catch (err) {
    throw new WriteError(shown, `the file changed or disappeared before it could be written (${(err as NodeJS.ErrnoException).code ?? 'error'}); nothing was written`);
  }
  const tmp = join(dirname(path), `.${basename(path)}.dockwise-${process.pid}-${Date.now()}.tmp`);
  let fd: number | null = null;
  try {
    fd = openSync(tmp, 'wx', mode);
    let off = 0;
    while (off < data.length) off += writeSync(fd, data, off, data.length - off);
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    chmodSync(tmp, mode);
    renameSync(tmp, path);
  } catch (err) {
    if (fd !== null) {
      try {
        closeSync(fd);
      } catch {
        // already failing
      }
    }
    try {
      unlinkSync(tmp);
    } catch {
      // the temporary file may not exist
    }
    throw new WriteError(shown, `could not write the fixed file (${(err as NodeJS.ErrnoException).code ?? String(err)}); the original is unchanged`);
  }
}

/**
 * Creates a new file atomically: the content goes to a temporary file that is then hard-linked to
 * `path`, which fails if `path` appeared meanwhile (nothing is overwritten). Mode 0666 minus umask.
 */
export function createFileAtomic(path: string, data: Uint8Array, shown = path): void {
  const tmp = join(dirname(path), `.${basename(path)}.dockwise-${process.pid}-${Date.now()}.tmp`);
  let fd: number | null = null;
  try {
    fd = openSync(tmp, 'wx', 0o666);
    let off = 0;
    while (off < data.length) off += writeSync(fd, data, off, data.length - off);
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    linkSync(tmp, path);
  } catch (err) {
    if (fd !== null) {
      try {
        closeSync(fd);
      } catch {
        // already failing
      }
    }
    const c = (err as NodeJS.ErrnoException).code;
    throw new WriteError(shown, c === 'EEXIST' ? 'the file appeared while dockwise was fixing; nothing was written' : `could not create the file (${c ?? String(err)})`);
  } finally {
    try {
      unlinkSync(tmp);
    } catch {
      // the temporary file may not exist
    }
  }
}
