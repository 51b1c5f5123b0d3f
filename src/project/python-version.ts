/**
 * The Python version a project asks for, and whether an image's `X.Y` satisfies it.
 *
 * Precedence (first found wins as "the" declared version; every declaration is kept):
 * 1. `.python-version` (pyenv, uv, mise): an exact version, the one tools actually install;
 * 2. `runtime.txt` (`python-3.12.4`, Heroku style);
 * 3. `Pipfile` `[requires]` `python_full_version`, then `python_version`;
 * 4. `pyproject.toml` `[project] requires-python` (a PEP 440 range);
 * 5. `pyproject.toml` `[tool.poetry.dependencies] python` (a Poetry range).
 * Pins before ranges: a pin says which Python the project runs on, a range only which ones it
 * accepts. This is railpack's and Heroku's order, with the ranges they ignore added last.
 */

export type DeclarationKind = 'python-version-file' | 'runtime-txt' | 'pipfile' | 'requires-python' | 'poetry-python';

export interface Clause {
  readonly op: '==' | '!=' | '>=' | '<=' | '>' | '<' | '~=' | '===' | '*';
  readonly version: readonly number[];
  /** `==3.12.*` */
  readonly wildcard: boolean;
}

/** OR of AND-groups (Poetry has `||`; PEP 440 sets are one group). */
export interface VersionConstraint {
  readonly anyOf: readonly (readonly Clause[])[];
}

export interface PythonDeclaration {
  /** The file that says it. */
  readonly source: string;
  readonly kind: DeclarationKind;
  /** The value as written. */
  readonly text: string;
  readonly line: number | null;
  /** For pins: the version named. */
  readonly exact: { readonly major: number; readonly minor: number; readonly patch: number | null } | null;
  /** For ranges: the constraint (null when it could not be parsed). */
  readonly constraint: VersionConstraint | null;
}

export const DECLARATION_ORDER: readonly DeclarationKind[] = ['python-version-file', 'runtime-txt', 'pipfile', 'requires-python', 'poetry-python'];

function parseVersion(s: string): number[] | null {
  const m = /^v?(\d+(?:\.\d+)*)/.exec(s.trim());
  return m ? (m[1] as string).split('.').map(Number) : null;
}

function compare(a: readonly number[], b: readonly number[]): number {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

function prefixEqual(v: readonly number[], prefix: readonly number[]): boolean {
  return prefix.every((p, i) => (v[i] ?? 0) === p);
}

function clauseAllows(c: Clause, v: readonly number[]): boolean {
  switch (c.op) {
    case '*':
      return true;
    case '==':
    case '===':
      return c.wildcard ? prefixEqual(v, c.version) : compare(v, c.version) === 0;
    case '!=':
      return c.wildcard ? !prefixEqual(v, c.version) : compare(v, c.version) !== 0;
    case '>=':
      return compare(v, c.version) >= 0;
    case '<=':
      return compare(v, c.version) <= 0;
    case '>':
      return compare(v, c.version) > 0;
    case '<':
      return compare(v, c.version) < 0;
    case '~=':
      return compare(v, c.version) >= 0 && prefixEqual(v, c.version.slice(0, Math.max(1, c.version.length - 1)));
  }
}

/** A PEP 440 specifier set (`>=3.10,<3.13`, `~=3.11`, `==3.12.*`); null when unreadable. */
export function parseSpecifierSet(text: string): VersionConstraint | null {
  const clauses: Clause[] = [];
  for (const raw of text.split(',')) {
    const s = raw.trim();
    if (s === '') continue;
    const m = /^(===|==|!=|>=|<=|~=|>|<)\s*([0-9][0-9.]*)(\.\*)?\s*$/.exec(s);
    if (!m) return null;
    const version = parseVersion(m[2] as string);
    if (!version) return null;
    clauses.push({ op: m[1] as Clause['op'], version, wildcard: Boolean(m[3]) });
  }
  return clauses.length ? { anyOf: [clauses] } : null;
}

function bump(version: readonly number[], index: number): number[] {
  const out = version.slice(0, index + 1).map(Number);
  out[index] = (out[index] ?? 0) + 1;
  return out;
}

/** A Poetry constraint (`^3.11`, `~3.11`, `>=3.10,<3.13`, `3.12.*`, `>=3.9 || ^4`). */
export function parsePoetryConstraint(text: string): VersionConstraint | null {
  const groups: Clause[][] = [];
  for (const part of text.split('||')) {
    const clauses: Clause[] = [];
    for (const raw of part.split(/[,\s]+/)) {
      const s = raw.trim();
      if (s === '') continue;
      if (s === '*') {
        clauses.push({ op: '*', version: [], wildcard: false });
        continue;
      }
      let m = /^\^(\d+(?:\.\d+)*)$/.exec(s);
      if (m) {
        const v = parseVersion(m[1] as string) as number[];
        const first = v.findIndex((x) => x !== 0);
        clauses.push({ op: '>=', version: v, wildcard: false }, { op: '<', version: bump(v, first < 0 ? v.length - 1 : first), wildcard: false });
        continue;
      }
      m = /^~(\d+(?:\.\d+)*)$/.exec(s);
      if (m) {
        const v = parseVersion(m[1] as string) as number[];
        clauses.push({ op: '>=', version: v, wildcard: false }, { op: '<', version: bump(v, v.length >= 2 ? 1 : 0), wildcard: false });
        continue;
      }
      m = /^(\d+(?:\.\d+)*)\.[*x]$/.exec(s);
      if (m) {
        clauses.push({ op: '==', version: parseVersion(m[1] as string) as number[], wildcard: true });
        continue;
      }
      if (/^\d/.test(s)) {
        const v = parseVersion(s);
        if (!v) return null;
        clauses.push({ op: '==', version: v, wildcard: false });
        continue;
      }
      const pep = parseSpecifierSet(s);
      if (!pep) return null;
      clauses.push(...(pep.anyOf[0] ?? []));
    }
    if (clauses.length) groups.push(clauses);
  }
  return groups.length ? { anyOf: groups } : null;
}

/** Does some `major.minor.patch` satisfy the constraint? */
export function constraintAllowsMinor(c: VersionConstraint, major: number, minor: number): boolean {
  for (let patch = 0; patch <= 60; patch++) {
    const v = [major, minor, patch];
    if (c.anyOf.some((group) => group.every((clause) => clauseAllows(clause, v)))) return true;
  }
  return false;
}

/** Does an image with Python `major.minor` (any patch) satisfy the declaration? */
export function declarationAllows(d: PythonDeclaration, major: number, minor: number): boolean {
  if (d.exact) return d.exact.major === major && d.exact.minor === minor;
  if (d.constraint) return constraintAllowsMinor(d.constraint, major, minor);
  return true;
}

/** `3.12.4` in any of: `3.12`, `3.12.4`, `cpython-3.12.4-…`, `pypy3.10`, `python-3.12.4`. */
export function exactVersionIn(text: string): PythonDeclaration['exact'] {
  const m = /(?:^|[^\d.])(\d+)\.(\d+)(?:\.(\d+))?/.exec(text);
  if (!m) return null;
  return { major: Number(m[1]), minor: Number(m[2]), patch: m[3] !== undefined ? Number(m[3]) : null };
}

/** The first version line of a `.python-version` file (comments and blank lines skipped). */
export function pythonVersionFileValue(text: string): { value: string; line: number } | null {
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const v = (lines[i] as string).replace(/#.*$/, '').trim();
    if (v !== '') return { value: v, line: i + 1 };
  }
  return null;
}

/** Sorts declarations by the documented precedence. */
export function byPrecedence(list: readonly PythonDeclaration[]): PythonDeclaration[] {
  return [...list].sort((a, b) => DECLARATION_ORDER.indexOf(a.kind) - DECLARATION_ORDER.indexOf(b.kind));
}
