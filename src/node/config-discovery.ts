/**
 * Finds the config that applies to a Dockerfile. Unlike hadolint, which looks only in the
 * working directory and the home folder, the search starts next to the Dockerfile: the closest
 * folder with `.dockwise.yaml`, `.dockwise.yml` or `[tool.dockwise]` in `pyproject.toml` wins.
 * `.hadolint.yaml` is read only when no own config exists anywhere up the tree.
 *
 * Lookups are cached per folder (and broken configs per file), since one run lints thousands
 * of Dockerfiles that share a few configs.
 */
import { readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch/posix.js';
import {
  configKindOf,
  DOCKWISE_CONFIG_NAMES,
  HADOLINT_CONFIG_NAMES,
  hasDockwiseTable,
  loadConfigText,
  loadPyproject,
  PYPROJECT_NAME,
} from '../config/load.js';
import type { LoadOptions } from '../config/load.js';
import { ConfigError } from '../config/types.js';
import type { ConfigKind, ConfigLayer, ConfigOverride, LoadedConfig } from '../config/types.js';

export interface FindConfigOptions extends LoadOptions {
  /** `--config FILE`: this file, and no search. */
  readonly configPath?: string;
  /** The last folder searched (a repository root); the search goes no higher. Ignored when it is not above the Dockerfile. */
  readonly stopAt?: string;
}

export interface ConfigFinderOptions extends LoadOptions {
  /** For hadolint's global config (`XDG_CONFIG_HOME`); defaults to `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Defaults to `os.homedir()`. */
  readonly homeDir?: string;
}

export interface ConfigFinder {
  find(dockerfilePath: string, options?: Omit<FindConfigOptions, keyof LoadOptions>): LoadedConfig;
  /** Forgets what was read (for long-running processes that watch files). */
  clear(): void;
}

export const NO_CONFIG: LoadedConfig = { config: {}, path: null, kind: null };

type Outcome<T> = { readonly value: T } | { readonly error: unknown };

export function createConfigFinder(options: ConfigFinderOptions = {}): ConfigFinder {
  const { env = process.env, homeDir = homedir() } = options;
  const loadOptions: LoadOptions = {
    ...(options.isKnownSelector === undefined ? {} : { isKnownSelector: options.isKnownSelector }),
    ...(options.selectorNames === undefined ? {} : { selectorNames: [...options.selectorNames] }),
  };
  let cache = new Map<string, Outcome<LoadedConfig | null>>();

  /** Caches errors too: a broken config is reported for each Dockerfile without being re-read. */
  const memo = (key: string, compute: () => LoadedConfig | null): LoadedConfig | null => {
    let outcome = cache.get(key);
    if (outcome === undefined) {
      try {
        outcome = { value: compute() };
      } catch (error) {
        outcome = { error };
      }
      cache.set(key, outcome);
    }
    if ('error' in outcome) throw outcome.error;
    return outcome.value;
  };

  const load = (path: string, kind: ConfigKind): LoadedConfig =>
    loadConfigText(readText(path), path, kind, loadOptions);

  /** The own config of one folder, if any; two of them is an error. */
  const ownConfigIn = (dir: string): LoadedConfig | null =>
    memo(`own\0${dir}`, () => {
      const yamls = DOCKWISE_CONFIG_NAMES.map((n) => join(dir, n)).filter(isFile);
      const pyprojectPath = join(dir, PYPROJECT_NAME);
      const pyproject = isFile(pyprojectPath) ? loadPyproject(readText(pyprojectPath), pyprojectPath, loadOptions) : null;
      const found = pyproject === null ? yamls : [...yamls, pyprojectPath];
      const [first, ...others] = found;
      if (first === undefined) return null;
      if (others.length > 0) {
        const names = found.map((p) => basename(p));
        throw new ConfigError(first, 1, 1, `two dockwise configs in one folder: ${names.join(' and ')} (keep one)`);
      }
      return pyproject ?? load(first, 'dockwise-yaml');
    });

  const hadolintConfigIn = (dir: string): LoadedConfig | null =>
    memo(`hadolint\0${dir}`, () => {
      const path = HADOLINT_CONFIG_NAMES.map((n) => join(dir, n)).find(isFile);
      return path === undefined ? null : load(path, 'hadolint-yaml');
    });

  /** The closest config `inDir` finds at or above `dir`, up to `stop` (or the root). */
  const closest = (kind: string, inDir: (dir: string) => LoadedConfig | null, dir: string, stop: string | undefined): LoadedConfig | null =>
    memo(`${kind}-up\0${stop ?? ''}\0${dir}`, () => {
      const here = inDir(dir);
      if (here !== null) return here;
      const parent = dirname(dir);
      return dir === stop || parent === dir ? null : closest(kind, inDir, parent, stop);
    });

  /** hadolint's own global locations (`Config/Configuration.hs`), in its order. */
  const globalHadolint = (): LoadedConfig | null =>
    memo('hadolint-global', () => {
      const xdg = env['XDG_CONFIG_HOME'];
      const dirs = [
        ...(xdg !== undefined && xdg !== '' ? [join(xdg, 'hadolint')] : []),
        join(homeDir, '.config', 'hadolint'),
        join(homeDir, '.hadolint', 'hadolint'),
        join(homeDir, '.hadolint', 'config'),
        join(homeDir, '.hadolint'),
      ];
      const path = [...new Set(dirs)].flatMap((base) => [`${base}.yaml`, `${base}.yml`]).find(isFile);
      return path === undefined ? null : load(path, 'hadolint-yaml');
    });

  return {
    find(dockerfilePath, findOptions = {}) {
      if (findOptions.configPath !== undefined) {
        const path = resolve(findOptions.configPath);
        const explicit = memo(`explicit\0${path}`, () => {
          if (!isFile(path)) throw new ConfigError(path, 1, 1, 'config file not found');
          const text = readText(path);
          const kind = configKindOf(path);
          const loaded = loadConfigText(text, path, kind, loadOptions);
          if (kind === 'pyproject' && !hasDockwiseTable(text)) throw new ConfigError(path, 1, 1, 'this file has no [tool.dockwise] table');
          return loaded;
        });
        return explicit ?? NO_CONFIG;
      }
      const dir = dirname(resolve(dockerfilePath));
      const stop = findOptions.stopAt === undefined ? undefined : resolve(findOptions.stopAt);
      const bound = stop !== undefined && isWithin(stop, dir) ? stop : undefined;
      return closest('own', ownConfigIn, dir, bound) ?? closest('hadolint', hadolintConfigIn, dir, bound) ?? globalHadolint() ?? NO_CONFIG;
    },
    clear() {
      cache = new Map();
    },
  };
}

let defaultFinder: ConfigFinder | undefined;
let checkingFinders = new WeakMap<(s: string) => boolean, ConfigFinder>();

/**
 * The config for a Dockerfile (see the module comment). Uses a finder shared by all calls, one
 * per `isKnownSelector`; `createConfigFinder` gives one of your own.
 */
export function findConfig(dockerfilePath: string, options: FindConfigOptions = {}): LoadedConfig {
  const { isKnownSelector, selectorNames, ...where } = options;
  let finder: ConfigFinder;
  if (isKnownSelector === undefined) {
    finder = defaultFinder ??= createConfigFinder();
  } else {
    finder = checkingFinders.get(isKnownSelector) ?? createConfigFinder({ isKnownSelector, ...(selectorNames === undefined ? {} : { selectorNames }) });
    checkingFinders.set(isKnownSelector, finder);
  }
  return finder.find(dockerfilePath, where);
}

/** Forgets what `findConfig` has read. */
export function clearConfigCache(): void {
  defaultFinder = undefined;
  checkingFinders = new WeakMap();
}

const matchers = new WeakMap<ConfigOverride, (path: string) => boolean>();

/**
 * The layers that apply to a Dockerfile, in the order they apply: the config itself, then each
 * override whose `files` match the Dockerfile's path relative to the config file's folder (a
 * glob without `/` also matches the file name in any folder, as in `.gitignore`).
 */
export function resolveOverrides(loaded: LoadedConfig, dockerfilePath: string): ConfigLayer[] {
  const { overrides, ...base } = loaded.config;
  if (overrides === undefined || overrides.length === 0 || loaded.path === null) return [base];
  const rel = relative(dirname(resolve(loaded.path)), resolve(dockerfilePath)).split(sep).join('/');
  const layers: ConfigLayer[] = [base];
  for (const override of overrides) {
    let matches = matchers.get(override);
    if (matches === undefined) {
      matches = globsMatcher(override.files);
      matchers.set(override, matches);
    }
    if (matches(rel)) {
      const { files: _files, ...layer } = override;
      layers.push(layer);
    }
  }
  return layers;
}

/** picomatch's own `basename` option applies to globs with a slash too, hence this. */
function globsMatcher(globs: readonly string[]): (path: string) => boolean {
  const tests = globs.map((written) => {
    const glob = written.replace(/^\.\//, '');
    const isMatch = picomatch(glob, { dot: true });
    return glob.includes('/') ? isMatch : (path: string) => isMatch(path.slice(path.lastIndexOf('/') + 1));
  });
  return (path) => tests.some((test) => test(path));
}

function isFile(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    // A folder we may not look into holds no config we could read.
    return false;
  }
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    const reason = e instanceof Error && 'code' in e ? String(e.code) : 'unreadable';
    throw new ConfigError(path, 1, 1, `cannot read the config file (${reason})`);
  }
}

function isWithin(ancestor: string, path: string): boolean {
  const rel = relative(ancestor, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}
