/**
 * The build context as BuildKit sends it: the listed files minus what the ignore file excludes,
 * and what each COPY/ADD source resolves to in it.
 */
import { decide, type IgnoreDecision, type IgnoreFile } from './dockerignore.js';
import { goGlobMatch } from './glob.js';
import { basename, contextPath, dirname, hasWildcard, isWithin, segments } from './paths.js';
import type { ContextEntry, ContextListing } from './reader.js';

export type SourceState =
  /** The source is in the sent context (for a wildcard: possibly matching nothing). */
  | 'found'
  /** It exists but the ignore file keeps it out of the context. */
  | 'excluded'
  /** It does not exist in the context. */
  | 'missing'
  /** We cannot tell (inside a folder we did not walk, an incomplete listing, a symlinked folder). */
  | 'unknown';

export interface SourceResolution {
  /** The context-relative cleaned source (`.` for the root). */
  readonly path: string;
  readonly state: SourceState;
  readonly wildcard: boolean;
  /** What it sends: files, symlinks and unwalked folders (folders are expanded). */
  readonly entries: readonly ContextEntry[];
  /** For `excluded`: the decision (which pattern). */
  readonly decision: IgnoreDecision | null;
}

export class BuildContext {
  readonly listing: ContextListing;
  readonly ignoreFile: IgnoreFile | null;
  private readonly byPath = new Map<string, ContextEntry>();
  private readonly children = new Map<string, ContextEntry[]>();
  private readonly decisions = new Map<string, IgnoreDecision>();
  private sentCache: readonly ContextEntry[] | null = null;
  private readonly sentDirs = new Set<string>();

  constructor(listing: ContextListing, ignoreFile: IgnoreFile | null) {
    this.listing = listing;
    this.ignoreFile = ignoreFile;
    for (const e of listing.entries) {
      this.byPath.set(e.path, e);
      const parent = dirname(e.path);
      const list = this.children.get(parent);
      if (list) list.push(e);
      else this.children.set(parent, [e]);
    }
  }

  entry(path: string): ContextEntry | undefined {
    return this.byPath.get(contextPath(path));
  }

  /** Entries directly inside a folder (`.` for the root). */
  childrenOf(dir: string): readonly ContextEntry[] {
    return this.children.get(dir) ?? [];
  }

  /** The ignore decision for a context path (cached). */
  decision(path: string): IgnoreDecision {
    let d = this.decisions.get(path);
    if (!d) {
      d = this.ignoreFile ? decide(this.ignoreFile.patterns, path) : { excluded: false, pattern: null };
      this.decisions.set(path, d);
    }
    return d;
  }

  isExcluded(path: string): boolean {
    return this.decision(contextPath(path)).excluded;
  }

  /** Every entry BuildKit sends (files, symlinks, unwalked folders), in listing order. */
  sent(): readonly ContextEntry[] {
    if (this.sentCache) return this.sentCache;
    const out: ContextEntry[] = [];
    for (const e of this.listing.entries) {
      if (e.type === 'dir' && !e.opaque) continue;
      if (this.decision(e.path).excluded) continue;
      out.push(e);
      for (let d = dirname(e.path); d !== '.' && !this.sentDirs.has(d); d = dirname(d)) this.sentDirs.add(d);
    }
    this.sentCache = out;
    return out;
  }

  /** Is a walked folder present in the sent context (not excluded, or holding something sent)? */
  private dirSent(path: string): boolean {
    this.sent();
    return this.sentDirs.has(path) || !this.decision(path).excluded;
  }

  /** The nearest listed ancestor that hides its content (unwalked folder or symlink), if any. */
  private opaqueAncestor(path: string): ContextEntry | undefined {
    for (let d = dirname(path); d !== '.' && d !== '/'; d = dirname(d)) {
      const e = this.byPath.get(d);
      if (e && (e.opaque || e.type === 'symlink')) return e;
    }
    return undefined;
  }

  /** Sent entries at or below a path. */
  sentUnder(path: string): ContextEntry[] {
    return this.sent().filter((e) => isWithin(e.path, path));
  }

  /** What a COPY/ADD source (already expanded, quotes removed) names in the context. */
  resolve(source: string): SourceResolution {
    const path = contextPath(source);
    if (path === '.') return { path, state: 'found', wildcard: false, entries: this.sent(), decision: null };
    if (hasWildcard(path)) return this.resolveWildcard(path);
    const e = this.byPath.get(path);
    if (!e) {
      const hidden = this.opaqueAncestor(path);
      if (hidden) {
        const d = this.decision(path);
        return { path, state: d.excluded && !this.ignoreFile?.hasExclusions ? 'excluded' : 'unknown', wildcard: false, entries: [], decision: d.excluded ? d : null };
      }
      return { path, state: this.listing.complete ? 'missing' : 'unknown', wildcard: false, entries: [], decision: null };
    }
    if (e.type === 'dir' && !e.opaque) {
      if (!this.dirSent(path)) return { path, state: 'excluded', wildcard: false, entries: [], decision: this.decision(path) };
      return { path, state: 'found', wildcard: false, entries: this.sentUnder(path), decision: null };
    }
    const d = this.decision(path);
    if (d.excluded) return { path, state: 'excluded', wildcard: false, entries: [], decision: d };
    return { path, state: 'found', wildcard: false, entries: [e], decision: null };
  }

  private resolveWildcard(path: string): SourceResolution {
    let current: string[] = ['.'];
    let unknown = false;
    for (const seg of segments(path)) {
      const next: string[] = [];
      for (const dir of current) {
        const dirEntry = this.byPath.get(dir);
        if (dirEntry && (dirEntry.opaque || dirEntry.type === 'symlink')) unknown = true;
        if (hasWildcard(seg)) {
          for (const c of this.childrenOf(dir)) if (goGlobMatch(seg, basename(c.path))) next.push(c.path);
        } else {
          const p = dir === '.' ? seg : `${dir}/${seg}`;
          if (this.byPath.has(p)) next.push(p);
        }
      }
      current = next;
    }
    const entries: ContextEntry[] = [];
    const seen = new Set<string>();
    for (const p of current) {
      const e = this.byPath.get(p);
      if (!e) continue;
      const found = e.type === 'dir' && !e.opaque ? this.sentUnder(p) : this.decision(p).excluded ? [] : [e];
      for (const f of found) {
        if (seen.has(f.path)) continue;
        seen.add(f.path);
        entries.push(f);
      }
    }
    return { path, state: unknown || !this.listing.complete ? (entries.length > 0 ? 'found' : 'unknown') : 'found', wildcard: true, entries, decision: null };
  }
}
