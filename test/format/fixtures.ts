/**
 * Hand-built lint reports for the formatter tests: several files, a multi-line span, CRLF, tabs,
 * non-ASCII (wide characters and an astral emoji), a path with spaces, control characters and XML
 * specials in messages, every severity, safe/unsafe/suggestion fixes and applied fixes.
 * Positions are computed from the spans with the parser's SourceFile, as the engine does.
 */
import { summarize, type Diagnostic, type FileResult, type Fix, type LintReport, type RuleDescriptor, type Severity } from '../../src/engine/types.js';
import type { FormatOptions } from '../../src/format/index.js';
import { SourceFile, type Span } from '../../src/parser/source.js';
import type { PracticeId } from '../../src/practices/ids.js';

const DOCS = 'https://dockwise.example/rules/';

function rule(name: string, severity: Severity, aliases: string[], practices: PracticeId[], summary: string): RuleDescriptor {
  return { name, aliases, practices, severity, summary, url: `${DOCS}${name}` };
}

export const RULES: ReadonlyMap<string, RuleDescriptor> = new Map(
  [
    rule('keyword-casing', 'style', ['ConsistentInstructionCasing'], [], 'Instruction keywords are written in upper case'),
    rule('base-image-latest', 'warning', ['DL3007'], ['base-pinned-tag'], 'The base image is pinned to a version tag, not `latest`'),
    rule('pip-no-cache-dir', 'warning', ['DL3042'], ['pip-no-cache'], '`pip install` runs with `--no-cache-dir`'),
    rule('apt-lists-not-cleaned', 'info', ['DL3009'], ['apt-clean-lists'], 'apt lists are removed in the layer that downloads them'),
    rule('cmd-shell-form', 'warning', ['DL3025', 'JSONArgsRecommended'], ['cmd-exec-form'], 'CMD uses the exec (JSON) form'),
    rule('label-non-ascii', 'info', [], ['labels-metadata'], 'LABEL values are plain ASCII'),
    rule('env-legacy-syntax', 'style', ['LegacyKeyValueFormat'], [], 'ENV uses the `key=value` form'),
    rule('user-root', 'error', ['DL3002'], ['user-non-root'], 'The final stage does not run as root'),
    rule('label-control-character', 'error', [], ['labels-metadata'], 'LABEL values contain no control characters'),
    rule('run-semicolons', 'style', [], ['layers-combined'], 'Commands in RUN are chained with `&&`'),
  ].map((r) => [r.name, r] as const),
);

/** The span of the `nth` occurrence of `needle` in `text`. */
export function find(text: string, needle: string, nth = 0): Span {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at === -1) throw new Error(`fixture: ${JSON.stringify(needle)} #${nth} not found`);
  }
  return { start: at, end: at + needle.length };
}

export interface DiagSpec {
  readonly rule: string;
  readonly span: Span;
  readonly message: string;
  readonly fix?: Fix;
  readonly severity?: Severity;
}

export function diag(text: string, spec: DiagSpec): Diagnostic {
  const meta = RULES.get(spec.rule);
  const range = new SourceFile(text).rangeOf(spec.span);
  return {
    rule: spec.rule,
    aliases: meta?.aliases ?? [],
    practices: meta?.practices ?? [],
    severity: spec.severity ?? meta?.severity ?? 'error',
    message: spec.message,
    span: spec.span,
    ...range,
    fix: spec.fix ?? null,
    url: meta?.url ?? null,
  };
}

export function fileResult(path: string, source: string, specs: readonly DiagSpec[], appliedFixes?: FileResult['appliedFixes']): FileResult {
  const diagnostics = specs.map((s) => diag(source, s));
  return appliedFixes === undefined ? { path, source, diagnostics } : { path, source, diagnostics, appliedFixes };
}

export function report(files: readonly FileResult[]): LintReport {
  return { files, summary: summarize(files) };
}

// --- Dockerfile: LF, a multi-line span, every kind of fix --------------------------------------

const MAIN = [
  'from python:latest',
  'WORKDIR /app',
  'COPY requirements.txt .',
  'RUN pip install -r requirements.txt',
  'RUN apt-get update \\',
  '    && apt-get install -y \\',
  '        curl \\',
  '        git',
  'COPY . .',
  'CMD python app.py',
  '',
].join('\n');

const pipInstall = find(MAIN, 'pip install');
const gitEnd = find(MAIN, '        git').end;

export const MAIN_FILE = fileResult('Dockerfile', MAIN, [
  {
    rule: 'keyword-casing',
    span: find(MAIN, 'from'),
    message: 'Instruction `from` is not upper case',
    fix: { safety: 'safe', title: 'Write `FROM`', edits: [{ ...find(MAIN, 'from'), text: 'FROM' }] },
  },
  {
    rule: 'base-image-latest',
    span: find(MAIN, 'python:latest'),
    message: 'The base image `python:latest` moves with every release',
    fix: { safety: 'suggestion', title: 'Pin a version tag, e.g. `python:3.12-slim`', edits: [] },
  },
  {
    rule: 'pip-no-cache-dir',
    span: find(MAIN, 'pip install -r requirements.txt'),
    message: '`pip install` keeps its download cache in the image',
    fix: { safety: 'unsafe', title: 'Add `--no-cache-dir`', edits: [{ start: pipInstall.end, end: pipInstall.end, text: ' --no-cache-dir' }] },
  },
  {
    rule: 'apt-lists-not-cleaned',
    span: { start: find(MAIN, 'apt-get update').start, end: gitEnd },
    message: 'The apt lists stay in the layer',
    fix: { safety: 'unsafe', title: 'Remove `/var/lib/apt/lists/*` in the same RUN', edits: [{ start: gitEnd, end: gitEnd, text: ' \\\n    && rm -rf /var/lib/apt/lists/*' }] },
  },
  {
    rule: 'cmd-shell-form',
    span: find(MAIN, 'python app.py'),
    message: 'CMD in shell form runs under `/bin/sh -c`, which does not forward signals',
    fix: { safety: 'unsafe', title: 'Use the exec form `["python", "app.py"]`', edits: [{ ...find(MAIN, 'python app.py'), text: '["python", "app.py"]' }] },
  },
]);

// --- services/api/Dockerfile.prod: CRLF, tabs, non-ASCII, applied fixes -----------------------

const API = [
  'FROM python:3.12-slim AS build',
  // "Zoe\u0308": a combining diaeresis, one UTF-16 unit and no cell of its own
  'LABEL maintainer="Zoe\u0308 Ångström <zoe@example.com>" description="API — 日本語 🐳"',
  'RUN \tpip install\t\t--upgrade pip',
  'ENV PYTHONUNBUFFERED 1',
  'USER root',
  '',
].join('\r\n');

export const API_FILE = fileResult(
  'services/api/Dockerfile.prod',
  API,
  [
    { rule: 'label-non-ascii', span: find(API, '"API — 日本語 🐳"'), message: 'LABEL `description` has non-ASCII characters: "API — 日本語 🐳"' },
    {
      rule: 'pip-no-cache-dir',
      span: find(API, 'pip install\t\t--upgrade pip'),
      message: '`pip install` keeps its download cache in the image',
      fix: { safety: 'unsafe', title: 'Add `--no-cache-dir`', edits: [{ start: find(API, 'pip install').end, end: find(API, 'pip install').end, text: ' --no-cache-dir' }] },
    },
    {
      rule: 'env-legacy-syntax',
      span: find(API, 'PYTHONUNBUFFERED 1'),
      message: '`ENV key value` is deprecated',
      fix: { safety: 'safe', title: 'Write `PYTHONUNBUFFERED=1`', edits: [{ start: find(API, 'PYTHONUNBUFFERED ').end - 1, end: find(API, 'PYTHONUNBUFFERED ').end, text: '=' }] },
    },
    // ends after the CRLF: the span covers the whole line and its terminator
    { rule: 'user-root', span: { start: find(API, 'USER root').start, end: find(API, 'USER root\r\n').end }, message: 'The final stage runs as `root`' },
  ],
  [{ rule: 'keyword-casing', title: 'Write `RUN`', safety: 'safe' }],
);

// --- deploy/my app/Dockerfile: a path with a space, control characters, a very long line ------

const LONG_PREFIX = `RUN echo "${'x'.repeat(120)}"; `;
const LONG_SUFFIX = ` && echo "${'y'.repeat(100)}"`;
const APP = ['FROM python:3.12-slim', 'LABEL note="\u001b[31mred\u001b[0m \u0001"', `${LONG_PREFIX}pip install flask${LONG_SUFFIX}`, ''].join('\n');

export const APP_FILE = fileResult('deploy/my app/Dockerfile', APP, [
  {
    rule: 'label-control-character',
    span: find(APP, '"\u001b[31mred\u001b[0m \u0001"'),
    message: 'LABEL `note` contains control characters: "\u001b[31mred\u001b[0m \u0001" & <more>',
  },
  {
    rule: 'run-semicolons',
    span: find(APP, '; '),
    message: 'A failing "<step>" before `;` does not stop the build: chain with `&&`',
    fix: { safety: 'safe', title: 'Replace `;` with `&&`', edits: [{ ...find(APP, ';'), text: ' &&' }] },
  },
  {
    rule: 'pip-no-cache-dir',
    span: find(APP, 'pip install flask'),
    message: '`pip install` keeps its download cache in the image',
    fix: { safety: 'unsafe', title: 'Add `--no-cache-dir`', edits: [{ start: find(APP, 'pip install').end, end: find(APP, 'pip install').end, text: ' --no-cache-dir' }] },
  },
]);

// --- clean/Dockerfile: nothing to report ----------------------------------------------------

export const CLEAN_FILE = fileResult('clean/Dockerfile', 'FROM python:3.12-slim\nUSER app\n', []);

export const FULL_REPORT = report([MAIN_FILE, API_FILE, APP_FILE, CLEAN_FILE]);
export const CLEAN_REPORT = report([CLEAN_FILE]);

export function options(extra: Partial<FormatOptions> = {}): FormatOptions {
  return { rules: RULES, toolVersion: '0.1.0', ...extra };
}
