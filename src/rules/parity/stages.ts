/** Stage structure: names that clash, reserved names, instructions outside any stage. */
import { defineRule } from '../../engine/rule.js';
import type { Stage } from '../../model/model.js';

export const stageNameDuplicate = defineRule({
  name: 'stage-name-duplicate',
  practices: ['multi-stage'],
  severity: 'warning',
  instructions: ['FROM'],
  aliases: ['DL3024', 'DuplicateStageName'],
  summary: 'Two stages with the same name',
  docs: {
    what: 'Reports a `FROM … AS name` whose name (compared case-insensitively, as BuildKit does) an earlier stage already uses.',
    why: '`COPY --from=name` and `FROM name` then refer to only one of the stages, and which one is easy to get wrong when reading. Stage names are the only way to tell stages apart: keep them unique.',
  },
  examples: {
    bad: [{ code: 'FROM python:3.12 AS build\nFROM python:3.12-slim AS build\n' }],
    good: [{ code: 'FROM python:3.12 AS build\nFROM python:3.12-slim AS runtime\n' }],
  },
  create(ctx) {
    const seen = new Map<string, Stage>();
    return {
      instruction({ instruction: ins, stage }) {
        if (ins.name !== 'FROM' || !stage?.name || !stage.nameWord) return;
        const first = seen.get(stage.name);
        if (!first) {
          seen.set(stage.name, stage);
          return;
        }
        ctx.report({ span: stage.nameWord.span, message: `Stage name '${stage.nameWord.text}' is already used by the stage on line ${first.from.startLine}: stage names should be unique` });
      },
    };
  },
});

const RESERVED = new Set(['scratch', 'context']);

export const stageNameReserved = defineRule({
  name: 'stage-name-reserved',
  practices: ['multi-stage'],
  severity: 'warning',
  instructions: ['FROM'],
  aliases: ['DL3063', 'ReservedStageName'],
  summary: 'A stage named `scratch` or `context`',
  docs: {
    what: 'Reports a stage named `scratch` or `context`: names BuildKit already gives a meaning (the empty image, the build context).',
    why: '`FROM scratch` or `COPY --from=context` after such a stage no longer means what every reader expects; which one BuildKit picks depends on the version. Pick another name.',
  },
  examples: {
    bad: [{ code: 'FROM python:3.12 AS scratch\n' }, { code: 'FROM python:3.12 AS context\n' }],
    good: [{ code: 'FROM python:3.12 AS build\n' }],
  },
  create(ctx) {
    return {
      instruction({ instruction: ins, stage }) {
        if (ins.name !== 'FROM' || !stage?.name || !stage.nameWord || !RESERVED.has(stage.name)) return;
        ctx.report({ span: stage.nameWord.span, message: `Stage name '${stage.nameWord.text}' is reserved (it already means ${stage.name === 'scratch' ? 'the empty image' : 'the build context'}): choose another name` });
      },
    };
  },
});

export const instructionBeforeFrom = defineRule({
  name: 'instruction-before-from',
  practices: [],
  severity: 'error',
  aliases: ['DL3061'],
  summary: 'An instruction other than ARG before the first FROM',
  docs: {
    what: 'Reports any instruction other than `ARG` that comes before the first `FROM` (comments and parser directives are fine).',
    why: 'Before the first FROM there is no image to apply the instruction to: BuildKit stops with "no build stage in current context".',
  },
  examples: {
    bad: [{ code: 'LABEL org.opencontainers.image.title=app\nFROM python:3.12-slim\n' }],
    good: [{ code: '# syntax=docker/dockerfile:1\nARG PY=3.12\nFROM python:${PY}-slim\nLABEL org.opencontainers.image.title=app\n' }],
  },
  create(ctx) {
    return {
      instruction({ instruction: ins, stage }) {
        if (stage || ins.name === 'ARG' || ins.name === 'FROM' || ins.name === 'UNKNOWN') return;
        ctx.report({ span: ins.keyword.span, message: `${ins.keyword.text} before the first FROM: there is no build stage yet (only ARG may come first)` });
      },
    };
  },
});
