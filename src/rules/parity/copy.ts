/** COPY / ADD: destinations, `--from` references, whole-filesystem copies, ignored files. */
import { defineRule } from '../../engine/rule.js';
import type { Instruction, ListInstruction } from '../../parser/ast.js';
import type { Stage } from '../../model/model.js';
import { copyArgs } from '../../model/instructions.js';
import { stripQuotes } from './util.js';

function isCopyLike(ins: Instruction): ins is ListInstruction {
  return ins.name === 'COPY' || ins.name === 'ADD';
}

export const copyMultipleSourcesNotDir = defineRule({
  name: 'copy-multiple-sources-not-dir',
  practices: [],
  severity: 'error',
  aliases: ['DL3021'],
  onbuild: true,
  summary: 'COPY / ADD of several sources to a destination that does not end with `/`',
  docs: {
    what: 'Reports a COPY or ADD with more than one source whose destination does not end with `/`.',
    why: 'Several files can only go into a folder, and BuildKit insists the folder be written with a trailing slash: the build fails with "When using COPY with more than one source file, the destination must be a directory and end with a /".',
  },
  examples: {
    bad: [{ code: 'FROM python:3.12-slim\nCOPY requirements.txt app.py /app\n' }],
    good: [{ code: 'FROM python:3.12-slim\nCOPY requirements.txt app.py /app/\n' }, { code: 'FROM python:3.12-slim\nCOPY app.py /app\n' }],
  },
  create(ctx) {
    return {
      instruction({ instruction: ins }) {
        if (!isCopyLike(ins)) return;
        const args = copyArgs(ins);
        if (args.sources.length < 2 || !args.dest) return;
        const dest = stripQuotes(args.dest.text);
        if (dest.endsWith('/') || (dest.endsWith('\\') && ins.list?.json)) return;
        ctx.report({ span: args.dest.span, message: `${ins.keyword.text} of ${args.sources.length} sources needs a folder as destination: write '${dest}/'` });
      },
    };
  },
});

/** The stage a `--from` value names among the stages defined before `current`, by name or index. */
function stageFor(stages: readonly Stage[], current: Stage | null, ref: string): Stage | undefined {
  const before = current ? stages.slice(0, current.index) : stages.filter(() => false);
  if (/^\d+$/.test(ref)) return before[Number(ref)];
  const lower = ref.toLowerCase();
  return before.find((s) => s.name === lower);
}

export const copyFromUnknownStage = defineRule({
  name: 'copy-from-unknown-stage',
  practices: ['multi-stage'],
  severity: 'warning',
  instructions: ['COPY'],
  aliases: ['DL3022'],
  summary: '`COPY --from` names no stage defined above it',
  docs: {
    what: 'Reports `COPY --from=x` where x is neither a stage defined earlier (by name, or by index) nor an image reference with a registry, tag or digest.',
    why: 'An unknown name is not an error for BuildKit: it is pulled as an image (`docker.io/library/x:latest`). That is rarely what a typo, or a stage defined further down, meant. Copy from images with an explicit tag (`--from=ghcr.io/astral-sh/uv:0.5`).',
  },
  examples: {
    bad: [{ code: 'FROM python:3.12 AS build\nFROM python:3.12-slim\nCOPY --from=biuld /venv /venv\n' }, { code: 'FROM python:3.12-slim\nCOPY --from=build /venv /venv\nFROM python:3.12 AS build\n' }],
    good: [
      { code: 'FROM python:3.12 AS build\nFROM python:3.12-slim\nCOPY --from=build /venv /venv\n' },
      { code: 'FROM python:3.12-slim\nCOPY --from=ghcr.io/astral-sh/uv:0.5 /uv /bin/uv\n' },
      { code: 'FROM python:3.12\nFROM python:3.12-slim\nCOPY --from=0 /venv /venv\n' },
    ],
  },
  create(ctx) {
    return {
      instruction({ instruction: ins, stage }) {
        if (ins.name !== 'COPY') return;
        const from = copyArgs(ins).from;
        const ref = from?.value;
        if (!from || !ref || ref.includes('$') || stageFor(ctx.model.stages, stage, ref)) return;
        if (!/^\d+$/.test(ref) && /[:/@]/.test(ref)) return;
        if (stage && ref.toLowerCase() === stage.name) return; // copy-from-own-stage
        const later = ctx.model.stageNamed(ref);
        const message = /^\d+$/.test(ref)
          ? `--from=${ref}: there ${stage?.index === 1 ? 'is 1 stage' : `are ${stage?.index ?? 0} stages`} before this one, so stage ${ref} does not exist yet`
          : later
            ? `--from=${ref} names a stage defined later (line ${later.from.startLine}): define it before this COPY`
            : `--from=${ref} is not a stage defined above: BuildKit will pull it as the image '${ref}:latest'; fix the name, or give the image a tag`;
        ctx.report({ span: from.valueSpan ?? from.span, message });
      },
    };
  },
});

export const copyFromOwnStage = defineRule({
  name: 'copy-from-own-stage',
  practices: ['multi-stage'],
  severity: 'error',
  instructions: ['COPY'],
  aliases: ['DL3023'],
  summary: '`COPY --from` names the stage it is in',
  docs: {
    what: 'Reports `COPY --from=x` inside the stage named x.',
    why: 'A stage cannot copy from itself: it does not exist yet while it is being built. BuildKit fails the build (a circular dependency).',
  },
  examples: {
    bad: [{ code: 'FROM python:3.12 AS build\nCOPY --from=build /venv /venv\n' }],
    good: [{ code: 'FROM python:3.12 AS build\nFROM python:3.12-slim AS runtime\nCOPY --from=build /venv /venv\n' }],
  },
  create(ctx) {
    return {
      instruction({ instruction: ins, stage }) {
        if (ins.name !== 'COPY' || !stage?.name) return;
        const from = copyArgs(ins).from;
        if (!from?.value || from.value.toLowerCase() !== stage.name) return;
        ctx.report({ span: from.valueSpan ?? from.span, message: `--from=${from.value} is the stage this COPY is in: a stage cannot copy from itself` });
      },
    };
  },
});

function isAbsoluteDest(p: string): boolean {
  return p.startsWith('/') || p.startsWith('\\') || /^[A-Za-z]:([\\/]|$)/.test(p);
}

export const copyRelativeDestination = defineRule({
  name: 'copy-relative-destination',
  practices: ['workdir-absolute'],
  severity: 'warning',
  aliases: ['DL3045'],
  summary: 'COPY / ADD to a relative destination before any WORKDIR',
  docs: {
    what: 'Reports a COPY or ADD whose destination is a relative path while no WORKDIR has been set in the stage (or in a stage it builds on). Destinations made of variables whose value is unknown are skipped.',
    why: 'A relative destination is resolved against the working directory of the base image, which the Dockerfile does not show and which can change with the base (it is `/` for most images): `COPY . .` then scatters the app across the root filesystem. Set `WORKDIR /app` first, or copy to an absolute path.',
  },
  examples: {
    bad: [{ code: 'FROM python:3.12-slim\nCOPY . .\n' }],
    good: [{ code: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\n' }, { code: 'FROM python:3.12-slim\nCOPY . /app\n' }, { code: 'FROM python:3.12-slim AS base\nWORKDIR /app\nFROM base\nCOPY . .\n' }],
  },
  create(ctx) {
    const withWorkdir = new Set<Stage>();
    let globalWorkdir = false;
    return {
      instruction(info) {
        const ins = info.instruction;
        const stage = info.stage;
        if (ins.name === 'FROM') {
          if (stage?.parent && withWorkdir.has(stage.parent)) withWorkdir.add(stage);
          return;
        }
        if (ins.name === 'WORKDIR') {
          if (stage) withWorkdir.add(stage);
          else globalWorkdir = true;
          return;
        }
        if (!isCopyLike(ins)) return;
        if (stage ? withWorkdir.has(stage) : globalWorkdir) return;
        const dest = copyArgs(ins).dest;
        if (!dest) return;
        let path = stripQuotes(dest.text);
        if (path.includes('$')) {
          const e = ctx.expand(dest.text, info);
          if (!e.resolved || e.error || e.undefinedVars.length > 0) return;
          path = e.value;
        }
        if (isAbsoluteDest(path)) return;
        ctx.report({ span: dest.span, message: `${ins.keyword.text} to the relative path '${path}' with no WORKDIR set: it lands wherever the base image's working directory is; set WORKDIR first or use an absolute path` });
      },
    };
  },
});

export const copyWholeFilesystem = defineRule({
  name: 'copy-whole-filesystem',
  practices: ['copy-only-needed', 'multi-stage'],
  severity: 'warning',
  instructions: ['COPY'],
  aliases: ['DL3067'],
  summary: '`COPY --from=stage / /`: the whole filesystem of another stage',
  docs: {
    what: 'Reports `COPY --from=x / /`, which copies the entire root filesystem of another stage or image over this one.',
    why: 'It brings everything the other stage had: compilers, caches, package manager state, and files that overwrite this stage\'s own `/etc`. It defeats the point of a multi-stage build; copy the folders the app needs (`/venv`, `/app`).',
  },
  examples: {
    bad: [{ code: 'FROM python:3.12 AS build\nFROM python:3.12-slim\nCOPY --from=build / /\n' }],
    good: [{ code: 'FROM python:3.12 AS build\nFROM python:3.12-slim\nCOPY --from=build /venv /venv\n' }],
  },
  create(ctx) {
    return {
      instruction({ instruction: ins }) {
        if (ins.name !== 'COPY') return;
        const args = copyArgs(ins);
        if (!args.from?.value || !args.dest || stripQuotes(args.dest.text) !== '/') return;
        const root = args.sources.find((s) => stripQuotes(s.word.text) === '/');
        if (!root) return;
        ctx.report({ span: root.word.span, message: `COPY --from=${args.from.value} / / copies that whole filesystem into this stage: copy only the folders you need` });
      },
    };
  },
});

export const copyIgnoredFile = defineRule({
  name: 'copy-ignored-file',
  practices: ['copy-only-needed'],
  severity: 'warning',
  aliases: ['CopyIgnoredFile'],
  needsContext: true,
  summary: 'COPY / ADD of a file that `.dockerignore` excludes',
  docs: {
    what: 'Reports a local source of COPY (without `--from`) or ADD that `.dockerignore` excludes, so it is not in the build context. Needs the build context: the check is wired to the project layer that reads `.dockerignore`, and is silent until then.',
    why: 'The file is not sent to the builder, so the COPY fails ("not found"), or, for a folder, silently copies less than it says.',
  },
  examples: {
    bad: [{ code: 'FROM python:3.12-slim\nCOPY .env /app/.env\n', title: 'With `.env` in `.dockerignore`:' }],
    good: [{ code: 'FROM python:3.12-slim\nCOPY app.py /app/\n' }],
  },
  create() {
    // The build-context facts (`.dockerignore`) are not available to rules yet.
    return {};
  },
});
