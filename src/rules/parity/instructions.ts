/** Single-instruction checks: ONBUILD triggers, USER names, empty continuation lines. */
import { defineRule } from '../../engine/rule.js';
import { userSpec } from '../../model/instructions.js';
import type { StringInstruction } from '../../parser/ast.js';
import { lastInChain } from '../util.js';

const FORBIDDEN_TRIGGERS = new Set(['ONBUILD', 'FROM', 'MAINTAINER']);

export const onbuildInvalidTrigger = defineRule({
  name: 'onbuild-invalid-trigger',
  practices: [],
  severity: 'error',
  instructions: ['ONBUILD'],
  aliases: ['DL3043'],
  summary: '`ONBUILD ONBUILD`, `ONBUILD FROM` or `ONBUILD MAINTAINER`',
  docs: {
    what: 'Reports an ONBUILD whose trigger is ONBUILD, FROM or MAINTAINER.',
    why: 'BuildKit refuses these triggers ("Chaining ONBUILD via `ONBUILD ONBUILD` isn\'t allowed", "FROM isn\'t allowed as an ONBUILD trigger"), so the build fails.',
  },
  examples: {
    bad: [{ code: 'FROM python:3.12-slim\nONBUILD ONBUILD RUN pip install .\n' }, { code: 'FROM python:3.12-slim\nONBUILD FROM python:3.12\n' }],
    good: [{ code: 'FROM python:3.12-slim\nONBUILD COPY . /app\n' }],
  },
  create(ctx) {
    return {
      instruction({ instruction: ins }) {
        if (ins.name !== 'ONBUILD' || !ins.trigger || !FORBIDDEN_TRIGGERS.has(ins.trigger.name)) return;
        const t = ins.trigger.keyword;
        ctx.report({
          span: t.span,
          message: ins.trigger.name === 'ONBUILD' ? 'ONBUILD cannot trigger another ONBUILD' : `${t.text} is not allowed as an ONBUILD trigger`,
        });
      },
    };
  },
});

export const userNotNumeric = defineRule({
  name: 'user-not-numeric',
  practices: ['user-non-root'],
  severity: 'info',
  aliases: ['DL3066'],
  summary: 'The runtime image runs as a user name rather than a numeric UID',
  docs: {
    what: 'Reports the last USER of the final image when it names the user (`USER app`) instead of giving a numeric UID (`USER 10001`). A USER made of variables is left alone. Earlier USER instructions and build stages do not matter: only the last one decides who the container runs as.',
    why: 'Kubernetes `runAsNonRoot` can only verify a numeric UID; with a name it refuses to start the pod or must trust the image. A number also works on images without `/etc/passwd` entries (distroless, scratch).',
  },
  examples: {
    bad: [{ code: 'FROM python:3.12-slim\nRUN useradd -u 10001 app\nUSER app\n' }],
    good: [
      { code: 'FROM python:3.12-slim\nRUN useradd -u 10001 app\nUSER 10001\n' },
      { code: 'FROM python:3.12-slim\nUSER 10001:10001\n' },
      { code: 'FROM python:3.12 AS build\nUSER builder\nFROM python:3.12-slim\nUSER 10001\n' },
    ],
  },
  create(ctx) {
    return {
      fileEnd() {
        const model = ctx.model;
        let ins: StringInstruction | undefined;
        if (model.finalStage) ins = lastInChain(model.finalStage, 'USER')?.ins;
        else {
          for (const info of model.infos) if (info.instruction.name === 'USER') ins = info.instruction;
        }
        const spec = ins ? userSpec(ins) : null;
        if (!spec || spec.user.includes('$') || /^\d+$/.test(spec.user)) return;
        ctx.report({ span: spec.userSpan, message: `USER '${spec.user}' is a name: use the numeric UID so that runAsNonRoot can verify it` });
      },
    };
  },
});

export const emptyContinuationLine = defineRule({
  name: 'empty-continuation-line',
  practices: [],
  severity: 'warning',
  aliases: ['NoEmptyContinuation'],
  fixable: 'safe',
  summary: 'An empty line inside a multi-line instruction',
  docs: {
    what: 'Reports an instruction continued with `\\` whose continuation contains an empty (or blank) line.',
    why: 'BuildKit skips the empty line and keeps joining, so the instruction goes on past what looks like its end; a line meant as the next instruction becomes part of this one. BuildKit announces it will become an error.',
    fixSafety: 'Safe: the empty lines are removed; BuildKit already ignores them, so the instruction is the same.',
  },
  examples: {
    bad: [{ code: 'FROM python:3.12-slim\nRUN pip install \\\n\n    flask\n' }],
    good: [{ code: 'FROM python:3.12-slim\nRUN pip install \\\n    flask\n' }],
    fixed: [{ input: 'FROM python:3.12-slim\nRUN pip install \\\n\n    flask\n', output: 'FROM python:3.12-slim\nRUN pip install \\\n    flask\n' }],
  },
  create(ctx) {
    const text = ctx.file.text;
    return {
      instruction({ instruction: ins }) {
        const first = ins.emptyContinuationLines[0];
        if (!first) return;
        const edits = ins.emptyContinuationLines.map((s) => {
          let lineStart = s.start;
          while (lineStart > 0 && text.charCodeAt(lineStart - 1) !== 10) lineStart--;
          const nl = text.indexOf('\n', s.end);
          return { start: lineStart, end: nl < 0 ? s.end : nl + 1, text: '' };
        });
        ctx.report({
          span: first,
          message: `Empty line inside the continued ${ins.keyword.text} (lines ${ins.startLine}–${ins.endLine}): BuildKit skips it and keeps joining lines`,
          fix: { safety: 'safe', title: 'Remove the empty continuation line', edits },
        });
      },
    };
  },
});
