/** The two environment variables every Python runtime image should set. */
import { defineRule, type Rule } from '../engine/rule.js';
import type { Stage } from '../model/model.js';
import { isPythonImage } from '../model/python.js';
import { envValue, insertLineAfter, runsPython, chainInfos } from './util.js';

const isPythonBase = (s: Stage): boolean => (s.image.ref ? isPythonImage(s.image.ref) : false);

function compilesBytecode(stage: Stage): boolean {
  const uv = envValue(stage, 'UV_COMPILE_BYTECODE');
  if (uv && /^(?:1|true|yes)$/i.test(uv.value)) return true;
  return chainInfos(stage).some((i) => i.instruction.name === 'RUN' && i.instruction.command?.form === 'shell' && /\bcompileall\b|--compile-bytecode|--compile\b/.test(i.instruction.command.text));
}

function envRule(o: { name: string; variable: string; practice: 'env-no-bytecode' | 'env-unbuffered'; summary: string; what: string; why: string; exempt?: (s: Stage) => boolean }): Rule {
  return defineRule({
    name: o.name,
    practices: [o.practice],
    severity: 'info',
    aliases: [],
    fixable: 'unsafe',
    summary: o.summary,
    docs: {
      what: o.what,
      why: o.why,
      fixSafety: `Unsafe: it adds \`ENV ${o.variable}=1\` right after the final stage's FROM, which changes the image's environment (that is the point).`,
    },
    examples: {
      bad: [{ code: 'FROM python:3.12-slim\nCMD ["gunicorn", "app:app"]\n' }],
      good: [
        { code: `FROM python:3.12-slim\nENV ${o.variable}=1\nCMD ["gunicorn", "app:app"]\n` },
        { code: `FROM python:3.12-slim AS base\nENV ${o.variable}=1\nFROM base\nCMD ["gunicorn", "app:app"]\n` },
        { code: 'FROM nginx:1.27\n' },
      ],
      fixed: [
        {
          input: 'FROM python:3.12-slim\nCMD ["gunicorn", "app:app"]\n',
          output: `FROM python:3.12-slim\nENV ${o.variable}=1\nCMD ["gunicorn", "app:app"]\n`,
          unsafe: true,
        },
      ],
    },
    create(ctx) {
      return {
        stageEnd(stage) {
          if (!stage.isFinal || !runsPython(stage, isPythonBase)) return;
          const v = envValue(stage, o.variable);
          if (v && v.value !== '') return;
          if (o.exempt?.(stage)) return;
          ctx.report({
            span: stage.image.word?.span ?? stage.from.keyword.span,
            message: `The runtime image does not set \`${o.variable}\`: ${o.summary.charAt(0).toLowerCase()}${o.summary.slice(1)}`,
            fix: { safety: 'unsafe', title: `Add \`ENV ${o.variable}=1\` to the final stage`, edits: [insertLineAfter(ctx.file.text, stage.from, `ENV ${o.variable}=1`)] },
          });
        },
      };
    },
  });
}

export const missingPythonUnbuffered = envRule({
  name: 'missing-pythonunbuffered',
  variable: 'PYTHONUNBUFFERED',
  practice: 'env-unbuffered',
  summary: 'Without it, Python buffers stdout and logs reach the container log late (or never, on a crash)',
  what: 'Reports a final stage that runs Python without `PYTHONUNBUFFERED` set (in the stage or a stage it builds on).',
  why: 'When stdout is not a terminal, Python buffers it: log lines appear in `docker logs` in bursts, out of order with stderr, and the last lines before a crash are lost. `PYTHONUNBUFFERED=1` writes them at once.',
});

export const missingPythonDontWriteBytecode = envRule({
  name: 'missing-pythondontwritebytecode',
  variable: 'PYTHONDONTWRITEBYTECODE',
  practice: 'env-no-bytecode',
  summary: 'Without it, Python writes `.pyc` files into the container at run time',
  what: 'Reports a final stage that runs Python without `PYTHONDONTWRITEBYTECODE` set, unless bytecode is compiled at build time on purpose (`UV_COMPILE_BYTECODE=1`, `python -m compileall`).',
  why: 'Containers start from the same image every time, so `.pyc` files written at run time are lost work: extra disk writes on a read-only-minded filesystem, and permission errors when the app runs as a non-root user over root-owned code.',
  exempt: compilesBytecode,
});
