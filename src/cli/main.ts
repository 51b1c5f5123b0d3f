/**
 * The `dockwise` command line. Exit codes: 0 nothing at or above the failure threshold;
 * 1 findings; 2 usage, config, I/O or parse error. Errors are one line each on stderr, never a
 * stack trace.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import pc from 'picocolors';
import type { ConfigLayer } from '../config/types.js';
import { ruleUrl } from '../engine/lint.js';
import { SEVERITY_RANK, summarize, type FileResult, type RuleDescriptor, type Severity } from '../engine/types.js';
import { FORMAT_NAMES, formatReport, NO_COLORS, type Colors, type FormatName } from '../format/index.js';
import { decodeDockerfile, DecodeError, dump, parse } from '../parser/index.js';
import { RULES } from '../rules/index.js';
import { findDockerfiles, InputError } from '../node/files.js';
import { lintInParallel } from '../node/pool.js';
import { toJsonTree } from './tree-json.js';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;

interface Io {
  readonly stdout: (s: string) => void;
  readonly stderr: (s: string) => void;
  readonly isTTY: boolean;
  readonly cwd: string;
}

const defaultIo: Io = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  isTTY: Boolean(process.stdout.isTTY),
  cwd: process.cwd(),
};

function version(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

function ruleDescriptors(): Map<string, RuleDescriptor> {
  const map = new Map<string, RuleDescriptor>();
  for (const r of RULES) map.set(r.name, { name: r.name, aliases: r.aliases, practices: r.practices, severity: r.severity, summary: r.summary, url: ruleUrl(r.name) });
  map.set('parse-error', { name: 'parse-error', aliases: ['DL1000'], practices: [], severity: 'error', summary: 'The Dockerfile does not parse (BuildKit would reject it)', url: ruleUrl('parse-error') });
  map.set('internal-error', { name: 'internal-error', aliases: [], practices: [], severity: 'error', summary: 'A rule failed on this file', url: ruleUrl('internal-error') });
  return map;
}

function colorsFor(enabled: boolean): Colors {
  if (!enabled) return NO_COLORS;
  const c = pc.createColors(true);
  return { red: c.red, yellow: c.yellow, blue: c.blue, cyan: c.cyan, magenta: c.magenta, gray: c.gray, bold: c.bold, dim: c.dim, underline: c.underline, green: c.green };
}

function isIsoDate(s: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s));
}

class UsageError extends Error {}

function list(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').map((s) => s.trim()).filter(Boolean)];
}

async function runLint(paths: string[], opts: Record<string, unknown>, io: Io): Promise<number> {
  const format = (opts['format'] as FormatName | undefined) ?? 'text';
  const today = opts['today'] as string | undefined;
  if (today !== undefined && !isIsoDate(today)) throw new UsageError(`--today expects a date as YYYY-MM-DD, got '${today}'`);
  const threshold = (opts['failureThreshold'] as Severity | 'none' | undefined) ?? 'info';
  const inputs = paths.length > 0 ? paths : ['.'];
  let files;
  try {
    files = findDockerfiles(inputs, io.cwd);
  } catch (err) {
    if (err instanceof InputError) {
      io.stderr(`dockwise: ${err.message}\n`);
      return EXIT_ERROR;
    }
    throw err;
  }
  if (files.length === 0) {
    io.stderr(`dockwise: no Dockerfile found in ${inputs.join(', ')}\n`);
    return EXIT_ERROR;
  }
  const cliLayer: ConfigLayer = {
    ...(opts['select'] ? { select: opts['select'] as string[] } : {}),
    ...(opts['extendSelect'] ? { extendSelect: opts['extendSelect'] as string[] } : {}),
    ...(opts['ignore'] ? { ignore: opts['ignore'] as string[] } : {}),
  };
  const fixMode = opts['fixDryRun'] ? 'dry-run' : opts['fix'] ? 'write' : 'off';
  const outcomes = await lintInParallel(
    files,
    {
      ...(opts['config'] ? { configPath: opts['config'] as string } : {}),
      cliLayer,
      settings: today ? { today } : {},
      context: (opts['context'] as string | undefined) ?? '',
      fix: fixMode,
      unsafeFixes: Boolean(opts['unsafeFixes']),
    },
    opts['jobs'] ? Number(opts['jobs']) : undefined,
  );
  let failed = false;
  const errors = new Set<string>();
  const results: FileResult[] = [];
  for (const o of outcomes) {
    if (o.kind === 'error') {
      errors.add(o.message);
      failed = true;
      continue;
    }
    if (o.parseError) failed = true;
    results.push(o.result);
    if (o.diff) io.stdout(o.diff);
    if (o.fixedText !== undefined) io.stdout(o.fixedText);
  }
  for (const e of errors) io.stderr(`dockwise: ${e}\n`);
  const report = { files: results, summary: summarize(results) };
  const out = formatReport(report, format, { rules: ruleDescriptors(), colors: colorsFor(format === 'text' && io.isTTY && !opts['noColor'] && opts['color'] !== false), toolVersion: version() });
  const toStderr = fixMode !== 'off' && (fixMode === 'dry-run' || files.some((f) => f.abs === '-'));
  if (out) (toStderr ? io.stderr : io.stdout)(out.endsWith('\n') ? out : out + '\n');
  if (failed) return EXIT_ERROR;
  if (threshold === 'none') return EXIT_OK;
  const min = SEVERITY_RANK[threshold];
  const hit = results.some((r) => r.diagnostics.some((d) => SEVERITY_RANK[d.severity] >= min));
  return hit ? EXIT_FINDINGS : EXIT_OK;
}

function runParse(path: string, opts: Record<string, unknown>, io: Io): number {
  let bytes: Uint8Array;
  try {
    bytes = path === '-' ? readFileSync(0) : readFileSync(resolve(io.cwd, path));
  } catch (err) {
    io.stderr(`dockwise: ${path}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : 'cannot read'}\n`);
    return EXIT_ERROR;
  }
  let text: string;
  try {
    text = decodeDockerfile(bytes).text;
  } catch (err) {
    if (err instanceof DecodeError) {
      io.stderr(`${path}:${err.line}:${err.column}: ${err.message}\n`);
      return EXIT_ERROR;
    }
    throw err;
  }
  const file = parse(text);
  const format = (opts['format'] as string | undefined) ?? 'json';
  if (file.errors.length > 0) {
    for (const e of file.errors) {
      const col = e.span.start - (text.lastIndexOf('\n', e.span.start - 1) + 1) + 1;
      io.stderr(`${path}:${e.line}:${e.line === 0 ? 0 : col}: ${e.message}\n`);
    }
    return EXIT_ERROR;
  }
  if (format === 'buildkit-dump') io.stdout(dump(file));
  else io.stdout(JSON.stringify(toJsonTree(file), null, 2) + '\n');
  return EXIT_OK;
}

function runRules(opts: Record<string, unknown>, io: Io): number {
  if (opts['format'] === 'json') {
    io.stdout(JSON.stringify([...ruleDescriptors().values()], null, 2) + '\n');
    return EXIT_OK;
  }
  for (const r of RULES) {
    const on = r.enabledByDefault === false || r.experimental ? 'off' : 'on ';
    io.stdout(`${on} ${r.severity.padEnd(7)} ${r.name.padEnd(36)} ${r.aliases.join(', ')}\n`);
  }
  return EXIT_OK;
}

export async function main(argv: readonly string[], io: Io = defaultIo): Promise<number> {
  let code = EXIT_OK;
  const program = new Command()
    .name('dockwise')
    .description('Lint, fix and explain Dockerfiles for Python web apps, the way experts write them.')
    .version(version(), '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) })
    .showSuggestionAfterError(true);

  program
    .command('lint', { isDefault: true })
    .description('Lint Dockerfiles: files, directories (searched for Dockerfile, *.Dockerfile, Dockerfile.*, Containerfile), globs, or - for stdin')
    .argument('[paths...]', 'files, directories or globs (default: .)')
    .addOption(new Option('-f, --format <format>', 'output format').choices([...FORMAT_NAMES]).default('text'))
    .addOption(new Option('--failure-threshold <severity>', 'exit 1 when a finding is at least this severe').choices(['error', 'warning', 'info', 'style', 'none']).default('info'))
    .option('-c, --config <file>', 'use this config file instead of searching for one')
    .option('--select <rules>', 'run only these rules, aliases or practice IDs (comma-separated)', list)
    .option('--extend-select <rules>', 'also run these rules (comma-separated)', list)
    .option('--ignore <rules>', 'do not run these rules (comma-separated)', list)
    .option('--today <date>', 'the date for end-of-life checks (YYYY-MM-DD; default: today)')
    .option('--context <dir|none>', 'the build context (default: the Dockerfile\'s folder); none switches context rules off')
    .option('--fix', 'apply safe fixes and write the files')
    .option('--unsafe-fixes', 'with --fix, also apply unsafe fixes')
    .option('--fix-dry-run', 'print the fixes as a unified diff; write nothing')
    .option('--no-color', 'no colours in text output')
    .option('-j, --jobs <n>', 'worker threads (default: one per core)')
    .action(async (paths: string[], opts: Record<string, unknown>) => {
      code = await runLint(paths, opts, io);
    });

  program
    .command('parse')
    .description('Parse a Dockerfile and print its syntax tree')
    .argument('<file>', 'a Dockerfile, or - for stdin')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['json', 'buildkit-dump']).default('json'))
    .action((path: string, opts: Record<string, unknown>) => {
      code = runParse(path, opts, io);
    });

  program
    .command('rules')
    .description('List the rules')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action((opts: Record<string, unknown>) => {
      code = runRules(opts, io);
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return EXIT_OK;
      return EXIT_ERROR;
    }
    if (err instanceof UsageError) {
      io.stderr(`dockwise: ${err.message}\n`);
      return EXIT_ERROR;
    }
    io.stderr(`dockwise: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    return EXIT_ERROR;
  }
  return code;
}
