/**
 * Finding Dockerfiles: files named on the command line (whatever their name), directories walked
 * for Dockerfile-like names with `.gitignore` honoured at every level, and globs.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { globSync } from 'tinyglobby';

const NAME = /^(?:(?:docker|container)file(?:[._-].+)?|.+\.(?:docker|container)file)$/i;
const NOT_DOCKERFILE = /\.(?:dockerignore|md|orig|bak|rej|swp)$/i;
const SKIP_DIRS = new Set(['.git', 'node_modules', '.hg', '.svn', '.venv', 'venv', '__pycache__', '.tox', '.mypy_cache']);

export function isDockerfileName(name: string): boolean {
  return NAME.test(name) && !NOT_DOCKERFILE.test(name);
}

export class InputError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
    this.name = 'InputError';
  }
}

function hasGlob(p: string): boolean {
  return /[*?[\]{}]/.test(p);
}

function display(cwd: string, abs: string): string {
  const rel = relative(cwd, abs);
  return rel && !rel.startsWith('..') ? rel.split(sep).join('/') : abs;
}

interface Level {
  readonly dir: string;
  readonly ig: Ignore;
}

function walk(root: string, cwd: string, out: string[]): void {
  const stack: { dir: string; levels: readonly Level[] }[] = [{ dir: root, levels: [] }];
  while (stack.length > 0) {
    const { dir, levels: parentLevels } = stack.pop() as { dir: string; levels: readonly Level[] };
    let levels = parentLevels;
    try {
      const gi = readFileSync(join(dir, '.gitignore'), 'utf8');
      levels = [...parentLevels, { dir, ig: ignore().add(gi) }];
    } catch {
      // no .gitignore here
    }
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      throw new InputError(display(cwd, dir), `cannot read directory (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subdirs: string[] = [];
    for (const e of entries) {
      const full = join(dir, e.name);
      const isDir = e.isDirectory();
      if (isDir && SKIP_DIRS.has(e.name)) continue;
      const ignored = levels.some((l) => {
        const rel = relative(l.dir, full).split(sep).join('/');
        return rel !== '' && l.ig.ignores(isDir ? rel + '/' : rel);
      });
      if (ignored) continue;
      if (isDir) subdirs.push(full);
      else if (e.isFile() && isDockerfileName(e.name)) out.push(full);
    }
    for (const d of subdirs.reverse()) stack.push({ dir: d, levels });
  }
}

/** Resolves the command-line inputs to a list of files (absolute path + how to show it). `-` stays `-`. */
export function findDockerfiles(inputs: readonly string[], cwd = process.cwd()): { abs: string; display: string }[] {
  const seen = new Set<string>();
  const out: { abs: string; display: string }[] = [];
  const add = (abs: string, shown?: string): void => {
    if (seen.has(abs)) return;
    seen.add(abs);
    out.push({ abs, display: shown ?? display(cwd, abs) });
  };
  for (const input of inputs) {
    if (input === '-') {
      add('-', '-');
      continue;
    }
    const abs = resolve(cwd, input);
    let st;
    try {
      st = statSync(abs);
    } catch {
      if (hasGlob(input)) {
        const matches = globSync([input], { cwd, absolute: true, onlyFiles: true, dot: true, ignore: ['**/node_modules/**', '**/.git/**'] }).sort();
        if (matches.length === 0) throw new InputError(input, 'no file matches this pattern');
        for (const m of matches) add(resolve(m));
        continue;
      }
      throw new InputError(input, 'no such file or directory');
    }
    if (st.isDirectory()) {
      const found: string[] = [];
      walk(abs, cwd, found);
      for (const f of found) add(f);
    } else add(abs, input);
  }
  return out;
}
