import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The shared folder beside the repository (CI checks it out there); DOCKWISE_SHARED overrides. */
export const SHARED = process.env['DOCKWISE_SHARED'] ?? resolve(REPO, '../shared');

if (!existsSync(join(SHARED, 'PRACTICES.md'))) {
  throw new Error(`The shared data folder was not found at ${SHARED} (set DOCKWISE_SHARED)`);
}

export function shared(...parts: string[]): string {
  return join(SHARED, ...parts);
}

export function readShared(...parts: string[]): string {
  return readFileSync(shared(...parts), 'utf8');
}

export function readJsonl<T>(...parts: string[]): T[] {
  return readShared(...parts)
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as T);
}

export interface CorpusFile {
  readonly name: string;
  readonly path: string;
  readonly bytes: Uint8Array;
}

/** Every Dockerfile of the corpus (not the students' markdown write-ups). */
export function corpusFiles(which: 'general' | 'python' | 'all' = 'all'): CorpusFile[] {
  const dirs = which === 'all' ? ['general', 'python'] : [which];
  const out: CorpusFile[] = [];
  for (const d of dirs) {
    const dir = shared('corpus', d);
    for (const name of readdirSync(dir).sort()) {
      if (name.endsWith('.md')) continue;
      const path = join(dir, name);
      out.push({ name: `${d}/${name}`, path, bytes: readFileSync(path) });
    }
  }
  return out;
}
