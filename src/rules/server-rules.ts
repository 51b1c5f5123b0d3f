import { defineRule } from '../engine/rule.js';
import type { Span } from '../parser/source.js';
import type { Stage } from '../model/model.js';
import { envValue, chainInfos } from './util.js';
import { isLoopback, serverOf, type ServerCommand } from './server.js';

const DEV_NAMES: Readonly<Record<string, string>> = {
  flask: '`flask run` is Flask\'s development server',
  'django-runserver': '`runserver` is Django\'s development server',
  fastapi: '`fastapi dev` is a development server with auto-reload',
};

export const developmentServer = defineRule({
  name: 'development-server',
  practices: ['server-production'],
  severity: 'warning',
  aliases: [],
  fixable: 'suggestion',
  summary: 'The image starts a development server (`flask run`, `runserver`, `--reload`)',
  docs: {
    what: 'Reports a final stage whose CMD/ENTRYPOINT starts a development server: `flask run`, `manage.py runserver`, `fastapi dev`, or any server with `--reload`.',
    why: 'Development servers are single-process, not hardened and, with reload, watch the filesystem for changes that never come in an image. The frameworks say so themselves. A production WSGI/ASGI server (gunicorn, uvicorn workers) handles concurrency, timeouts and signals.',
    fixSafety: 'A suggestion: the module path of the app (`module:app`) is needed to write the gunicorn command.',
  },
  examples: {
    bad: [
      { code: 'FROM python:3.12-slim\nCMD ["flask", "run", "--host=0.0.0.0"]\n' },
      { code: 'FROM python:3.12-slim\nCMD ["python", "manage.py", "runserver", "0.0.0.0:8000"]\n' },
      { code: 'FROM python:3.12-slim\nCMD ["uvicorn", "main:app", "--host", "0.0.0.0", "--reload"]\n' },
    ],
    good: [{ code: 'FROM python:3.12-slim\nCMD ["gunicorn", "-b", "0.0.0.0:8000", "app:app"]\n' }, { code: 'FROM python:3.12-slim\nCMD ["fastapi", "run", "main.py"]\n' }],
  },
  create(ctx) {
    return {
      stageEnd(stage) {
        if (!stage.isFinal) return;
        const server = serverOf(stage);
        if (!server?.development) return;
        const why = server.development.value.startsWith('--reload') ? `\`--reload\` makes ${server.server} a development server that watches files` : (DEV_NAMES[server.server] ?? 'this is a development server');
        ctx.report({
          span: server.development.span,
          message: `${why}: run a production server such as gunicorn${server.server === 'fastapi' || server.server === 'uvicorn' ? ' with uvicorn workers' : ''}`,
          fix: { safety: 'suggestion', title: server.server === 'django-runserver' ? 'Use `gunicorn -b 0.0.0.0:8000 <project>.wsgi`' : 'Use `gunicorn -b 0.0.0.0:8000 <module>:app`', edits: [] },
        });
      },
    };
  },
});

function envHost(stage: Stage, server: ServerCommand): boolean {
  // Servers that read their bind from the environment.
  const vars: Record<string, string[]> = { gunicorn: ['GUNICORN_CMD_ARGS', 'PORT'], uvicorn: ['UVICORN_HOST'], flask: ['FLASK_RUN_HOST'], granian: ['GRANIAN_HOST'] };
  return (vars[server.server] ?? []).some((v) => envValue(stage, v) !== null);
}

export const serverBoundToLoopback = defineRule({
  name: 'server-bound-to-loopback',
  practices: ['server-production', 'expose-port'],
  severity: 'warning',
  aliases: [],
  fixable: 'suggestion',
  summary: 'The server listens on 127.0.0.1 inside the container, so nothing outside can reach it',
  docs: {
    what: 'Reports a final-stage server bound to a loopback address, explicitly (`-b 127.0.0.1:8000`, `--host localhost`) or by its default (uvicorn, hypercorn, daphne, granian and `flask run` listen on 127.0.0.1 unless told otherwise).',
    why: 'Published ports reach the container\'s network interface, not its loopback: a server on 127.0.0.1 is unreachable through `docker run -p` and every probe fails, while the process looks healthy.',
    fixSafety: 'A suggestion to bind 0.0.0.0.',
  },
  examples: {
    bad: [
      { code: 'FROM python:3.12-slim\nCMD ["uvicorn", "main:app"]\n' },
      { code: 'FROM python:3.12-slim\nCMD ["gunicorn", "-b", "127.0.0.1:8000", "app:app"]\n' },
    ],
    good: [
      { code: 'FROM python:3.12-slim\nCMD ["uvicorn", "main:app", "--host", "0.0.0.0"]\n' },
      { code: 'FROM python:3.12-slim\nCMD ["gunicorn", "app:app"]\n', title: 'gunicorn without -b: its config file or $PORT may set the bind' },
    ],
  },
  create(ctx) {
    return {
      stageEnd(stage) {
        if (!stage.isFinal) return;
        const server = serverOf(stage);
        if (!server || server.server === 'python-script') return;
        const loop = server.binds.find((b) => isLoopback(b.host));
        if (loop) {
          ctx.report({ span: loop.arg.span, message: `${server.server} listens on ${loop.host}: unreachable from outside the container; bind 0.0.0.0`, fix: { safety: 'suggestion', title: 'Bind 0.0.0.0', edits: [] } });
          return;
        }
        const hostGiven = server.binds.some((b) => b.host !== null);
        if (hostGiven || server.configFile || envHost(stage, server)) return;
        if (server.server === 'gunicorn' || server.defaultHost !== '127.0.0.1') return;
        ctx.report({
          span: server.at.span,
          message: `${server.server === 'django-runserver' ? 'runserver' : server.server} listens on 127.0.0.1 by default: unreachable from outside the container; pass ${server.server === 'django-runserver' ? '`0.0.0.0:8000`' : '`--host 0.0.0.0`'}`,
          fix: { safety: 'suggestion', title: 'Bind 0.0.0.0', edits: [] },
        });
      },
    };
  },
});

function exposedPorts(stage: Stage): { port: string; span: Span }[] {
  const out: { port: string; span: Span }[] = [];
  for (const info of chainInfos(stage)) {
    const ins = info.instruction;
    if (ins.name !== 'EXPOSE') continue;
    for (const w of ins.args) out.push({ port: w.text.replace(/\/(?:tcp|udp|sctp)$/i, ''), span: w.span });
  }
  return out;
}

export const exposeMismatch = defineRule({
  name: 'expose-port-mismatch',
  practices: ['expose-port'],
  severity: 'warning',
  aliases: [],
  summary: 'EXPOSE names a port the server does not listen on',
  docs: {
    what: 'Compares the final stage\'s EXPOSE with the port its server command binds (`-b 0.0.0.0:8000`, `--port 8000`, or the server\'s default) and reports a mismatch. Ports set by variables are skipped.',
    why: 'EXPOSE is documentation that tools act on: `docker run -P`, Compose and platform defaults publish the exposed port. If the server listens elsewhere, the published port answers nothing.',
  },
  examples: {
    bad: [{ code: 'FROM python:3.12-slim\nEXPOSE 5000\nCMD ["gunicorn", "-b", "0.0.0.0:8000", "app:app"]\n' }],
    good: [
      { code: 'FROM python:3.12-slim\nEXPOSE 8000\nCMD ["gunicorn", "-b", "0.0.0.0:8000", "app:app"]\n' },
      { code: 'FROM python:3.12-slim\nEXPOSE $PORT\nCMD ["gunicorn", "-b", "0.0.0.0:8000", "app:app"]\n' },
    ],
  },
  create(ctx) {
    return {
      stageEnd(stage) {
        if (!stage.isFinal) return;
        const server = serverOf(stage);
        if (!server || server.server === 'python-script') return;
        const exposed = exposedPorts(stage);
        if (exposed.length === 0 || exposed.some((e) => !/^\d+(?:-\d+)?$/.test(e.port))) return;
        const bound = server.binds.filter((b) => b.port !== null && !(b.host ?? '').startsWith('unix:'));
        if (server.binds.some((b) => b.port !== null && !/^\d+$/.test(b.port))) return;
        if (bound.length === 0 && (server.configFile || server.server === 'gunicorn' || !server.defaultPort)) return;
        const ports = bound.length ? bound.map((b) => b.port as string) : [server.defaultPort as string];
        const covered = (p: string): boolean => exposed.some((e) => (e.port.includes('-') ? Number(p) >= Number(e.port.split('-')[0]) && Number(p) <= Number(e.port.split('-')[1]) : e.port === p));
        const missing = ports.filter((p) => !covered(p));
        if (missing.length === 0) return;
        const first = exposed[0];
        if (!first) return;
        ctx.report({
          span: first.span,
          message: `EXPOSE ${exposed.map((e) => e.port).join(', ')} but ${server.server === 'django-runserver' ? 'runserver' : server.server} listens on port ${missing.join(', ')}${bound.length ? '' : ' (its default)'}`,
        });
      },
    };
  },
});

export const missingExpose = defineRule({
  name: 'missing-expose',
  practices: ['expose-port'],
  severity: 'info',
  aliases: [],
  fixable: 'suggestion',
  summary: 'The image runs a web server but does not EXPOSE its port',
  docs: {
    what: 'Reports a final stage that starts a known web server (gunicorn, uvicorn, …) without any EXPOSE.',
    why: 'EXPOSE tells people and tools which port the container serves: `docker run -P`, Compose and PaaS defaults use it. Without it, the port is knowledge that lives only in the CMD.',
    fixSafety: 'A suggestion naming the port the server binds.',
  },
  examples: {
    bad: [{ code: 'FROM python:3.12-slim\nCMD ["gunicorn", "-b", "0.0.0.0:8000", "app:app"]\n' }],
    good: [{ code: 'FROM python:3.12-slim\nEXPOSE 8000\nCMD ["gunicorn", "-b", "0.0.0.0:8000", "app:app"]\n' }, { code: 'FROM python:3.12-slim\nCMD ["python", "job.py"]\n' }],
  },
  create(ctx) {
    return {
      stageEnd(stage) {
        if (!stage.isFinal) return;
        const server = serverOf(stage);
        if (!server || server.server === 'python-script') return;
        if (exposedPorts(stage).length > 0) return;
        const port = server.binds.find((b) => b.port)?.port ?? server.defaultPort;
        ctx.report({
          span: server.at.span,
          message: `${server.server === 'django-runserver' ? 'runserver' : server.server} serves HTTP but the image has no EXPOSE${port && /^\d+$/.test(port) ? `: add \`EXPOSE ${port}\`` : ''}`,
          fix: port && /^\d+$/.test(port) ? { safety: 'suggestion', title: `Add \`EXPOSE ${port}\``, edits: [] } : null,
        });
      },
    };
  },
});

