/**
 * Reading the command that starts the app: which server, which address and port it binds, and
 * whether it is a development server. Works on exec-form argv (with exact spans) and on
 * shell-form text (split on blanks; shell syntax is then left alone).
 */
import type { CommandArgs } from '../parser/ast.js';
import type { Span } from '../parser/source.js';
import type { Stage } from '../model/model.js';
import { programName, stageChain } from './util.js';

export interface Arg {
  readonly value: string;
  readonly span: Span;
}

export interface ServerCommand {
  /** gunicorn, uvicorn, flask, django-runserver, hypercorn, daphne, granian, waitress, uwsgi, fastapi, python-script. */
  readonly server: string;
  readonly argv: readonly Arg[];
  /** The argv element naming the server (or the `runserver` / `run` subcommand). */
  readonly at: Arg;
  /** Explicit bind addresses (`host:port`, `:port`, `unix:…`) with the argument that set them. */
  readonly binds: readonly { readonly host: string | null; readonly port: string | null; readonly arg: Arg }[];
  /** When nothing is bound explicitly: where the server listens by default. */
  readonly defaultHost: string | null;
  readonly defaultPort: string | null;
  /** `--reload`, `runserver`, `flask run`, `fastapi dev`. */
  readonly development: Arg | null;
  /** A config file option (`-c gunicorn.conf.py`) that may set the bind. */
  readonly configFile: boolean;
}

export function argvOf(cmd: CommandArgs): Arg[] {
  if (cmd.form === 'exec') return cmd.json.elements.map((e) => ({ value: e.value, span: e.span }));
  const out: Arg[] = [];
  const re = /[^ \t]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(cmd.text))) {
    const start = cmd.span.start + m.index;
    // Shell text may span continuation lines: only keep exact spans when the text is contiguous.
    const exact = cmd.span.end - cmd.span.start === cmd.text.length;
    out.push({ value: m[0].replace(/^["']|["']$/g, ''), span: exact ? { start, end: start + m[0].length } : cmd.span });
  }
  return out;
}

/** ENTRYPOINT + CMD as the container runs them (exec ENTRYPOINT gets CMD appended). */
export function effectiveArgv(stage: Stage): Arg[] | null {
  let entrypoint: CommandArgs | null = null;
  let cmd: CommandArgs | null = null;
  let cmdFromSameStage = true;
  for (const s of stageChain(stage)) {
    for (let k = s.instructions.length - 1; k >= 0; k--) {
      const ins = s.instructions[k]?.instruction;
      if (!ins) continue;
      if (ins.name === 'ENTRYPOINT' && entrypoint === null && ins.command) entrypoint = ins.command;
      if (ins.name === 'CMD' && cmd === null && ins.command && (cmdFromSameStage || !entrypoint)) cmd = ins.command;
    }
    cmdFromSameStage = false;
  }
  if (!entrypoint && !cmd) return null;
  if (entrypoint?.form === 'shell') return argvOf(entrypoint);
  return [...(entrypoint ? argvOf(entrypoint) : []), ...(cmd ? argvOf(cmd) : [])];
}

const WRAPPERS = new Set(['exec', 'tini', 'dumb-init', 'gosu', 'su-exec', 'env', '--', 'sh', 'bash', '/bin/sh', '/bin/bash', '-c', 'opentelemetry-instrument', 'ddtrace-run', 'newrelic-admin', 'run-program']);

function splitHostPort(s: string): { host: string | null; port: string | null } {
  if (s.startsWith('unix:') || s.startsWith('fd://')) return { host: s, port: null };
  const m = /^(?:\[([^\]]*)\]|([^:]*)):(\S*)$/.exec(s);
  if (m) return { host: m[1] ?? m[2] ?? '', port: m[3] ?? null };
  return /^\d+$/.test(s) ? { host: null, port: s } : { host: s, port: null };
}

/** The option value of `-b X`, `-bX`, `--bind X` or `--bind=X`. */
function optionValues(argv: readonly Arg[], from: number, short: string | null, long: string): Arg[] {
  const out: Arg[] = [];
  for (let i = from; i < argv.length; i++) {
    const a = argv[i] as Arg;
    const next = argv[i + 1];
    if (a.value === long || (short && a.value === short)) {
      if (next) out.push(next);
      i++;
    } else if (a.value.startsWith(long + '=')) out.push({ value: a.value.slice(long.length + 1), span: a.span });
    else if (short && a.value.startsWith(short) && a.value.length > short.length && !a.value.startsWith('--')) out.push({ value: a.value.slice(short.length), span: a.span });
  }
  return out;
}

function has(argv: readonly Arg[], from: number, ...flags: string[]): Arg | null {
  for (let i = from; i < argv.length; i++) {
    const a = argv[i] as Arg;
    if (flags.includes(a.value) || flags.some((f) => f.startsWith('--') && a.value.startsWith(f + '='))) return a;
  }
  return null;
}

export function analyzeServer(argvIn: readonly Arg[]): ServerCommand | null {
  let argv = [...argvIn];
  // sh -c "…" as one element: split it too.
  const c = argv.findIndex((a) => a.value === '-c');
  if (c >= 0 && c + 1 < argv.length && /^(?:\/bin\/)?(?:ba|da)?sh$/.test(argv[0]?.value ?? '')) {
    const body = argv[c + 1] as Arg;
    argv = body.value.split(/\s+/).filter(Boolean).map((value) => ({ value: value.replace(/^["']|["']$/g, ''), span: body.span }));
  }
  let i = 0;
  while (i < argv.length && (WRAPPERS.has(programName(argv[i]?.value)) || /^[A-Z_][A-Z0-9_]*=/.test(argv[i]?.value ?? '') || argv[i]?.value.startsWith('-'))) i++;
  const first = argv[i];
  if (!first) return null;
  let prog = programName(first.value);
  let start = i + 1;
  if (prog === 'python3' || prog === 'python') {
    // python -m gunicorn / uvicorn / flask; python manage.py runserver; python app.py
    let j = start;
    while (j < argv.length && /^-[a-zA-Z]+$/.test(argv[j]?.value ?? '') && argv[j]?.value !== '-m') j++;
    if (argv[j]?.value === '-m' && argv[j + 1]) {
      prog = programName(argv[j + 1]?.value);
      start = j + 2;
    } else if (argv[j] && /(?:^|\/)manage\.py$/.test(argv[j]?.value ?? '')) {
      prog = 'manage.py';
      start = j + 1;
    } else if (argv[j] && /\.py$/.test(argv[j]?.value ?? '')) {
      return { server: 'python-script', argv, at: argv[j] as Arg, binds: [], defaultHost: null, defaultPort: null, development: null, configFile: false };
    } else return null;
  }
  const base = { argv, at: first, configFile: false };
  switch (prog) {
    case 'gunicorn': {
      const binds = optionValues(argv, start, '-b', '--bind').map((arg) => ({ ...splitHostPort(arg.value), arg }));
      const configFile = has(argv, start, '-c', '--config') !== null;
      return { ...base, server: 'gunicorn', binds, defaultHost: '127.0.0.1', defaultPort: '8000', development: has(argv, start, '--reload'), configFile };
    }
    case 'uvicorn':
    case 'granian': {
      const hosts = optionValues(argv, start, null, '--host');
      const ports = optionValues(argv, start, null, '--port');
      const uds = optionValues(argv, start, null, '--uds');
      const binds = uds.length
        ? uds.map((arg) => ({ host: `unix:${arg.value}`, port: null, arg }))
        : hosts.length || ports.length
          ? [{ host: hosts.at(-1)?.value ?? null, port: ports.at(-1)?.value ?? null, arg: (hosts.at(-1) ?? ports.at(-1)) as Arg }]
          : [];
      return { ...base, server: prog, binds, defaultHost: '127.0.0.1', defaultPort: '8000', development: has(argv, start, '--reload'), configFile: false };
    }
    case 'hypercorn':
    case 'daphne': {
      const binds = optionValues(argv, start, '-b', '--bind').map((arg) => ({ ...splitHostPort(arg.value), arg }));
      const ports = optionValues(argv, start, '-p', '--port');
      const all = prog === 'daphne' && ports.length ? [...binds, { host: binds.at(-1)?.host ?? null, port: ports.at(-1)?.value ?? null, arg: ports.at(-1) as Arg }] : binds;
      return { ...base, server: prog, binds: all, defaultHost: '127.0.0.1', defaultPort: '8000', development: has(argv, start, '--reload'), configFile: has(argv, start, '-c', '--config') !== null };
    }
    case 'flask': {
      const run = argv.slice(start).find((a) => a.value === 'run');
      if (!run) return null;
      const hosts = optionValues(argv, start, '-h', '--host');
      const ports = optionValues(argv, start, '-p', '--port');
      const binds = hosts.length || ports.length ? [{ host: hosts.at(-1)?.value ?? null, port: ports.at(-1)?.value ?? null, arg: (hosts.at(-1) ?? ports.at(-1)) as Arg }] : [];
      return { ...base, at: run, server: 'flask', binds, defaultHost: '127.0.0.1', defaultPort: '5000', development: run, configFile: false };
    }
    case 'manage.py':
    case 'django-admin': {
      const runserver = argv.slice(start).find((a) => a.value === 'runserver');
      if (!runserver) return null;
      const k = argv.indexOf(runserver);
      const addr = argv.slice(k + 1).find((a) => !a.value.startsWith('-'));
      const binds = addr ? [{ ...splitHostPort(addr.value), arg: addr }] : [];
      return { ...base, at: runserver, server: 'django-runserver', binds, defaultHost: '127.0.0.1', defaultPort: '8000', development: runserver, configFile: false };
    }
    case 'fastapi': {
      const sub = argv[start];
      if (!sub || (sub.value !== 'run' && sub.value !== 'dev')) return null;
      const hosts = optionValues(argv, start, null, '--host');
      const ports = optionValues(argv, start, null, '--port');
      const binds = hosts.length || ports.length ? [{ host: hosts.at(-1)?.value ?? null, port: ports.at(-1)?.value ?? null, arg: (hosts.at(-1) ?? ports.at(-1)) as Arg }] : [];
      const dev = sub.value === 'dev';
      return { ...base, at: sub, server: 'fastapi', binds, defaultHost: dev ? '127.0.0.1' : '0.0.0.0', defaultPort: '8000', development: dev ? sub : has(argv, start, '--reload'), configFile: false };
    }
    case 'waitress-serve': {
      const listen = optionValues(argv, start, null, '--listen').map((arg) => ({ ...splitHostPort(arg.value), arg }));
      const ports = optionValues(argv, start, null, '--port');
      const binds = listen.length ? listen : ports.length ? [{ host: null, port: ports.at(-1)?.value ?? null, arg: ports.at(-1) as Arg }] : [];
      return { ...base, server: 'waitress', binds, defaultHost: '0.0.0.0', defaultPort: '8080', development: null, configFile: false };
    }
    case 'uwsgi': {
      const http = [...optionValues(argv, start, null, '--http'), ...optionValues(argv, start, null, '--http-socket'), ...optionValues(argv, start, null, '--socket')].map((arg) => ({ ...splitHostPort(arg.value), arg }));
      return { ...base, server: 'uwsgi', binds: http, defaultHost: null, defaultPort: null, development: null, configFile: argv.slice(start).some((a) => /\.(?:ini|ya?ml|xml|json)$/.test(a.value)) };
    }
    default:
      return null;
  }
}

export function isLoopback(host: string | null): boolean {
  if (host === null) return false;
  const h = host.toLowerCase();
  return h === 'localhost' || h.startsWith('127.') || h === '::1' || h === 'ip6-localhost';
}

/** The server command of the final stage, with the stage. */
export function serverOf(stage: Stage): ServerCommand | null {
  const argv = effectiveArgv(stage);
  return argv ? analyzeServer(argv) : null;
}
