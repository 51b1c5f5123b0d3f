/**
 * A small tokenizer for pip's requirements files: continuation lines, comments, `-r`/`-c`
 * includes, `-e`, `--hash`, global options, PEP 508 requirements, URLs, VCS URLs and paths.
 * It never throws; lines it does not understand are kept as problems.
 */
import { isExactSpecifier, isPinnedUrl, normalizeName, parseRequirement, type Requirement } from './pep508.js';

export type RequirementKind = 'name' | 'url' | 'vcs' | 'path';

export interface RequirementLine {
  /** 1-based first line of the (possibly continued) requirement. */
  readonly line: number;
  /** The requirement text without options and comment. */
  readonly text: string;
  readonly kind: RequirementKind;
  /** Normalised name, when known (a name, `name @ url`, `#egg=`). */
  readonly name: string | null;
  readonly requirement: Requirement | null;
  readonly editable: boolean;
  readonly hashes: readonly string[];
  /** One exact version: `==`/`===`, a hash, a local path, an archive URL, a VCS URL with a ref. */
  readonly pinned: boolean;
}

export interface RequirementInclude {
  readonly kind: 'requirement' | 'constraint';
  readonly path: string;
  readonly line: number;
}

export interface RequirementsFile {
  readonly requirements: readonly RequirementLine[];
  readonly includes: readonly RequirementInclude[];
  /** Global options (`--index-url`, `--require-hashes`, …) by name, with their values. */
  readonly options: readonly { readonly name: string; readonly value: string | null; readonly line: number }[];
  readonly problems: readonly { readonly line: number; readonly message: string }[];
}

/** Options that take a value, by their long name; short aliases map to long names. */
const VALUE_OPTIONS = new Set(['requirement', 'constraint', 'editable', 'index-url', 'extra-index-url', 'find-links', 'trusted-host', 'hash', 'no-binary', 'only-binary', 'use-feature', 'global-option', 'config-settings', 'install-option', 'progress-bar']);
const SHORT: Readonly<Record<string, string>> = { r: 'requirement', c: 'constraint', e: 'editable', i: 'index-url', f: 'find-links' };

/** pip's line preprocessing: joins `\` continuations, then drops comments (`#` at the start or after whitespace). */
function logicalLines(text: string): { line: number; text: string }[] {
  const physical = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const out: { line: number; text: string }[] = [];
  let buf = '';
  let start = 0;
  physical.forEach((raw, i) => {
    if (buf === '') start = i + 1;
    if (/(?:^|[^\\])(?:\\\\)*\\$/.test(raw) && !/^\s*#/.test(raw)) {
      buf += raw.slice(0, -1);
      return;
    }
    buf += raw;
    out.push({ line: start, text: buf });
    buf = '';
  });
  if (buf !== '') out.push({ line: start, text: buf });
  return out
    .map((l) => ({ line: l.line, text: l.text.replace(/(?:^|\s+)#.*$/, '').trim() }))
    .filter((l) => l.text !== '');
}

/** Shell-like split on blanks, honouring quotes (pip uses shlex for the options part). */
function tokens(s: string): string[] {
  const out: string[] = [];
  const re = /"([^"]*)"|'([^']*)'|(\S+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) out.push(m[1] ?? m[2] ?? m[3] ?? '');
  return out;
}

function classify(text: string, editable: boolean, hashes: readonly string[]): Omit<RequirementLine, 'line'> {
  const eggName = /#(?:.*&)?egg=([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(text)?.[1] ?? null;
  if (/^(?:git|hg|svn|bzr)\+/i.test(text)) {
    return { text, kind: 'vcs', name: eggName ? normalizeName(eggName) : null, requirement: null, editable, hashes, pinned: hashes.length > 0 || isPinnedUrl(text) };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    return { text, kind: 'url', name: eggName ? normalizeName(eggName) : null, requirement: null, editable, hashes, pinned: true };
  }
  const req = parseRequirement(text);
  if (req && !/^\.{1,2}(?:\/|$)/.test(text) && !/\.(?:whl|tar\.gz|zip|tgz|tar\.bz2)$/i.test(text)) {
    const pinned = hashes.length > 0 || (req.url ? isPinnedUrl(req.url) : isExactSpecifier(req.specifier));
    return { text, kind: req.url ? (/^(?:git|hg|svn|bzr)\+/i.test(req.url) ? 'vcs' : 'url') : 'name', name: req.name, requirement: req, editable, hashes, pinned };
  }
  // A local path or archive: it names one thing in the project.
  return { text, kind: 'path', name: eggName ? normalizeName(eggName) : null, requirement: null, editable, hashes, pinned: true };
}

export function parseRequirementsText(text: string): RequirementsFile {
  const requirements: RequirementLine[] = [];
  const includes: RequirementInclude[] = [];
  const options: { name: string; value: string | null; line: number }[] = [];
  const problems: { line: number; message: string }[] = [];
  for (const l of logicalLines(text)) {
    const words = tokens(l.text);
    // Requirement words run until the first option (pip's break_args_options).
    const firstOption = words.findIndex((w) => w.startsWith('-'));
    const reqWords = firstOption < 0 ? words : words.slice(0, firstOption);
    const optWords = firstOption < 0 ? [] : words.slice(firstOption);
    const parsed: { name: string; value: string | null }[] = [];
    for (let i = 0; i < optWords.length; i++) {
      const w = optWords[i] as string;
      let name: string;
      let value: string | null = null;
      if (w.startsWith('--')) {
        const eq = w.indexOf('=');
        name = eq < 0 ? w.slice(2) : w.slice(2, eq);
        if (eq >= 0) value = w.slice(eq + 1);
      } else if (w.length >= 2) {
        name = SHORT[w[1] as string] ?? w.slice(1);
        if (w.length > 2) value = w.slice(2).replace(/^=/, '');
      } else {
        problems.push({ line: l.line, message: `a lone '-'` });
        continue;
      }
      if (value === null && VALUE_OPTIONS.has(name)) {
        const next = optWords[i + 1];
        if (next === undefined) {
          problems.push({ line: l.line, message: `--${name} needs a value` });
          continue;
        }
        value = next;
        i++;
      }
      parsed.push({ name, value });
    }
    const hashes = parsed.filter((o) => o.name === 'hash' && o.value).map((o) => o.value as string);
    const editable = parsed.find((o) => o.name === 'editable');
    for (const o of parsed) {
      if (o.name === 'requirement' || o.name === 'constraint') {
        if (o.value) includes.push({ kind: o.name, path: o.value, line: l.line });
      } else if (o.name !== 'hash' && o.name !== 'editable') options.push({ ...o, line: l.line });
    }
    if (editable?.value) requirements.push({ line: l.line, ...classify(editable.value, true, hashes) });
    if (reqWords.length > 0) {
      const reqText = reqWords.join(' ');
      const r = classify(reqText, false, hashes);
      if (r.kind === 'path' && !/[/.]/.test(reqText)) problems.push({ line: l.line, message: `'${reqText}' is not a requirement` });
      else requirements.push({ line: l.line, ...r });
    }
  }
  return { requirements, includes, options, problems };
}
