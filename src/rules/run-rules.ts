import { defineRule } from '../engine/rule.js';
import type { Instruction } from '../parser/ast.js';
import type { InstructionInfo, Stage } from '../model/model.js';
import { copyArgs } from '../model/instructions.js';
import type { RunScript } from '../model/run-script.js';
import { commandName, type SimpleCommand } from '../shell/index.js';
import { programUses, wordSpan, type ProgramUse } from './commands.js';
import type { FixDescriptor } from '../engine/rule.js';
import { aptUse, apkUse } from './apt.js';
import { chainInfos, eolOf, headSpan, isRuntime } from './util.js';
import { pipInstall, unpinnedPackages } from './pip.js';
import type { Span } from '../parser/source.js';

function lineStartOf(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text.charCodeAt(i - 1) !== 10) i--;
  return i;
}

/** The last literal absolute WORKDIR before `info` in its stage chain, or null when unknown. */
function previousWorkdir(info: InstructionInfo): string | null {
  if (!info.stage) return null;
  let found: string | null = null;
  for (const i of chainInfos(info.stage)) {
    if (i === info) break;
    const ins = i.instruction;
    if (ins.name === 'WORKDIR' && ins.value) found = /^\/[^$\s'"]*$/.test(ins.value.text) ? ins.value.text : null;
  }
  return found;
}

export const cdInRun = defineRule({
  name: 'cd-in-run',
  practices: ['workdir-absolute'],
  severity: 'warning',
  instructions: ['RUN'],
  aliases: ['DL3003'],
  fixable: 'unsafe',
  onbuild: true,
  summary: '`cd` in RUN instead of WORKDIR',
  docs: {
    what: 'Reports `cd` in a RUN script, except inside a subshell or command substitution, where the change of directory is scoped on purpose.',
    why: 'A `cd` lasts for one RUN only: the next instruction is back in the WORKDIR, which surprises readers and breaks relative paths. WORKDIR states the directory once, for every instruction and for the running container, and creates it if needed.',
    fixSafety: 'Unsafe, and only when the RUN starts with `cd /absolute &&` and the previous WORKDIR is known: the `cd` becomes `WORKDIR /absolute` before the RUN and the previous WORKDIR is restored after it (WORKDIR creates a missing directory where `cd` would fail).',
  },
  examples: {
    bad: [{ code: 'FROM python:3.12-slim\nWORKDIR /app\nRUN cd /app/src && python setup.py build\n' }],
    good: [{ code: 'FROM python:3.12-slim\nWORKDIR /app/src\nRUN python setup.py build\n' }, { code: 'FROM python:3.12-slim\nRUN (cd /tmp && tar xf x.tgz)\n' }],
    fixed: [
      {
        input: 'FROM python:3.12-slim\nWORKDIR /app\nRUN cd /app/src && python setup.py build\nCOPY . .\n',
        output: 'FROM python:3.12-slim\nWORKDIR /app\nWORKDIR /app/src\nRUN python setup.py build\nWORKDIR /app\nCOPY . .\n',
        unsafe: true,
      },
    ],
  },
  create(ctx) {
    return {
      instruction(info) {
        const ins = info.instruction;
        if (ins.name !== 'RUN') return;
        const script = ctx.script(info);
        if (!script) return;
        const commands = script.shell.commands;
        for (const c of commands) {
          if (commandName(c) !== 'cd' || c.context.inSubshell || c.context.inCommandSubstitution || c.context.shellString) continue;
          const target = c.args[0]?.value ?? null;
          let fix = null;
          const next = commands[c.index + 1];
          const prev = previousWorkdir(info);
          const first = c.index === 0 && c.context.scopes.length === 0 && c.context.after === '&&' && next && next.context.scopes.length === 0;
          if (first && target && /^\/[^\s*?$]*$/.test(target) && prev && !ins.onbuild && ins.command?.form === 'shell' && ins.heredocs.length === 0) {
            const text = ctx.file.text;
            const eol = eolOf(text);
            const delStart = wordSpan(script, c).start;
            const delEnd = wordSpan(script, next as SimpleCommand).start;
            const ls = lineStartOf(text, ins.span.start);
            const indent = text.slice(ls, ins.span.start);
            if (script.toSource(0) === ins.command.span.start && /^\s*&&\s*$/.test(text.slice(wordSpan(script, c).end, delEnd))) {
              fix = {
                safety: 'unsafe' as const,
                title: `Use \`WORKDIR ${target}\` for this RUN`,
                edits: [
                  { start: ls, end: ls, text: `${indent}WORKDIR ${target}${eol}` },
                  { start: delStart, end: delEnd, text: '' },
                  { start: headSpan(text, ins).end, end: headSpan(text, ins).end, text: `${eol}${indent}WORKDIR ${prev}` },
                ],
              };
            }
          }
          ctx.report({
            span: wordSpan(script, c.name ?? c),
            message: `\`cd${target ? ' ' + target : ''}\` lasts for this RUN only: use WORKDIR${target && target.startsWith('/') ? ` ${target}` : ''} instead`,
            fix,
          });
        }
      },
    };
  },
});

/** Normalised destination folder of a COPY (relative ones resolved against a known WORKDIR). */
function copyDestination(info: InstructionInfo, dest: string): string | null {
  const d = dest.replace(/\/+$/, '') || '/';
  if (d.startsWith('/')) return d;
  const wd = previousWorkdirOf(info);
  if (!wd) return null;
  return (wd === '/' ? '' : wd) + '/' + (d === '.' ? '' : d.replace(/^\.\//, ''));
}

function previousWorkdirOf(info: InstructionInfo): string | null {
  if (!info.stage) return null;
  let found: string | null = null;
  for (const i of chainInfos(info.stage)) {
    if (i === info) break;
    const ins = i.instruction;
    if (ins.name === 'WORKDIR' && ins.value) found = ins.value.text.startsWith('/') ? ins.value.text.replace(/\/+$/, '') || '/' : found;
  }
  return found;
}

export const chownAfterCopy = defineRule({
  name: 'chown-after-copy',
  practices: ['user-owned-files'],
  severity: 'warning',
  instructions: ['RUN'],
  aliases: [],
  fixable: 'unsafe',
  summary: '`chown -R` on copied files duplicates them in a new layer: use `COPY --chown`',
  docs: {
    what: 'Reports `chown -R` (or `chmod -R`) in a RUN on a path that an earlier COPY/ADD of the same stage wrote.',
    why: 'Changing the owner rewrites every file: the layer of the `chown` holds a second copy of everything the COPY added, so the image carries the app twice. `COPY --chown=user:group` sets the owner as the files are written, in one layer.',
    fixSafety: 'Unsafe, and only when the RUN is nothing but `chown -R owner path` right after the COPY/ADD instructions that wrote `path`: the owner moves into those COPYs (`--chown=owner`) and the RUN goes. The destination folder itself, if the COPY did not create it, keeps its previous owner. Otherwise a suggestion.',
  },
  examples: {
    bad: [{ code: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN chown -R app:app /app\n' }],
    fixed: [
      {
        input: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nCOPY . .\nRUN chown -R app:app /app\nUSER app\n',
        output: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY --chown=app:app requirements.txt .\nCOPY --chown=app:app . .\nUSER app\n',
        unsafe: true,
      },
    ],
    good: [{ code: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY --chown=app:app . .\n' }, { code: 'FROM python:3.12-slim\nRUN mkdir /data && chown -R app /data\n' }],
  },
  create(ctx) {
    return {
      instruction(info) {
        const ins = info.instruction;
        if (ins.name !== 'RUN' || !info.stage) return;
        const script = ctx.script(info);
        if (!script) return;
        for (const use of programUses(script)) {
          if (use.program !== 'chown' && use.program !== 'chmod') continue;
          const recursive = use.args.some((a) => a.value !== null && /^-[a-zA-Z]*R/.test(a.value)) || use.args.some((a) => a.value === '--recursive');
          if (!recursive) continue;
          const targets = use.args.filter((a) => a.value !== null && !a.value.startsWith('-')).slice(1);
          for (const t of targets) {
            const path = (t.value ?? '').replace(/\/+$/, '') || '/';
            if (!path.startsWith('/')) continue;
            const copied = copiedPaths(info).find((p) => p.dest === path || p.dest.startsWith(path + '/') || path.startsWith(p.dest + '/'));
            if (!copied) continue;
            ctx.report({
              span: wordSpan(script, use.command.name ?? t),
              message: `\`${use.program} -R ${path}\` rewrites files an earlier COPY wrote, duplicating them in a new layer: use \`COPY --${use.program}=…\``,
              fix: chownFix(ctx.file.text, info, use, script.shell.commands.length, path) ?? { safety: 'suggestion', title: `Set ownership in the COPY with \`--${use.program}\``, edits: [] },
            });
            break;
          }
        }
      },
    };
  },
});

function copiedPaths(info: InstructionInfo): { dest: string; info: InstructionInfo }[] {
  const out: { dest: string; info: InstructionInfo }[] = [];
  const stage = info.stage as Stage;
  for (const i of stage.instructions) {
    if (i === info) break;
    const ins = i.instruction;
    if ((ins.name === 'COPY' || ins.name === 'ADD') && !ins.flags.some((f) => f.name === 'chown')) {
      const dest = copyArgs(ins).dest;
      if (!dest) continue;
      const d = copyDestination(i, dest.text);
      if (d) out.push({ dest: d, info: i });
    }
  }
  return out;
}

/** `RUN chown -R owner path` alone, right after the COPYs into `path`: move the owner into them. */
function chownFix(text: string, info: InstructionInfo, use: ProgramUse, commandCount: number, path: string): FixDescriptor | null {
  const ins = info.instruction;
  if (use.program !== 'chown' || commandCount !== 1 || ins.heredocs.length > 0 || ins.onbuild) return null;
  const positional = use.args.filter((a) => a.value !== null && !a.value.startsWith('-'));
  const owner = positional[0]?.value;
  if (!owner || positional.length !== 2 || !/^[\w.-]+(?::[\w.-]+)?$/.test(owner)) return null;
  const stage = info.stage as Stage;
  const k = stage.instructions.indexOf(info);
  const before: InstructionInfo[] = [];
  for (let j = k - 1; j >= 0; j--) {
    const prev = stage.instructions[j] as InstructionInfo;
    if (prev.instruction.name !== 'COPY' && prev.instruction.name !== 'ADD') break;
    before.unshift(prev);
  }
  const into = before.filter((b) => {
    const dest = b.instruction.name === 'COPY' || b.instruction.name === 'ADD' ? copyArgs(b.instruction).dest : null;
    const d = dest ? copyDestination(b, dest.text) : null;
    return d !== null && (d === path || d.startsWith(path + '/'));
  });
  if (into.length === 0 || into.some((b) => b.instruction.flags.some((f) => f.name === 'chown'))) return null;
  let lineStart = ins.span.start;
  while (lineStart > 0 && text.charCodeAt(lineStart - 1) !== 10) lineStart--;
  const nl = text.indexOf('\n', ins.span.end);
  const lineEnd = nl < 0 ? text.length : nl + 1;
  return {
    safety: 'unsafe',
    title: `Use \`COPY --chown=${owner}\` and drop the chown`,
    edits: [...into.map((b) => ({ start: b.instruction.keyword.span.end, end: b.instruction.keyword.span.end, text: ` --chown=${owner}` })), { start: lineStart, end: lineEnd, text: '' }],
  };
}

/** Commands that install the project's dependencies from a manifest. */
function installsDependencies(script: RunScript | null): boolean {
  if (!script) return false;
  for (const use of programUses(script)) {
    const sub = use.args.find((a) => a.value !== null && !a.value.startsWith('-'))?.value;
    if ((use.program === 'pip' || use.program === 'pip3') && sub === 'install') {
      if (use.args.some((a) => a.value === '-r' || a.value?.startsWith('--requirement') || a.value === '.' || a.value === '-e' || a.value?.startsWith('-r'))) return true;
    }
    if (use.program === 'uv' && (sub === 'sync' || (sub === 'pip' && use.args.some((a) => a.value === '-r' || a.value?.startsWith('-r') || a.value === '.')))) return true;
    if ((use.program === 'poetry' || use.program === 'pdm' || use.program === 'pipenv') && (sub === 'install' || sub === 'sync')) return true;
  }
  return false;
}

/** The requirement files of a RUN made only of `pip install -r …` (pinned packages allowed); null otherwise. */
function requirementFiles(script: RunScript | null): string[] | null {
  if (!script || script.shell.errors.length > 0) return null;
  const files: string[] = [];
  for (const use of programUses(script)) {
    const p = pipInstall(use);
    if (!p || p.tool === 'pipx') return null;
    if (unpinnedPackages(p).length > 0 || p.packages.some((w) => w.value === null || /^[.~/]/.test(w.value) || w.value.includes('/'))) return null;
    for (const o of [...p.options.all('requirement'), ...p.options.all('constraint')]) {
      if (!o.value || !/^[\w./-]+$/.test(o.value) || o.value.startsWith('/') || o.value.includes('..')) return null;
      files.push(o.value);
    }
  }
  return files.length > 0 ? [...new Set(files)] : null;
}

const MOVABLE_OVER = new Set(['ENV', 'ARG', 'LABEL', 'EXPOSE']);

function lineBounds(text: string, span: Span): { start: number; end: number } {
  let start = span.start;
  while (start > 0 && text.charCodeAt(start - 1) !== 10) start--;
  const nl = text.indexOf('\n', span.end);
  return { start, end: nl < 0 ? text.length : nl + 1 };
}

/** COPY the requirement files, install, then COPY the rest: the install RUN moves above `COPY . .`. */
function reorderFix(text: string, stage: Stage, copyAll: InstructionInfo, run: InstructionInfo, script: RunScript | null): FixDescriptor | null {
  const files = requirementFiles(script);
  const copy = copyAll.instruction;
  if (!files || (copy.name !== 'COPY' && copy.name !== 'ADD') || run.instruction.onbuild || run.instruction.heredocs.length > 0) return null;
  const args = copyArgs(copy);
  if (args.sources.length !== 1 || !args.dest || args.json) return null;
  const between = stage.instructions.slice(stage.instructions.indexOf(copyAll) + 1, stage.instructions.indexOf(run));
  if (between.some((b) => !MOVABLE_OVER.has(b.instruction.name))) return null;
  const dest = args.dest.text;
  if (!/^(?:\.\/?|\/[\w./-]*)$/.test(dest)) return null;
  // Files go where `COPY . dest` would put them: keep their folders.
  const tops = [...new Set(files.map((f) => (f.includes('/') ? f.slice(0, f.indexOf('/') + 1) : f)))];
  const target = (f: string): string => (dest === '.' || dest === './' ? (f.endsWith('/') ? f : './') : dest.replace(/\/?$/, '/') + (f.endsWith('/') ? f : ''));
  const eol = eolOf(text);
  const flags = args.chown ? `--chown=${args.chown.value ?? ''} ` : '';
  const copies = tops.every((f) => !f.endsWith('/'))
    ? [`${copy.keyword.text} ${flags}${tops.join(' ')} ${target('')}`]
    : tops.map((f) => `${copy.keyword.text} ${flags}${f} ${target(f)}`);
  const runLines = lineBounds(text, run.instruction.span);
  const runText = text.slice(runLines.start, runLines.end);
  const copyLines = lineBounds(text, copy.span);
  const indent = text.slice(copyLines.start, copy.span.start);
  return {
    safety: 'unsafe',
    title: `Copy ${tops.join(', ')} and install before \`COPY . ${dest}\``,
    edits: [
      { start: copyLines.start, end: copyLines.start, text: copies.map((c) => indent + c + eol).join('') + (runText.endsWith('\n') ? runText : runText + eol) },
      { start: runLines.start, end: runLines.end, text: '' },
    ],
    textChecked: true,
  };
}

function isWholeContext(ins: Instruction): boolean {
  if (ins.name !== 'COPY' && ins.name !== 'ADD') return false;
  const args = copyArgs(ins);
  if (args.from) return false;
  return args.sources.some((s) => /^\.\/?$/.test(s.word.text));
}

export const copyBeforeDependencies = defineRule({
  name: 'copy-before-dependencies',
  practices: ['cache-deps-before-code'],
  severity: 'warning',
  aliases: [],
  fixable: 'unsafe',
  summary: 'The whole source is copied before dependencies are installed: every code change reinstalls them',
  docs: {
    what: 'Reports `COPY . …` that comes before the RUN installing the dependencies (`pip install -r`, `pip install .`, `uv sync`, `poetry install`, `pipenv install`, `pdm install`) in the same stage, when the dependency manifest was not copied and installed first.',
    why: 'Docker reuses a layer only if everything before it is unchanged. With the source copied first, any edit to any file invalidates the install layer and the next build downloads and installs every dependency again. Copying `requirements.txt` (or the lock file) first and installing before `COPY . .` keeps that layer cached until the dependencies change.',
    fixSafety: 'Unsafe, when the install is only `pip install -r <files>` (and pinned packages) and only ENV/ARG/LABEL/EXPOSE come between: the requirement files are copied first, the install moves before `COPY . .`. The layers change (that is the point); an install that read other files of the context would now miss them, which is why other installs (`pip install .`, `uv sync`, `poetry install`) only get a suggestion.',
  },
  examples: {
    bad: [{ code: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir -r requirements.txt\n' }],
    fixed: [
      {
        input: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nENV PIP_DISABLE_PIP_VERSION_CHECK=1\nRUN pip install --no-cache-dir \\\n    -r requirements.txt\nCMD ["gunicorn", "app:app"]\n',
        output: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt ./\nRUN pip install --no-cache-dir \\\n    -r requirements.txt\nCOPY . .\nENV PIP_DISABLE_PIP_VERSION_CHECK=1\nCMD ["gunicorn", "app:app"]\n',
        unsafe: true,
      },
    ],
    good: [
      { code: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\n' },
      { code: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY pyproject.toml uv.lock ./\nRUN uv sync --frozen --no-install-project\nCOPY . .\nRUN uv sync --frozen\n' },
    ],
  },
  create(ctx) {
    return {
      stageEnd(stage) {
        let copyAll: InstructionInfo | null = null;
        let installedBefore = false;
        for (const info of stage.instructions) {
          const ins = info.instruction;
          if (isWholeContext(ins) && !copyAll) {
            copyAll = info;
            continue;
          }
          if (ins.name === 'RUN' && installsDependencies(ctx.script(info))) {
            if (!copyAll) {
              installedBefore = true;
              continue;
            }
            if (installedBefore) return;
            const c = copyAll.instruction;
            ctx.report({
              span: c.name === 'COPY' || c.name === 'ADD' ? (c.list?.items[0]?.span ?? c.keyword.span) : c.keyword.span,
              message: `The source is copied before the dependencies are installed (line ${ins.startLine}): every code change reinstalls them; copy the manifest and install first`,
              fix: reorderFix(ctx.file.text, stage, copyAll, info, ctx.script(info)) ?? { safety: 'suggestion', title: 'Copy the dependency manifest and install before `COPY . .`', edits: [] },
            });
            return;
          }
        }
      },
    };
  },
});

const CLEANUP = [/^\/var\/lib\/apt\/lists/, /^\/var\/cache\/apt/, /^\/root\/\.cache/, /^\/var\/cache\/apk/, /^~\/\.cache/, /^\/tmp\/\*?$/, /^\/var\/cache\/yum/, /^\/var\/cache\/dnf/];

function cleanupOnly(script: RunScript): boolean {
  const uses = programUses(script);
  if (uses.length === 0) return false;
  return uses.every((u) => {
    if (u.program === 'rm') return u.args.some((a) => a.value !== null && !a.value.startsWith('-')) && u.args.filter((a) => a.value !== null && !a.value.startsWith('-')).every((a) => CLEANUP.some((re) => re.test(a.raw.replace(/["']/g, ''))));
    const apt = aptUse(u);
    if (apt) return apt.sub === 'clean' || apt.sub === 'autoclean' || apt.sub === 'autoremove';
    const apk = apkUse(u);
    if (apk) return apk.sub === 'cache';
    if (u.program === 'pip') return u.args[0]?.value === 'cache';
    if (u.program === 'yum' || u.program === 'dnf') return u.args[0]?.value === 'clean';
    return false;
  });
}

export const cleanupInSeparateLayer = defineRule({
  name: 'cleanup-in-separate-layer',
  practices: ['layers-combined', 'apt-clean-lists'],
  severity: 'warning',
  instructions: ['RUN'],
  aliases: [],
  summary: 'A RUN that only deletes caches: the bytes stay in the earlier layer',
  docs: {
    what: 'Reports a RUN whose commands only clean up (`rm -rf /var/lib/apt/lists/*`, `apt-get clean`, `pip cache purge`, `rm -rf /root/.cache`…) in a stage of the final image.',
    why: 'Layers only add: deleting files in a new layer hides them but the earlier layer still carries every byte, so the image does not shrink. Clean up in the same RUN that created the mess.',
  },
  examples: {
    bad: [{ code: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl\nRUN rm -rf /var/lib/apt/lists/*\n' }],
    good: [{ code: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n' }],
  },
  create(ctx) {
    return {
      instruction(info) {
        if (info.instruction.name !== 'RUN' || (info.stage && !isRuntime(ctx, info.stage))) return;
        const script = ctx.script(info);
        if (!script || !cleanupOnly(script)) return;
        ctx.report({ span: info.instruction.command?.span ?? info.instruction.keyword.span, message: 'This RUN only deletes files: they still ship in the layer that created them; clean up in that same RUN' });
      },
    };
  },
});

export const consecutiveRun = defineRule({
  name: 'consecutive-run',
  practices: ['layers-combined'],
  severity: 'info',
  aliases: ['DL3059'],
  summary: 'Consecutive single-command RUN instructions could be one layer',
  docs: {
    what: 'Reports a RUN that directly follows another RUN with the same flags when both are a single command (comments between them do not matter).',
    why: 'Every RUN is a layer: a chain of one-command RUNs makes more layers, more cache entries and, when one creates files the next removes, a bigger image. Related commands belong in one RUN, joined with `&&`.',
  },
  examples: {
    bad: [{ code: 'FROM debian:12\nRUN mkdir /app\nRUN touch /app/x\n', count: 1 }],
    good: [{ code: 'FROM debian:12\nRUN mkdir /app && touch /app/x\n' }, { code: 'FROM debian:12\nRUN mkdir /app\nWORKDIR /app\nRUN touch x\n' }],
  },
  create(ctx) {
    let prev: InstructionInfo | null = null;
    const single = (info: InstructionInfo): boolean => {
      const s = ctx.script(info);
      if (!s) return false;
      const top = s.shell.body;
      return top.length === 1 && top[0]?.pipelines.length === 1 && s.shell.commands.length === 1;
    };
    const flags = (ins: Instruction): string => ins.flags.map((f) => f.text).join(' ');
    return {
      instruction(info) {
        const ins = info.instruction;
        if (ins.name !== 'RUN') {
          prev = null;
          return;
        }
        if (prev && prev.stage === info.stage && flags(prev.instruction) === flags(ins) && single(prev) && single(info)) {
          ctx.report({ span: ins.keyword.span, message: `This RUN and the one on line ${prev.instruction.startLine} could be one RUN (one layer)` });
        }
        prev = info;
      },
    };
  },
});

const COMPILERS = /^(?:gcc|g\+\+|clang|make|cmake|build-essential|build-base|musl-dev|libc6?-dev|python3?-dev|python3?\.\d+-dev|.*-dev|.*-devel|cargo|rustc|gfortran|autoconf|automake|libtool|pkg-config|pkgconf)$/;

export const compilersInFinalStage = defineRule({
  name: 'compilers-in-final-stage',
  practices: ['multi-stage'],
  severity: 'warning',
  instructions: ['RUN'],
  aliases: [],
  fixable: 'suggestion',
  summary: 'Compilers and -dev headers installed in the runtime image: build in a builder stage',
  docs: {
    what: 'Reports packages like `gcc`, `build-essential`, `build-base`, `*-dev`, `python3-dev` installed with apt-get/apk in the final stage (or a stage it builds on), unless the same RUN removes them again (`apk add --virtual .build-deps … && apk del .build-deps`, `apt-get purge`).',
    why: 'Build tools are only needed to compile wheels. In the runtime image they add hundreds of MB and give an attacker a compiler. A builder stage compiles into a virtualenv, and the final stage copies only the result.',
    fixSafety: 'A suggestion: move the build into a builder stage and `COPY --from=builder /opt/venv /opt/venv`.',
  },
  examples: {
    bad: [{ code: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev && rm -rf /var/lib/apt/lists/*\nRUN pip install --no-cache-dir -r requirements.txt\n' }],
    good: [
      { code: 'FROM python:3.12-slim AS builder\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev\nRUN python -m venv /opt/venv && /opt/venv/bin/pip install -r requirements.txt\nFROM python:3.12-slim\nCOPY --from=builder /opt/venv /opt/venv\n' },
      { code: 'FROM python:3.12-alpine\nRUN apk add --no-cache --virtual .build-deps gcc musl-dev && pip install --no-cache-dir -r requirements.txt && apk del .build-deps\n' },
    ],
  },
  create(ctx) {
    return {
      instruction(info) {
        if (info.instruction.name !== 'RUN' || !isRuntime(ctx, info.stage)) return;
        const script = ctx.script(info);
        if (!script) return;
        const uses = programUses(script);
        const removed = new Set<string>();
        for (const u of uses) {
          const apt = aptUse(u);
          if (apt && (apt.sub === 'purge' || apt.sub === 'remove' || apt.sub === 'autoremove')) for (const p of apt.packages) if (p.value) removed.add(p.value);
          const apk = apkUse(u);
          if (apk && apk.sub === 'del') for (const p of apk.packages) if (p.value) removed.add(p.value);
        }
        for (const u of uses) {
          const apt = aptUse(u);
          const apk = apkUse(u);
          const installs = apt?.sub === 'install' ? apt.packages : apk?.sub === 'add' ? apk.packages : [];
          const virtual = apk?.options.get('virtual')?.value;
          if (virtual && removed.has(virtual)) continue;
          const autoremove = apt && uses.some((x) => aptUse(x)?.sub === 'autoremove');
          for (const p of installs) {
            const name = (p.value ?? '').split('=')[0] ?? '';
            if (!COMPILERS.test(name) || removed.has(name) || (autoremove && removed.has(name))) continue;
            ctx.report({
              span: wordSpan(script, p),
              message: `\`${name}\` is a build tool installed in the runtime image: compile in a builder stage and copy only the result`,
              fix: { safety: 'suggestion', title: 'Move the build to a builder stage', edits: [] },
            });
          }
        }
      },
    };
  },
});
