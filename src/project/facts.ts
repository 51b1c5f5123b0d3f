/**
 * `readProject`: every fact dockwise knows about a build context, read once through a
 * `ProjectReader` within limits. The Python facts (manifests, locks, versions, app) are cached per
 * reader; the ignore-file facts depend on which Dockerfile is built.
 */
import { appsIn, djangoProject, portsIn, type AppObject, type AppPort, type DjangoProject, type Framework } from './app.js';
import { BuildContext } from './context.js';
import { parseDockerignore, type IgnoreFile } from './dockerignore.js';
import { lineOf, parseLock, parsePipfile, parsePyproject, type Dependency, type LockFile, type LockManager, type ManifestProblem, type Pipfile, type PyProject } from './manifests.js';
import { basename, contextPath, dirname, joinPath } from './paths.js';
import { byPrecedence, exactVersionIn, parsePoetryConstraint, parseSpecifierSet, pythonVersionFileValue, type PythonDeclaration } from './python-version.js';
import { analyzeModule, type PythonModule } from './python-source.js';
import { DEFAULT_LIMITS, overlayReader, type ContextEntry, type ContextListing, type ProjectLimits, type ProjectReader } from './reader.js';
import { parseRequirementsText, type RequirementsFile } from './requirements.js';

export type PackageManager = 'uv' | 'poetry' | 'pdm' | 'pipenv' | 'hatch' | 'pip';

export interface PackageManagerFacts {
  /** The manager the project uses (see `detectPackageManager` for the order), null when nothing declares dependencies. */
  readonly name: PackageManager | null;
  /** Dependencies are pinned to exact versions: a lock file, or a requirements file that pins everything. */
  readonly locked: boolean;
  /** The lock file of that manager. */
  readonly lock: LockFile | null;
  /** Why this manager: the file that decided. */
  readonly reason: string;
  /** Every manager some file points to, in detection order. */
  readonly detected: readonly PackageManager[];
}

export interface RequirementsManifest {
  readonly path: string;
  readonly file: RequirementsFile;
  /** Its requirements and those of the files it includes with `-r` (recursively). */
  readonly dependencies: readonly Dependency[];
  /** What `-c` constraint files (recursively) pin. */
  readonly constraints: readonly Dependency[];
  /** Included files that could not be read. */
  readonly missingIncludes: readonly string[];
}

export interface PythonFacts {
  readonly requirements: readonly RequirementsManifest[];
  readonly pyproject: PyProject | null;
  readonly pipfile: Pipfile | null;
  readonly locks: readonly LockFile[];
  /** Every declared dependency, all manifests and groups. */
  readonly dependencies: readonly Dependency[];
  readonly packageManager: PackageManagerFacts;
  /** Python version declarations, by precedence (see python-version.ts). */
  readonly pythonDeclarations: readonly PythonDeclaration[];
  /** The declaration that wins. */
  readonly python: PythonDeclaration | null;
  readonly apps: readonly AppObject[];
  /** The framework of the first application found (Django wins when `manage.py` is present). */
  readonly framework: Framework | null;
  readonly django: DjangoProject | null;
  readonly ports: readonly AppPort[];
  /** Context paths of dependency manifests and lock files. */
  readonly manifestFiles: ReadonlySet<string>;
  /** Python files that were scanned (the limit may leave some out). */
  readonly scannedModules: readonly string[];
}

export interface ProjectProblem {
  readonly path: string;
  readonly message: string;
}

export interface ProjectFacts {
  readonly reader: ProjectReader;
  /** The Dockerfile, relative to the context (null when it is outside). */
  readonly dockerfile: string | null;
  readonly listing: ContextListing;
  readonly context: BuildContext;
  /** The ignore file in effect: `<Dockerfile>.dockerignore` if present, else `.dockerignore`. */
  readonly ignoreFile: IgnoreFile | null;
  readonly python: PythonFacts;
  readonly problems: readonly ProjectProblem[];
  /** A context file's text within the limits (cached), null when absent or unreadable. */
  text(path: string): string | null;
  /** The parsed Python module of a context file (cached), null when it cannot be read. */
  module(path: string): PythonModule | null;
  /** The same facts seen with some files replaced or added (the fix loop's view after editing `.dockerignore`). */
  withFiles(files: ReadonlyMap<string, string>): ProjectFacts;
}

export interface ReadProjectOptions {
  /** The Dockerfile's path relative to the context, null/absent when it is not inside it. */
  readonly dockerfile?: string | null;
  /** `<Dockerfile>.dockerignore` of a Dockerfile outside the context, read by the caller. */
  readonly dockerfileIgnore?: { readonly path: string; readonly text: string } | null;
  readonly limits?: Partial<ProjectLimits>;
}

const LOCKS: readonly { file: string; manager: LockManager }[] = [
  { file: 'uv.lock', manager: 'uv' },
  { file: 'poetry.lock', manager: 'poetry' },
  { file: 'pdm.lock', manager: 'pdm' },
  { file: 'Pipfile.lock', manager: 'pipenv' },
];

const SKIP_SEGMENTS = new Set(['tests', 'test', 'testing', 'migrations', 'docs', 'doc', 'node_modules', 'site-packages', 'build', 'dist', '.eggs', 'examples', 'scripts']);

function isRequirementsName(path: string): boolean {
  const b = basename(path);
  if (/^(?:.*[-_.])?requirements(?:[-_.].*)?\.(?:txt|in)$/i.test(b)) return true;
  if (/^constraints(?:[-_.].*)?\.txt$/i.test(b)) return true;
  return /(?:^|\/)requirements\/[^/]+\.(?:txt|in)$/i.test(path);
}

function groupOfRequirements(path: string): string {
  return /(?:^|[-_./])(?:dev|test|tests|testing|lint|docs|ci|local)(?:[-_.]|\.txt$|\.in$)/i.test(basename(path)) ? 'dev' : 'main';
}

/** Reads one context through a reader into facts. */
interface Shared {
  readonly reader: ProjectReader;
  readonly limits: ProjectLimits;
  readonly texts: Map<string, string | null>;
  readonly modules: Map<string, PythonModule | null>;
  budget: number;
  listing: ContextListing | null;
  python: PythonFacts | null;
  readonly problems: ProjectProblem[];
}

const sharedByReader = new WeakMap<ProjectReader, Shared>();

function sharedFor(reader: ProjectReader, limits: ProjectLimits): Shared {
  let s = sharedByReader.get(reader);
  if (!s) {
    s = { reader, limits, texts: new Map(), modules: new Map(), budget: limits.maxTotalBytes, listing: null, python: null, problems: [] };
    sharedByReader.set(reader, s);
  }
  return s;
}

function listingOf(s: Shared): ContextListing {
  s.listing ??= s.reader.list();
  return s.listing;
}

function readText(s: Shared, path: string, max = s.limits.maxFileBytes): string | null {
  const key = contextPath(path);
  if (s.texts.has(key)) return s.texts.get(key) ?? null;
  let text: string | null = null;
  if (s.budget > 0) {
    text = s.reader.read(key, Math.min(max, s.budget));
    if (text !== null) s.budget -= text.length;
  }
  s.texts.set(key, text);
  return text;
}

function moduleOf(s: Shared, path: string): PythonModule | null {
  const key = contextPath(path);
  if (s.modules.has(key)) return s.modules.get(key) ?? null;
  const text = readText(s, key);
  const m = text === null ? null : analyzeModule(text);
  s.modules.set(key, m);
  return m;
}

function readRequirements(s: Shared, path: string, problems: ManifestProblem[]): RequirementsManifest | null {
  const text = readText(s, path);
  if (text === null) return null;
  const file = parseRequirementsText(text);
  for (const p of file.problems) problems.push({ path, message: `line ${p.line}: ${p.message}` });
  const dependencies: Dependency[] = [];
  const constraints: Dependency[] = [];
  const missingIncludes: string[] = [];
  const seen = new Set<string>([path]);
  const walk = (p: string, f: RequirementsFile, asConstraint: boolean, depth: number): void => {
    const group = groupOfRequirements(p);
    for (const r of f.requirements) {
      if (!r.name) continue;
      const d: Dependency = { name: r.name, extras: r.requirement?.extras ?? [], specifier: r.requirement?.specifier ?? '', kind: r.kind, pinned: r.pinned, group, source: p, line: r.line };
      (asConstraint ? constraints : dependencies).push(d);
    }
    for (const inc of f.includes) {
      if (/^[a-z]+:\/\//i.test(inc.path)) continue;
      const target = joinPath(dirname(p) === '.' ? '' : dirname(p), inc.path).replace(/^\/+/, '');
      if (seen.has(target) || depth > 10) continue;
      seen.add(target);
      const t = readText(s, target);
      if (t === null) {
        missingIncludes.push(target);
        continue;
      }
      walk(target, parseRequirementsText(t), asConstraint || inc.kind === 'constraint', depth + 1);
    }
  };
  walk(path, file, false, 0);
  return { path, file, dependencies, constraints, missingIncludes };
}

function pythonDeclarations(s: Shared, pyproject: PyProject | null, pipfile: Pipfile | null): PythonDeclaration[] {
  const out: PythonDeclaration[] = [];
  const pv = readText(s, '.python-version');
  const pvValue = pv === null ? null : pythonVersionFileValue(pv);
  if (pvValue) out.push({ source: '.python-version', kind: 'python-version-file', text: pvValue.value, line: pvValue.line, exact: exactVersionIn(pvValue.value), constraint: null });
  const rt = readText(s, 'runtime.txt');
  if (rt !== null && rt.trim() !== '') {
    const value = rt.trim().split(/\r?\n/)[0] as string;
    out.push({ source: 'runtime.txt', kind: 'runtime-txt', text: value, line: 1, exact: exactVersionIn(value), constraint: null });
  }
  if (pipfile) {
    const v = pipfile.pythonFullVersion ?? pipfile.pythonVersion;
    const pipText = readText(s, pipfile.path) ?? '';
    if (v) out.push({ source: pipfile.path, kind: 'pipfile', text: v, line: lineOf(pipText, v), exact: exactVersionIn(v), constraint: null });
  }
  if (pyproject) {
    const text = readText(s, pyproject.path) ?? '';
    if (pyproject.requiresPython) out.push({ source: pyproject.path, kind: 'requires-python', text: pyproject.requiresPython, line: lineOf(text, 'requires-python'), exact: null, constraint: parseSpecifierSet(pyproject.requiresPython) });
    if (pyproject.poetryPython) out.push({ source: pyproject.path, kind: 'poetry-python', text: pyproject.poetryPython, line: lineOf(text, pyproject.poetryPython), exact: null, constraint: parsePoetryConstraint(pyproject.poetryPython) });
  }
  return byPrecedence(out.filter((d) => d.exact !== null || d.constraint !== null));
}

/**
 * The package manager, first match: a lock file (`uv.lock`, `poetry.lock`, `pdm.lock`,
 * `Pipfile.lock`), then `Pipfile`, then a `[tool.poetry|uv|pdm|hatch]` table in `pyproject.toml`,
 * then `requirements*.txt` (pip), then a bare `pyproject.toml` (pip installs it). Lock files come
 * first because they are what the project actually installs from; Heroku refuses several at once,
 * we keep all of them in `detected`.
 */
function detectPackageManager(locks: readonly LockFile[], pipfile: Pipfile | null, pyproject: PyProject | null, requirements: readonly RequirementsManifest[]): PackageManagerFacts {
  const detected: PackageManager[] = [];
  const add = (m: PackageManager): void => {
    if (!detected.includes(m)) detected.push(m);
  };
  for (const l of locks) add(l.manager);
  if (pipfile) add('pipenv');
  for (const t of ['poetry', 'uv', 'pdm', 'hatch'] as const) if (pyproject?.tools.includes(t)) add(t);
  if (requirements.length) add('pip');
  if (pyproject?.hasProjectTable) add('pip');
  const first = locks[0];
  if (first) return { name: first.manager, locked: true, lock: first, reason: first.path, detected };
  const name = detected[0] ?? null;
  if (!name) return { name: null, locked: false, lock: null, reason: 'no dependency manifest', detected };
  if (name === 'pip') {
    const main = requirements.find((r) => r.path === 'requirements.txt') ?? requirements.find((r) => groupOfRequirements(r.path) === 'main');
    const pinned = main !== undefined && main.dependencies.length > 0 && main.dependencies.every((d) => d.pinned || main.constraints.some((c) => c.name === d.name && c.pinned));
    return { name, locked: pinned, lock: null, reason: main?.path ?? pyproject?.path ?? 'pyproject.toml', detected };
  }
  return { name, locked: false, lock: null, reason: name === 'pipenv' ? (pipfile?.path ?? 'Pipfile') : (pyproject?.path ?? 'pyproject.toml'), detected };
}

function pythonCandidates(listing: ContextListing, max: number): string[] {
  return listing.entries
    .filter((e: ContextEntry) => e.type === 'file' && e.path.endsWith('.py'))
    .map((e) => e.path)
    .filter((p) => {
      const segs = p.split('/');
      const b = segs[segs.length - 1] as string;
      if (b.startsWith('test_') || b.endsWith('_test.py') || b === 'conftest.py' || b === 'setup.py' || b === 'noxfile.py') return false;
      return !segs.slice(0, -1).some((seg) => SKIP_SEGMENTS.has(seg) || seg.startsWith('.'));
    })
    .sort((a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b))
    .slice(0, max);
}

function computePython(s: Shared): PythonFacts {
  const listing = listingOf(s);
  const problems: ManifestProblem[] = [];
  const files = listing.entries.filter((e) => e.type === 'file').map((e) => e.path);
  const requirements: RequirementsManifest[] = [];
  for (const p of files.filter(isRequirementsName).sort((a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b))) {
    const r = readRequirements(s, p, problems);
    if (r) requirements.push(r);
  }
  const pyText = readText(s, 'pyproject.toml');
  const pyproject = pyText === null ? null : parsePyproject(pyText, 'pyproject.toml', problems);
  const pfText = readText(s, 'Pipfile');
  const pipfile = pfText === null ? null : parsePipfile(pfText, 'Pipfile', problems);
  const locks: LockFile[] = [];
  for (const l of LOCKS) {
    if (!files.includes(l.file)) continue;
    locks.push(parseLock(readText(s, l.file, s.limits.maxLockBytes), l.file, l.manager, problems));
  }
  const seenDep = new Set<string>();
  const requirementDeps = requirements
    .flatMap((r) => r.dependencies)
    .filter((d) => {
      const key = `${d.source}:${d.line ?? ''}:${d.name}`;
      if (seenDep.has(key)) return false;
      seenDep.add(key);
      return true;
    });
  const dependencies = [...requirementDeps, ...(pyproject?.dependencies ?? []), ...(pipfile?.dependencies ?? [])];
  const declarations = pythonDeclarations(s, pyproject, pipfile);
  const modules = new Map<string, PythonModule>();
  const scanned = pythonCandidates(listing, s.limits.maxPythonFiles);
  const apps: AppObject[] = [];
  const ports: AppPort[] = [];
  for (const p of scanned) {
    const m = moduleOf(s, p);
    if (!m) continue;
    modules.set(p, m);
    const found = appsIn(p, m);
    apps.push(...found);
    ports.push(...portsIn(p, m, found));
  }
  const django = djangoProject(modules, files);
  const framework: Framework | null = django?.manage ? 'django' : (apps.find((a) => a.framework !== 'django')?.framework ?? (django ? 'django' : null));
  const manifestFiles = new Set<string>([...requirements.flatMap((r) => [r.path, ...r.dependencies.map((d) => d.source), ...r.constraints.map((d) => d.source)]), ...(pyproject ? [pyproject.path] : []), ...(pipfile ? [pipfile.path] : []), ...locks.map((l) => l.path)]);
  for (const extra of ['setup.py', 'setup.cfg', '.python-version', 'runtime.txt']) if (files.includes(extra)) manifestFiles.add(extra);
  for (const p of problems) s.problems.push(p);
  return {
    requirements,
    pyproject,
    pipfile,
    locks,
    dependencies,
    packageManager: detectPackageManager(locks, pipfile, pyproject, requirements),
    pythonDeclarations: declarations,
    python: declarations[0] ?? null,
    apps,
    framework,
    django,
    ports,
    manifestFiles,
    scannedModules: scanned,
  };
}

function chooseIgnoreFile(s: Shared, options: ReadProjectOptions): IgnoreFile | null {
  const files = new Set(listingOf(s).entries.filter((e) => e.type === 'file').map((e) => e.path));
  if (options.dockerfile) {
    const specific = `${options.dockerfile}.dockerignore`;
    if (files.has(specific)) {
      const text = readText(s, specific);
      if (text !== null) return parseDockerignore(text, specific);
    }
  }
  if (options.dockerfileIgnore) return parseDockerignore(options.dockerfileIgnore.text, options.dockerfileIgnore.path);
  if (files.has('.dockerignore')) {
    const text = readText(s, '.dockerignore');
    if (text !== null) return parseDockerignore(text, '.dockerignore');
  }
  return null;
}

export function readProject(reader: ProjectReader, options: ReadProjectOptions = {}): ProjectFacts {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const s = sharedFor(reader, limits);
  const listing = listingOf(s);
  const ignoreFile = chooseIgnoreFile(s, options);
  s.python ??= computePython(s);
  const context = new BuildContext(listing, ignoreFile);
  const problems: ProjectProblem[] = [...s.problems];
  if (!listing.complete) problems.push({ path: '.', message: listing.note ?? 'the context listing is incomplete' });
  for (const p of ignoreFile?.problems ?? []) problems.push({ path: ignoreFile?.path ?? '.dockerignore', message: `line ${p.line}: ${p.message}` });
  return {
    reader,
    dockerfile: options.dockerfile ?? null,
    listing,
    context,
    ignoreFile,
    python: s.python,
    problems,
    text: (path) => readText(s, path),
    module: (path) => moduleOf(s, path),
    withFiles: (files) => readProject(overlayReader(reader, files), options),
  };
}
