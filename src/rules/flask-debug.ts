import { defineRule } from '../engine/rule.js';
import type { KeyValue } from '../parser/ast.js';
import { isRuntime, isTruthy, unquote } from './util.js';

function debugSetting(p: KeyValue): string | null {
  const key = p.key.text;
  const value = unquote(p.value.text);
  if (key === 'FLASK_DEBUG' && isTruthy(value)) return `FLASK_DEBUG=${value} turns on Flask's debugger, which lets anyone who reaches an error page run code`;
  if (key === 'FLASK_ENV' && value.toLowerCase() === 'development') return 'FLASK_ENV=development puts Flask (before 2.3) in debug mode, with its interactive debugger';
  if ((key === 'DJANGO_DEBUG' || key === 'DEBUG') && isTruthy(value)) return `${key}=${value} runs the app in debug mode: error pages leak settings and source code`;
  return null;
}

export const debugModeEnabled = defineRule({
  name: 'debug-mode-enabled',
  practices: ['env-production-mode'],
  severity: 'warning',
  instructions: ['ENV'],
  aliases: [],
  fixable: 'suggestion',
  summary: 'The image turns on the framework debug mode (FLASK_DEBUG, FLASK_ENV=development, DEBUG=True)',
  docs: {
    what: 'Reports `ENV` settings in the runtime image that enable a debug mode: `FLASK_DEBUG=1`, `FLASK_ENV=development`, `DEBUG=True` / `DJANGO_DEBUG=True`.',
    why: 'Debug modes are for a developer\'s machine. Flask\'s debugger executes code typed into an error page; Django\'s debug pages show settings, SQL and source. In an image they ship to every environment the image runs in.',
    fixSafety: 'A suggestion to set the value to 0; debug belongs in a compose file or `docker run -e` for local work.',
  },
  examples: {
    bad: [{ code: 'FROM python:3.12-slim\nENV FLASK_DEBUG=1\n' }, { code: 'FROM python:3.12-slim\nENV FLASK_ENV=development\n' }, { code: 'FROM python:3.12-slim\nENV DJANGO_DEBUG=True\n' }],
    good: [{ code: 'FROM python:3.12-slim\nENV FLASK_DEBUG=0\n' }, { code: 'FROM python:3.12 AS test\nENV DEBUG=1\nFROM python:3.12-slim\n' }],
  },
  create(ctx) {
    return {
      instruction({ instruction, stage }) {
        if (instruction.name !== 'ENV' || !isRuntime(ctx, stage)) return;
        for (const p of instruction.pairs) {
          const why = debugSetting(p);
          if (!why) continue;
          ctx.report({
            span: p.legacy ? p.key.span : p.span,
            message: `${why}; keep debug out of the image`,
            fix: { safety: 'suggestion', title: `Set \`${p.key.text}\` to 0 (or drop it)`, edits: [{ start: p.value.span.start, end: p.value.span.end, text: p.key.text === 'FLASK_ENV' ? 'production' : '0' }] },
          });
        }
      },
    };
  },
});

export const flaskEnvDeprecated = defineRule({
  name: 'flask-env-deprecated',
  practices: ['env-production-mode'],
  severity: 'info',
  instructions: ['ENV'],
  aliases: [],
  fixable: 'suggestion',
  summary: '`FLASK_ENV` is deprecated since Flask 2.2 and ignored since 2.3',
  docs: {
    what: 'Reports any `FLASK_ENV` setting.',
    why: 'Flask 2.2 deprecated `FLASK_ENV` and Flask 2.3 ignores it: the setting does nothing on a current Flask, which misleads readers about the mode the app runs in. `FLASK_DEBUG` is the switch that remains.',
    fixSafety: 'A suggestion: replace it with `FLASK_DEBUG` (0 in images).',
  },
  examples: {
    bad: [{ code: 'FROM python:3.12-slim\nENV FLASK_ENV=production\n' }],
    good: [{ code: 'FROM python:3.12-slim\nENV FLASK_DEBUG=0\n' }],
  },
  create(ctx) {
    return {
      instruction({ instruction }) {
        if (instruction.name !== 'ENV') return;
        for (const p of instruction.pairs) {
          if (p.key.text !== 'FLASK_ENV') continue;
          ctx.report({
            span: p.key.span,
            message: '`FLASK_ENV` is ignored since Flask 2.3: use `FLASK_DEBUG` (0 or 1) instead',
            fix: { safety: 'suggestion', title: 'Replace `FLASK_ENV` with `FLASK_DEBUG=0`', edits: [{ start: p.span.start, end: p.span.end, text: p.legacy ? 'FLASK_DEBUG 0' : 'FLASK_DEBUG=0' }] },
          });
        }
      },
    };
  },
});
