/**
 * Python dependency manifests and lock files: `pyproject.toml` (PEP 621, PEP 735 groups, Poetry,
 * uv, PDM, Hatch), `Pipfile`, `poetry.lock`, `uv.lock`, `pdm.lock`, `Pipfile.lock`. TOML is read
 * with smol-toml; every reader returns what it understood and never throws.
 */
import { parse as parseToml } from 'smol-toml';
import { isExactSpecifier, isPinnedUrl, normalizeName, parseRequirement } from './pep508.js';
import type { RequirementKind } from './requirements.js';

export interface Dependency {
  /** Normalised (PEP 503). */
  readonly name: string;
  readonly extras: readonly string[];
  /** The version constraint as written (`>=2`, `^2.0`, `*`), '' for none. */
  readonly specifier: string;
  readonly kind: RequirementKind;
  readonly pinned: boolean;
  /** `main`, `dev`, `optional:<extra>` or `group:<name>`. */
  readonly group: string;
  /** The file that declares it. */
  readonly source: string;
  readonly line: number | null;
}

export type LockManager = 'uv' | 'poetry' | 'pdm' | 'pipenv';

export interface LockFile {
  readonly path: string;
  readonly manager: LockManager;
  /** Locked packages (normalised name → version); null when the file could not be read or parsed. */
  readonly packages: ReadonlyMap<string, string | null> | null;
  /** `requires-python` / `python_version` recorded in the lock. */
  readonly python: string | null;
}

export interface PyProject {
  readonly path: string;
  readonly name: string | null;
  readonly hasProjectTable: boolean;
  /** `[project] requires-python`. */
  readonly requiresPython: string | null;
  /** `[tool.poetry.dependencies] python`. */
  readonly poetryPython: string | null;
  readonly dependencies: readonly Dependency[];
  /** `[tool.X]` tables present among the package managers and build tools we know. */
  readonly tools: readonly string[];
  readonly buildBackend: string | null;
  /** `[tool.uv.workspace]`. */
  readonly uvWorkspace: boolean;
}

export interface Pipfile {
  readonly path: string;
  readonly dependencies: readonly Dependency[];
  readonly pythonVersion: string | null;
  readonly pythonFullVersion: string | null;
}

export interface ManifestProblem {
  readonly path: string;
  readonly message: string;
}

type Table = Record<string, unknown>;

function isTable(v: unknown): v is Table {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}
function table(v: unknown): Table {
  return isTable(v) ? v : {};
}
function str(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}
function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

export function lineOf(text: string, needle: string): number | null {
  const i = text.indexOf(needle);
  if (i < 0) return null;
  let line = 1;
  for (let k = 0; k < i; k++) if (text.charCodeAt(k) === 10) line++;
  return line;
}

function readToml(text: string, path: string, problems: ManifestProblem[]): Table | null {
  try {
    return parseToml(text) as Table;
  } catch (err) {
    const e = err as { line?: number; message?: string };
    problems.push({ path, message: `not valid TOML${e.line ? ` (line ${e.line})` : ''}: ${(e.message ?? String(err)).split('\n')[0]}` });
    return null;
  }
}

/** A PEP 508 string as a dependency (null when it is not one). */
export function pep508Dependency(text: string, group: string, source: string, fileText: string): Dependency | null {
  const req = parseRequirement(text);
  if (!req) return null;
  const kind: RequirementKind = req.url ? (/^(?:git|hg|svn|bzr)\+/i.test(req.url) ? 'vcs' : /^file:/i.test(req.url) ? 'path' : 'url') : 'name';
  const pinned = req.url ? isPinnedUrl(req.url) : isExactSpecifier(req.specifier);
  return { name: req.name, extras: req.extras, specifier: req.specifier, kind, pinned, group, source, line: lineOf(fileText, text) };
}

/** Poetry / Pipfile style constraint: a bare version means `==`. */
function constraintPinned(spec: string): boolean {
  const s = spec.trim();
  if (/^\d+(?:\.\d+)*(?:[a-z]+\d*)?$/i.test(s)) return true;
  return isExactSpecifier(s);
}

/** `name = "^1.2"` or `name = { version = "…", extras = […], git = "…", path = "…" }`. */
function tableDependency(rawName: string, value: unknown, group: string, source: string, fileText: string): Dependency {
  const name = normalizeName(rawName);
  const line = lineOf(fileText, `${rawName} =`) ?? lineOf(fileText, rawName);
  if (typeof value === 'string') return { name, extras: [], specifier: value, kind: 'name', pinned: constraintPinned(value), group, source, line };
  const t = table(Array.isArray(value) ? value[0] : value);
  const extras = strings(t['extras']).map(normalizeName);
  if (typeof t['git'] === 'string') {
    const ref = str(t['rev']) ?? str(t['ref']) ?? str(t['tag']);
    return { name, extras, specifier: '', kind: 'vcs', pinned: ref !== null && !str(t['branch']), group, source, line };
  }
  if (typeof t['path'] === 'string' || typeof t['file'] === 'string') return { name, extras, specifier: '', kind: 'path', pinned: true, group, source, line };
  if (typeof t['url'] === 'string') return { name, extras, specifier: '', kind: 'url', pinned: true, group, source, line };
  const spec = str(t['version']) ?? '';
  return { name, extras, specifier: spec, kind: 'name', pinned: constraintPinned(spec), group, source, line };
}

const TOOLS = ['poetry', 'uv', 'pdm', 'hatch', 'setuptools', 'flit', 'rye', 'pixi', 'maturin'];

export function parsePyproject(text: string, path: string, problems: ManifestProblem[]): PyProject | null {
  const doc = readToml(text, path, problems);
  if (!doc) return null;
  const project = table(doc['project']);
  const tool = table(doc['tool']);
  const deps: Dependency[] = [];
  const add = (list: unknown, group: string): void => {
    for (const s of strings(list)) {
      const d = pep508Dependency(s, group, path, text);
      if (d) deps.push(d);
      else problems.push({ path, message: `not a PEP 508 requirement: '${s}'` });
    }
  };
  add(project['dependencies'], 'main');
  for (const [extra, list] of Object.entries(table(project['optional-dependencies']))) add(list, `optional:${normalizeName(extra)}`);
  for (const [g, list] of Object.entries(table(doc['dependency-groups']))) {
    // PEP 735 groups may include other groups ({include-group = "x"}): those tables are skipped.
    add(Array.isArray(list) ? list.filter((x) => typeof x === 'string') : [], g === 'dev' ? 'dev' : `group:${normalizeName(g)}`);
  }
  // Poetry
  const poetry = table(tool['poetry']);
  let poetryPython: string | null = null;
  const poetryDeps = (t: unknown, group: string): void => {
    for (const [n, v] of Object.entries(table(t))) {
      if (n.toLowerCase() === 'python') {
        if (group === 'main') poetryPython = typeof v === 'string' ? v : str(table(v)['version']);
        continue;
      }
      deps.push(tableDependency(n, v, group, path, text));
    }
  };
  poetryDeps(poetry['dependencies'], 'main');
  poetryDeps(poetry['dev-dependencies'], 'dev');
  for (const [g, t] of Object.entries(table(poetry['group']))) poetryDeps(table(t)['dependencies'], g === 'dev' ? 'dev' : `group:${normalizeName(g)}`);
  // uv (legacy dev-dependencies), PDM, Hatch environments
  add(table(tool['uv'])['dev-dependencies'], 'dev');
  for (const [g, list] of Object.entries(table(table(tool['pdm'])['dev-dependencies']))) add(list, g === 'dev' ? 'dev' : `group:${normalizeName(g)}`);
  for (const [env, t] of Object.entries(table(table(tool['hatch'])['envs']))) {
    add(table(t)['dependencies'], env === 'default' ? 'dev' : `group:hatch-${normalizeName(env)}`);
    add(table(t)['extra-dependencies'], env === 'default' ? 'dev' : `group:hatch-${normalizeName(env)}`);
  }
  const buildSystem = table(doc['build-system']);
  return {
    path,
    name: str(project['name']) ?? str(poetry['name']),
    hasProjectTable: isTable(doc['project']),
    requiresPython: str(project['requires-python']),
    poetryPython,
    dependencies: deps,
    tools: TOOLS.filter((t) => isTable(tool[t])),
    buildBackend: str(buildSystem['build-backend']),
    uvWorkspace: isTable(table(tool['uv'])['workspace']),
  };
}

export function parsePipfile(text: string, path: string, problems: ManifestProblem[]): Pipfile | null {
  const doc = readToml(text, path, problems);
  if (!doc) return null;
  const deps: Dependency[] = [];
  for (const [n, v] of Object.entries(table(doc['packages']))) deps.push(tableDependency(n, v, 'main', path, text));
  for (const [n, v] of Object.entries(table(doc['dev-packages']))) deps.push(tableDependency(n, v, 'dev', path, text));
  const requires = table(doc['requires']);
  return { path, dependencies: deps, pythonVersion: str(requires['python_version']), pythonFullVersion: str(requires['python_full_version']) };
}

export function parseLock(text: string | null, path: string, manager: LockManager, problems: ManifestProblem[]): LockFile {
  if (text === null) return { path, manager, packages: null, python: null };
  if (manager === 'pipenv') {
    try {
      const doc = JSON.parse(text) as unknown;
      const t = table(doc);
      const packages = new Map<string, string | null>();
      for (const section of ['default', 'develop']) {
        for (const [n, v] of Object.entries(table(t[section]))) packages.set(normalizeName(n), str(table(v)['version'])?.replace(/^==/, '') ?? null);
      }
      const requires = table(table(t['_meta'])['requires']);
      return { path, manager, packages, python: str(requires['python_full_version']) ?? str(requires['python_version']) };
    } catch {
      problems.push({ path, message: 'not valid JSON' });
      return { path, manager, packages: null, python: null };
    }
  }
  const doc = readToml(text, path, problems);
  if (!doc) return { path, manager, packages: null, python: null };
  const packages = new Map<string, string | null>();
  const list = Array.isArray(doc['package']) ? doc['package'] : [];
  for (const p of list) {
    const t = table(p);
    const n = str(t['name']);
    if (n) packages.set(normalizeName(n), str(t['version']));
  }
  const meta = table(doc['metadata']);
  const python = str(doc['requires-python']) ?? str(meta['python-versions']) ?? str(meta['requires_python']);
  return { path, manager, packages, python };
}
