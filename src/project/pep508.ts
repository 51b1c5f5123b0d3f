/**
 * Python requirement strings (PEP 508) and names (PEP 503), as far as dockwise needs them: the
 * normalised name, extras, the version specifier, a direct URL, the environment marker, and
 * whether the requirement pins one exact version.
 */

/** PEP 503: lower case, runs of `-`, `_`, `.` become one `-`. */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

export interface Requirement {
  /** Normalised (PEP 503). */
  readonly name: string;
  /** As written. */
  readonly rawName: string;
  /** Normalised extras. */
  readonly extras: readonly string[];
  /** The version specifier as written, without parentheses (`>=2,<3`), or '' for none. */
  readonly specifier: string;
  /** `name @ url`. */
  readonly url: string | null;
  readonly marker: string | null;
}

const NAME = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)/;

/** Parses `name[extras] (spec) ; marker` or `name[extras] @ url ; marker`; null when it is not one. */
export function parseRequirement(text: string): Requirement | null {
  const s = text.trim();
  const m = NAME.exec(s);
  if (!m) return null;
  const rawName = m[1] as string;
  let rest = s.slice(rawName.length).trimStart();
  let extras: string[] = [];
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    if (close < 0) return null;
    extras = rest
      .slice(1, close)
      .split(',')
      .map((e) => normalizeName(e.trim()))
      .filter(Boolean);
    rest = rest.slice(close + 1).trimStart();
  }
  let url: string | null = null;
  let marker: string | null = null;
  let specifier = '';
  if (rest.startsWith('@')) {
    // A marker after a URL needs whitespace before the `;`.
    const m2 = /^@\s*(\S+)(?:\s+;\s*(.*))?$/.exec(rest);
    if (!m2) return null;
    url = m2[1] as string;
    marker = m2[2]?.trim() || null;
  } else {
    const semi = rest.indexOf(';');
    specifier = (semi < 0 ? rest : rest.slice(0, semi)).trim();
    marker = semi < 0 ? null : rest.slice(semi + 1).trim() || null;
    if (specifier.startsWith('(') && specifier.endsWith(')')) specifier = specifier.slice(1, -1).trim();
    if (specifier !== '' && !/^(?:===|==|~=|!=|<=|>=|<|>)/.test(specifier)) return null;
  }
  return { name: normalizeName(rawName), rawName, extras, specifier, url, marker };
}

/** `==1.2.3` (no wildcard) or `===x`: exactly one version. */
export function isExactSpecifier(specifier: string): boolean {
  const clauses = specifier.split(',').map((c) => c.trim()).filter(Boolean);
  return clauses.some((c) => /^===\s*\S+$/.test(c) || (/^==\s*[^*\s]+$/.test(c) && !c.endsWith('.*')));
}

/** A VCS URL pinned to a commit-like ref (`git+https://…@v1.2` or `@<sha>`). */
export function isPinnedUrl(url: string): boolean {
  const vcs = /^(?:git|hg|svn|bzr)\+/i.test(url);
  if (!vcs) return true; // an archive URL names one file
  const path = url.replace(/^[a-z+]+:\/\/[^/]*/i, '').split('#')[0] ?? '';
  return /@[^/@]+$/.test(path);
}
