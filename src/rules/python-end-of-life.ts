import { defineRule } from '../engine/rule.js';
import { endOfLife, isEndOfLife, newestSupported, pythonVersionOfImage } from '../model/python.js';
import { locateInImage } from './base-image.js';

export default defineRule({
  name: 'python-end-of-life',
  practices: ['base-supported-python'],
  severity: 'warning',
  instructions: ['FROM'],
  aliases: [],
  fixable: 'suggestion',
  summary: 'The base image runs a Python version past its end of life',
  docs: {
    what: 'Reports a stage whose base image tag names a Python version that is no longer supported upstream on the day of the check (`--today`, default: the system date). ARG defaults are resolved, and the report points at the version where it is written.',
    why: 'A Python release past end of life gets no security fixes, and new releases of your dependencies stop supporting it. An image built on it only gets more vulnerable and harder to upgrade.',
    fixSafety: 'A suggestion: moving to a newer Python can change behaviour, so it proposes the newest supported version without applying it.',
    options: 'The date comes from `--today YYYY-MM-DD` (or the system date); end-of-life dates follow python.org.',
  },
  examples: {
    bad: [
      { code: 'FROM python:3.8-alpine\n', settings: { today: '2026-11-23' } },
      { code: 'ARG PYTHON_VERSION=3.9\nFROM python:${PYTHON_VERSION}-slim\n', settings: { today: '2026-11-23' } },
      { code: 'FROM python:3.10-slim\n', settings: { today: '2026-11-23' } },
    ],
    good: [{ code: 'FROM python:3.12-slim\n', settings: { today: '2026-11-23' } }, { code: 'FROM python:3.10-slim\n', settings: { today: '2025-06-01' } }],
  },
  create(ctx) {
    return {
      instruction({ instruction, stage }) {
        if (instruction.name !== 'FROM' || !stage || stage.parent) return;
        const ref = stage.image.ref;
        if (!ref) return;
        const version = pythonVersionOfImage(ref);
        if (!version || !isEndOfLife(version, ctx.settings.today)) return;
        const newest = newestSupported(ctx.settings.today);
        const needle = `${version.major}.${version.minor}`;
        const written = version.text.startsWith(needle) ? version.text : needle;
        const span = locateInImage(ctx.model, stage, written);
        const exact = ctx.file.text.slice(span.start, span.end) === written;
        const eol = endOfLife(version);
        ctx.report({
          span,
          message: `Python ${needle} reached end of life${eol ? ` on ${eol}` : ''}: it gets no security fixes; move to Python ${newest}`,
          fix: exact ? { safety: 'suggestion', title: `Use Python ${newest}`, edits: [{ start: span.start, end: span.end, text: newest }] } : null,
        });
      },
    };
  },
});
