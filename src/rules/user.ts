import { defineRule } from '../engine/rule.js';
import type { StringInstruction } from '../parser/ast.js';
import type { Stage } from '../model/model.js';
import { userSpec } from '../model/instructions.js';
import { lastInChain, isRuntime } from './util.js';

export function isRootUser(user: string): boolean {
  return user === 'root' || user === '0';
}

export const userRoot = defineRule({
  name: 'user-root',
  practices: ['user-non-root'],
  severity: 'warning',
  aliases: ['DL3002'],
  summary: 'The runtime image switches back to root as its last USER',
  docs: {
    what: 'Reports a `USER root` / `USER 0` / `USER root:…` that is the last USER of a stage the final image is made of (the final stage or a stage it builds on). Build stages may end as root: nothing of them runs in production.',
    why: 'Whatever runs last as USER is the user the container process gets. A server running as root turns any remote-code bug into root in the container and a step away from the host.',
  },
  examples: {
    bad: [{ code: 'FROM python:3.12-slim\nRUN useradd app\nUSER app\nUSER root\n' }, { code: 'FROM python:3.12-slim AS base\nUSER 0:0\nFROM base\n' }],
    good: [{ code: 'FROM python:3.12-slim\nUSER root\nRUN apt-get update\nUSER app\n' }, { code: 'FROM python:3.12 AS build\nUSER root\nFROM python:3.12-slim\nUSER 10001\n' }],
  },
  create(ctx) {
    return {
      stageEnd(stage) {
        if (!isRuntime(ctx, stage)) return;
        const infos = stage.instructions.filter((i) => i.instruction.name === 'USER');
        const last = infos.at(-1)?.instruction as StringInstruction | undefined;
        if (!last) return;
        const spec = userSpec(last);
        if (!spec) return;
        const user = ctx.expand(spec.user, infos.at(-1)!).value;
        if (!isRootUser(user)) return;
        ctx.report({ span: spec.userSpan, message: `The last USER of ${stage.isFinal ? 'the final stage' : `stage '${stage.name ?? stage.index}', which the final image builds on,`} is root: the container process runs as root` });
      },
    };
  },
});

function createUserLine(stage: Stage, text: string): string {
  const alpine = /alpine/.test(stage.image.ref?.tag ?? '') || stage.image.ref?.name === 'alpine' || /\bapk\b/.test(text);
  return alpine ? 'RUN addgroup -S -g 10001 app && adduser -S -D -H -u 10001 -G app app' : 'RUN useradd --no-create-home --uid 10001 --user-group app';
}

export const missingUser = defineRule({
  name: 'missing-user',
  practices: ['user-non-root'],
  severity: 'warning',
  aliases: [],
  fixable: 'unsafe',
  summary: 'The final stage never sets USER, so the container runs as root',
  docs: {
    what: 'Reports a final stage in which no USER instruction appears (neither in it nor in a stage it builds on): the process runs as root by default.',
    why: 'Root in the container is root on shared resources: a compromised app can read every file of the image, bind privileged ports and, with one kernel bug or a mounted socket, reach the host. A dedicated user with a fixed numeric UID limits the damage and lets orchestrators (`runAsNonRoot`) verify it.',
    fixSafety: 'Unsafe: it creates a user `app` with UID 10001 and adds `USER 10001` (numeric, so orchestrators can verify it) before CMD/ENTRYPOINT (or at the end). Files the app writes at run time must then be writable by that user.',
  },
  examples: {
    bad: [{ code: 'FROM python:3.12-slim\nCOPY . /app\nCMD ["gunicorn", "app:app"]\n' }],
    good: [{ code: 'FROM python:3.12-slim\nRUN useradd -u 10001 app\nUSER app\nCMD ["gunicorn", "app:app"]\n' }, { code: 'FROM python:3.12-slim AS base\nUSER 10001\nFROM base\n' }],
    fixed: [
      {
        input: 'FROM python:3.12-slim\nCOPY . /app\nCMD ["gunicorn", "app:app"]\n',
        output: 'FROM python:3.12-slim\nCOPY . /app\nRUN useradd --no-create-home --uid 10001 --user-group app\nUSER 10001\nCMD ["gunicorn", "app:app"]\n',
        unsafe: true,
      },
    ],
  },
  create(ctx) {
    return {
      stageEnd(stage) {
        if (!stage.isFinal || lastInChain(stage, 'USER')) return;
        const text = ctx.file.text;
        const eol = text.includes('\r\n') ? '\r\n' : '\n';
        const start = stage.instructions.find((i) => i.instruction.name === 'CMD' || i.instruction.name === 'ENTRYPOINT')?.instruction;
        const lines = `${createUserLine(stage, text)}${eol}USER 10001`;
        let edit;
        if (start) {
          let lineStart = start.span.start;
          while (lineStart > 0 && text.charCodeAt(lineStart - 1) !== 10) lineStart--;
          edit = { start: lineStart, end: lineStart, text: lines + eol };
        } else {
          const last = stage.instructions.at(-1)?.instruction ?? stage.from;
          edit = { start: last.span.end, end: last.span.end, text: eol + lines };
        }
        ctx.report({
          span: stage.image.word?.span ?? stage.from.keyword.span,
          message: 'The final stage never sets USER: the container runs as root; create a user and switch to it',
          fix: { safety: 'unsafe', title: 'Create user `app` (UID 10001) and switch to it by UID', edits: [edit] },
        });
      },
    };
  },
});
