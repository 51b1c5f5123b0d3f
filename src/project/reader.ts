/**
 * How the project layer sees the build context: an injected reader that lists the files under the
 * context (with sizes) and reads a file's text. The Node adapter reads the disk
 * (src/node/project-reader.ts); tests and the browser use `memoryReader`. Readers never throw for
 * a missing file: `read` answers null.
 */
import { basename, cleanPath, dirname } from './paths.js';

export type EntryType = 'file' | 'dir' | 'symlink';

/**
 * Why a folder was listed but not walked into: VCS metadata, a virtualenv (it has `pyvenv.cfg` or
 * `conda-meta`), installed dependencies (`node_modules`), a tool cache, a folder that could not be
 * read, or a limit reached.
 */
export type OpaqueReason = 'vcs' | 'virtualenv' | 'dependencies' | 'cache' | 'unreadable' | 'limit';

export interface ContextEntry {
  /** Context-relative, slash-separated (`src/app.py`). */
  readonly path: string;
  readonly type: EntryType;
  /** Bytes (0 for folders). */
  readonly size: number;
  /** Set on folders whose content is not listed. */
  readonly opaque?: OpaqueReason;
}

export interface ContextListing {
  /** Every entry, parents before children, sorted by path within a folder. */
  readonly entries: readonly ContextEntry[];
  /** False when a limit stopped the walk: absence of a path then proves nothing. */
  readonly complete: boolean;
  /** Why the listing is incomplete. */
  readonly note?: string;
}

export interface ProjectReader {
  list(): ContextListing;
  /** The text of a context-relative file (UTF-8, BOM removed), or null when missing, unreadable or larger than `maxBytes`. */
  read(path: string, maxBytes?: number): string | null;
}

export interface ProjectLimits {
  /** Entries listed before the walk stops. */
  readonly maxEntries: number;
  /** Folder depth walked. */
  readonly maxDepth: number;
  /** Largest manifest or source file read. */
  readonly maxFileBytes: number;
  /** Largest lock file read (lock files of big projects run to megabytes). */
  readonly maxLockBytes: number;
  /** Bytes read in total for one context. */
  readonly maxTotalBytes: number;
  /** Python modules scanned for the application object. */
  readonly maxPythonFiles: number;
}

export const DEFAULT_LIMITS: ProjectLimits = {
  maxEntries: 20_000,
  maxDepth: 32,
  maxFileBytes: 1024 * 1024,
  maxLockBytes: 8 * 1024 * 1024,
  maxTotalBytes: 32 * 1024 * 1024,
  maxPythonFiles: 300,
};

const VCS = new Set(['.git', '.hg', '.svn', '.bzr']);
const CACHES = new Set(['__pycache__', '.pytest_cache', '.mypy_cache', '.ruff_cache', '.tox', '.nox', '.hypothesis', '.pytype', '.pyre', '.ipynb_checkpoints']);

/**
 * Folders a walker lists without entering: VCS metadata, virtualenvs (recognised by `pyvenv.cfg`
 * or `conda-meta` inside, whatever their name), `node_modules`, Python tool caches.
 */
export function opaqueReason(name: string, childNames: readonly string[]): OpaqueReason | null {
  if (VCS.has(name)) return 'vcs';
  if (childNames.includes('pyvenv.cfg') || childNames.includes('conda-meta')) return 'virtualenv';
  if (name === 'node_modules') return 'dependencies';
  if (CACHES.has(name)) return 'cache';
  return null;
}

function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

/**
 * A reader over an in-memory file map (`{ 'app.py': '…' }`). A key ending in `/` declares an empty
 * folder. Folders are walked with the same policy as on disk (`.git` and virtualenvs stay opaque).
 */
export function memoryReader(files: Readonly<Record<string, string>>, limits: Partial<ProjectLimits> = {}): ProjectReader {
  const max = { ...DEFAULT_LIMITS, ...limits };
  const contents = new Map<string, string>();
  const dirs = new Set<string>();
  for (const [rawPath, text] of Object.entries(files)) {
    const isDir = rawPath.endsWith('/');
    const path = cleanPath(rawPath).replace(/^\/+/, '');
    if (path === '.' || path === '') continue;
    if (isDir) dirs.add(path);
    else contents.set(path, text);
    for (let d = dirname(path); d !== '.' && d !== '/'; d = dirname(d)) dirs.add(d);
  }
  let listing: ContextListing | null = null;
  return {
    list() {
      if (listing) return listing;
      const children = new Map<string, string[]>();
      for (const p of [...dirs, ...contents.keys()]) {
        const parent = dirname(p);
        const list = children.get(parent) ?? [];
        list.push(p);
        children.set(parent, list);
      }
      const entries: ContextEntry[] = [];
      let complete = true;
      const walk = (dir: string, depth: number): void => {
        const kids = (children.get(dir) ?? []).sort();
        for (const p of kids) {
          if (entries.length >= max.maxEntries) {
            complete = false;
            return;
          }
          if (dirs.has(p)) {
            const names = (children.get(p) ?? []).map(basename);
            const opaque = opaqueReason(basename(p), names) ?? (depth + 1 >= max.maxDepth ? 'limit' : null);
            if (opaque === 'limit') complete = false;
            entries.push(opaque ? { path: p, type: 'dir', size: 0, opaque } : { path: p, type: 'dir', size: 0 });
            if (!opaque) walk(p, depth + 1);
          } else {
            entries.push({ path: p, type: 'file', size: byteLength(contents.get(p) ?? '') });
          }
        }
      };
      walk('.', 0);
      listing = complete ? { entries, complete } : { entries, complete, note: `the listing stopped at a limit (${max.maxEntries} entries, depth ${max.maxDepth})` };
      return listing;
    },
    read(path, maxBytes = max.maxFileBytes) {
      const text = contents.get(cleanPath(path).replace(/^\/+/, ''));
      if (text === undefined) return null;
      if (byteLength(text) > maxBytes) return null;
      return text.startsWith('\uFEFF') ? text.slice(1) : text;
    },
  };
}

/** A reader that sees `overrides` (new contents of some files, possibly new files) over `base`. */
export function overlayReader(base: ProjectReader, overrides: ReadonlyMap<string, string>): ProjectReader {
  let listing: ContextListing | null = null;
  return {
    list() {
      if (listing) return listing;
      const inner = base.list();
      const known = new Set(inner.entries.map((e) => e.path));
      const added: ContextEntry[] = [];
      for (const [path, text] of overrides) {
        if (!known.has(path)) added.push({ path, type: 'file', size: byteLength(text) });
      }
      const entries = inner.entries.map((e) => {
        const text = overrides.get(e.path);
        return text === undefined ? e : { ...e, size: byteLength(text) };
      });
      listing = { ...inner, entries: [...entries, ...added] };
      return listing;
    },
    read(path, maxBytes) {
      const text = overrides.get(path);
      if (text !== undefined) return text;
      return base.read(path, maxBytes);
    },
  };
}
