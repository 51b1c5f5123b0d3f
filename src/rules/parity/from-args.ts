/** Variables in FROM lines: only global ARGs (and the builtin platform args) are visible there. */
import { defineRule } from '../../engine/rule.js';
import type { Span } from '../../parser/source.js';
import { expandWord } from '../../model/expansion.js';
import { parseImageReference } from '../../model/image-ref.js';
import type { Scope } from '../../model/scope.js';
import { globalDefaultsScope, suggest, variableSpan } from './util.js';

export const fromUndefinedArg = defineRule({
  name: 'from-undefined-arg',
  practices: ['base-pinned-tag'],
  severity: 'warning',
  instructions: ['FROM'],
  aliases: ['UndefinedArgInFrom'],
  summary: 'A FROM line uses a variable that no global ARG declares',
  docs: {
    what: 'Reports a variable in a FROM image or `--platform` that is neither declared by an `ARG` before the first FROM nor one of the automatic platform args (`TARGETPLATFORM`, `BUILDARCH`, …). A close name is suggested.',
    why: 'FROM sees only global ARGs. An undeclared variable expands to nothing, so `FROM python:${PY_VERSION}-slim` quietly becomes `python:-slim` (a failed build) or, worse, `python:slim`, a different image than intended. It is usually a typo or an ARG declared inside a stage.',
  },
  examples: {
    bad: [{ code: 'ARG PYTHON_VERSION=3.12\nFROM python:${PYTON_VERSION}-slim\n' }, { code: 'FROM python:3.12-slim\nARG TAG=3.12\nFROM python:${TAG}\n' }],
    good: [{ code: 'ARG PYTHON_VERSION=3.12\nFROM python:${PYTHON_VERSION}-slim\n' }, { code: 'FROM --platform=$BUILDPLATFORM python:3.12-slim\n' }],
  },
  create(ctx) {
    const globals = ctx.model.globalScope;
    const check = (text: string, span: Span): void => {
      if (!text.includes('$')) return;
      const e = expandWord(text, globals, ctx.file.escapeChar);
      for (const name of e.undefinedVars) {
        const hint = suggest(name, globals.names());
        ctx.report({ span: variableSpan(ctx.file.text, span, name), message: `FROM uses '${name}', which no global ARG declares${hint ? ` (did you mean ${hint}?)` : ''}: declare it with ARG before the first FROM` });
      }
    };
    return {
      instruction({ instruction: ins, stage }) {
        if (ins.name !== 'FROM' || !stage) return;
        if (stage.platform?.value) check(stage.platform.value, stage.platform.valueSpan ?? stage.platform.span);
        const word = stage.image.word;
        if (word) check(word.text, word.span);
      },
    };
  },
});

export const fromArgDefaultInvalid = defineRule({
  name: 'from-arg-default-invalid',
  practices: ['base-pinned-tag'],
  severity: 'warning',
  instructions: ['FROM'],
  aliases: ['InvalidDefaultArgInFrom'],
  summary: 'With the ARG defaults, the FROM image is empty or not a valid image name',
  docs: {
    what: 'Expands every FROM image with the global ARG defaults alone (no `--build-arg`) and reports the result when it is empty or not a valid image reference, e.g. `ARG TAG` + `FROM python:$TAG` gives `python:`.',
    why: 'The Dockerfile only builds when every caller passes the right `--build-arg`; `docker build .`, an IDE or a CI job that forgets it fails with a confusing reference error. A working default documents the expected value too.',
  },
  examples: {
    bad: [{ code: 'ARG PYTHON_VERSION\nFROM python:$PYTHON_VERSION\n' }, { code: 'ARG BASE\nFROM $BASE\n' }],
    good: [{ code: 'ARG PYTHON_VERSION=3.12\nFROM python:${PYTHON_VERSION}-slim\n' }, { code: 'ARG VARIANT=""\nFROM python:3.12-slim${VARIANT}\n' }],
  },
  create(ctx) {
    let scope: Scope | null = null;
    return {
      instruction({ instruction: ins, stage }) {
        if (ins.name !== 'FROM' || !stage || !stage.image.word) return;
        const word = stage.image.word;
        scope ??= globalDefaultsScope(ctx.model);
        const e = expandWord(word.text, scope, ctx.file.escapeChar);
        if (e.error) return;
        const value = e.value;
        if (value && ctx.model.stages.some((s) => s.index < stage.index && s.name === value)) return;
        if (value && parseImageReference(value).ok) return;
        const variable = word.text.includes('$');
        ctx.report({
          span: word.span,
          message: variable
            ? `With the ARG defaults, '${word.text}' becomes ${value ? `'${value}', not a valid image name` : 'empty'}: give the ARG a default that works`
            : `'${word.text}' is not a valid image name`,
        });
      },
    };
  },
});
