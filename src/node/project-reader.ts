/**
 * The build context read from disk, for the project layer: a walk that lists files with their
 * sizes (symlinks are listed, never followed), lists but does not enter `.git`, virtualenvs,
 * `node_modules` and tool caches, and stops at the limits; and reads of single files within the
 * size limit. A context that cannot be read at all is a `ContextError`.
 */
import { lstatSync, readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_LIMITS, opaqueReason, type ContextEntry, type ContextListing, type ProjectLimits, type ProjectReader } from '../project/index.js';

export class ContextError extends Error {
  constructor(
    readonly root: string,
    message: string,
  ) {
    super(message);
    this.name = 'ContextError';
  }
}

function code(err: unknown): string {
  return (err as NodeJS.ErrnoException).code ?? (err instanceof Error ? err.message : String(err));
}

/** A reader over the folder `root`; throws ContextError when it is not a readable folder. */
export function createFsReader(root: string, limits: Partial<ProjectLimits> = {}): ProjectReader {
  const max = { ...DEFAULT_LIMITS, ...limits };
  try {
    if (!statSync(root).isDirectory()) throw new ContextError(root, `the build context ${root} is not a folder`);
    readdirSync(root);
  } catch (err) {
    if (err instanceof ContextError) throw err;
    const c = code(err);
    throw new ContextError(root, `the build context ${root} cannot be read (${c === 'ENOENT' ? 'no such folder' : c === 'EACCES' ? 'permission denied' : c})`);
  }
  let listing: ContextListing | null = null;
  const decoder = new TextDecoder('utf-8');

  const walk = (): ContextListing => {
    const entries: ContextEntry[] = [];
    let complete = true;
    let note: string | undefined;
    const stop = (why: string): void => {
      complete = false;
      note ??= why;
    };
    const visit = (rel: string, depth: number): void => {
      let dirents: Dirent[];
      try {
        dirents = readdirSync(rel === '' ? root : join(root, rel), { withFileTypes: true });
      } catch {
        return; // the caller marked it unreadable when it could not list it
      }
      dirents.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const d of dirents) {
        if (entries.length >= max.maxEntries) {
          stop(`the listing stopped after ${max.maxEntries} entries`);
          return;
        }
        const path = rel === '' ? d.name : `${rel}/${d.name}`;
        const abs = join(root, path);
        if (d.isSymbolicLink()) {
          entries.push({ path, type: 'symlink', size: 0 });
        } else if (d.isDirectory()) {
          let names: string[] = [];
          let opaque = null as ContextEntry['opaque'] | null;
          try {
            names = readdirSync(abs);
          } catch {
            opaque = 'unreadable';
          }
          opaque ??= opaqueReason(d.name, names);
          if (!opaque && depth + 1 >= max.maxDepth) {
            opaque = 'limit';
            stop(`the listing stopped at depth ${max.maxDepth}`);
          }
          entries.push(opaque ? { path, type: 'dir', size: 0, opaque } : { path, type: 'dir', size: 0 });
          if (!opaque) visit(path, depth + 1);
        } else if (d.isFile()) {
          let size = 0;
          try {
            size = lstatSync(abs).size;
          } catch {
            // vanished while walking: list it with size 0
          }
          entries.push({ path, type: 'file', size });
        }
      }
    };
    visit('', 0);
    return note === undefined ? { entries, complete } : { entries, complete, note };
  };

  return {
    list() {
      listing ??= walk();
      return listing;
    },
    read(path, maxBytes = max.maxFileBytes) {
      if (path.split('/').includes('..') || path.startsWith('/')) return null;
      const abs = join(root, path);
      try {
        const st = lstatSync(abs);
        if (!st.isFile() || st.size > maxBytes) return null;
        const text = decoder.decode(readFileSync(abs));
        return text.startsWith('\uFEFF') ? text.slice(1) : text;
      } catch {
        return null;
      }
    },
  };
}
