import { defineRule } from '../engine/rule.js';
import { hasCacheMount } from '../model/instructions.js';
import { programUses, wordSpan } from './commands.js';
import { aptUse, apkUse, optionSetting, quietLevel, removesAptLists } from './apt.js';
import { isRuntime } from './util.js';

const INSTALL_SUBS = new Set(['install', 'upgrade', 'dist-upgrade', 'full-upgrade', 'build-dep', 'reinstall', 'source', 'download']);

export const aptMissingYes = defineRule({
  name: 'apt-missing-yes',
  practices: ['apt-no-recommends'],
  severity: 'warning',
  instructions: ['RUN'],
  aliases: ['DL3014'],
  fixable: 'unsafe',
  onbuild: true,
  summary: '`apt-get install` without `-y` stops at the confirmation prompt',
  docs: {
    what: 'Reports `apt-get install` without `-y` / `--yes` / `--assume-yes` (or a quiet level of 2, which implies it).',
    why: 'A build has no terminal to answer "Do you want to continue? [Y/n]": apt-get aborts and the build fails, or, with some frontends, waits.',
    fixSafety: 'Unsafe: it adds `-y` after `install`, which changes the RUN command (and the image history); the installed packages are the same.',
  },
  examples: {
    bad: [{ code: 'FROM debian:12\nRUN apt-get update && apt-get install --no-install-recommends curl\n' }],
    good: [{ code: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n' }, { code: 'FROM debian:12\nRUN apt-get -qq install curl\n' }],
    fixed: [{ input: 'FROM debian:12\nRUN apt-get install --no-install-recommends curl\n', output: 'FROM debian:12\nRUN apt-get install -y --no-install-recommends curl\n', unsafe: true }],
  },
  create(ctx) {
    return {
      instruction(info) {
        if (info.instruction.name !== 'RUN') return;
        const script = ctx.script(info);
        if (!script) return;
        for (const use of programUses(script)) {
          const a = aptUse(use);
          if (!a || a.program !== 'apt-get' || a.sub !== 'install' || !a.subWord) continue;
          if (a.options.has('yes') || a.options.has('force-yes') || quietLevel(a) >= 2) continue;
          const at = wordSpan(script, a.subWord);
          ctx.report({
            span: { start: wordSpan(script, use.command.name ?? a.subWord).start, end: at.end },
            message: '`apt-get install` without `-y` aborts at the confirmation prompt: add `-y`',
            fix: ctx.file.text.slice(at.start, at.end) === 'install' ? { safety: 'unsafe', title: 'Add `-y`', edits: [{ start: at.end, end: at.end, text: ' -y' }] } : null,
          });
        }
      },
    };
  },
});

export const aptMissingNoInstallRecommends = defineRule({
  name: 'apt-missing-no-install-recommends',
  practices: ['apt-no-recommends'],
  severity: 'info',
  instructions: ['RUN'],
  aliases: ['DL3015'],
  fixable: 'unsafe',
  onbuild: true,
  summary: '`apt-get install` pulls in recommended packages too',
  docs: {
    what: 'Reports `apt-get install` without `--no-install-recommends` (or `-o APT::Install-Recommends=false`).',
    why: 'By default apt installs every "recommended" package as well: documentation tools, extra libraries, sometimes whole language runtimes. They grow the image and its attack surface without the app needing them.',
    fixSafety: 'Unsafe: fewer packages end up in the image (that is the point); something that relied on a recommended package must then name it.',
  },
  examples: {
    bad: [{ code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n' }],
    good: [{ code: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n' }],
    fixed: [{ input: 'FROM debian:12\nRUN apt-get install -y curl\n', output: 'FROM debian:12\nRUN apt-get install --no-install-recommends -y curl\n', unsafe: true }],
  },
  create(ctx) {
    return {
      instruction(info) {
        if (info.instruction.name !== 'RUN') return;
        const script = ctx.script(info);
        if (!script) return;
        for (const use of programUses(script)) {
          const a = aptUse(use);
          if (!a || a.program !== 'apt-get' || a.sub !== 'install' || !a.subWord) continue;
          if (a.options.has('no-install-recommends')) continue;
          const setting = optionSetting(a, 'APT::Install-Recommends');
          if (setting !== null && /^(?:false|0|no)$/i.test(setting)) continue;
          const at = wordSpan(script, a.subWord);
          ctx.report({
            span: { start: wordSpan(script, use.command.name ?? a.subWord).start, end: at.end },
            message: '`apt-get install` without `--no-install-recommends` also installs recommended packages',
            fix: ctx.file.text.slice(at.start, at.end) === 'install' ? { safety: 'unsafe', title: 'Add `--no-install-recommends`', edits: [{ start: at.end, end: at.end, text: ' --no-install-recommends' }] } : null,
          });
        }
      },
    };
  },
});

export const aptListsNotCleaned = defineRule({
  name: 'apt-lists-not-cleaned',
  practices: ['apt-clean-lists', 'layers-combined'],
  severity: 'info',
  instructions: ['RUN'],
  aliases: ['DL3009'],
  fixable: 'unsafe',
  onbuild: true,
  summary: '`apt-get update` leaves the package lists in the layer',
  docs: {
    what: 'Reports `apt-get update` (also `apt`, `aptitude`) in a stage the final image is made of, when the same RUN does not remove `/var/lib/apt/lists/*` afterwards and no cache/tmpfs mount holds the lists.',
    why: 'The package lists are tens of MB that nothing needs at run time. Removed in a later RUN they still ship, in the earlier layer; only removing them in the same RUN that fetched them keeps them out of the image.',
    fixSafety: 'Unsafe: appends `&& rm -rf /var/lib/apt/lists/*` to the RUN (the image loses the lists, as intended); only offered when the RUN is a plain command chain.',
  },
  examples: {
    bad: [{ code: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n' }],
    good: [
      { code: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl \\\n    && rm -rf /var/lib/apt/lists/*\n' },
      { code: 'FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y curl\n' },
      { code: 'FROM debian:12 AS build\nRUN apt-get update && apt-get install -y gcc\nFROM debian:12\nCOPY --from=build /usr/bin/gcc /usr/bin/\n' },
    ],
    fixed: [
      {
        input: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n',
        output: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n',
        unsafe: true,
      },
    ],
  },
  create(ctx) {
    return {
      instruction(info) {
        const ins = info.instruction;
        if (ins.name !== 'RUN' || (info.stage && !isRuntime(ctx, info.stage))) return;
        const script = ctx.script(info);
        if (!script) return;
        if (hasCacheMount(ins, (t) => t === '/var/lib/apt/lists')) return;
        if (hasCacheMount(ins, (t) => t === '/var/lib/apt') && hasCacheMount(ins, (t) => t === '/var/cache/apt')) return;
        const uses = programUses(script);
        uses.forEach((use, k) => {
          const a = aptUse(use);
          if (!a || a.sub !== 'update' || !a.subWord) return;
          if (uses.slice(k + 1).some(removesAptLists)) return;
          const last = script.shell.commands.at(-1);
          const simple = ins.command?.form === 'shell' && ins.heredocs.length === 0 && script.shell.errors.length === 0 && last && last.context.scopes.length === 0 && last.context.after === null && !last.context.background;
          const end = ins.command?.span.end ?? 0;
          ctx.report({
            span: { start: wordSpan(script, use.command.name ?? a.subWord).start, end: wordSpan(script, a.subWord).end },
            message: `\`${a.program} update\` without \`rm -rf /var/lib/apt/lists/*\` in the same RUN leaves the package lists in the image`,
            fix: simple ? { safety: 'unsafe', title: 'Append `&& rm -rf /var/lib/apt/lists/*`', edits: [{ start: end, end, text: ' && rm -rf /var/lib/apt/lists/*' }] } : null,
          });
        });
      },
    };
  },
});

export const aptUpdateAlone = defineRule({
  name: 'apt-update-alone',
  practices: ['apt-update-with-install'],
  severity: 'warning',
  instructions: ['RUN'],
  aliases: [],
  onbuild: true,
  summary: '`apt-get update` in a RUN that installs nothing: a later install uses a stale cache',
  docs: {
    what: 'Reports a RUN that runs `apt-get update` (or `apt update`) without any `install`/`upgrade` in the same RUN.',
    why: 'Docker caches the layer of `RUN apt-get update` by its text: once cached it is never re-run, so a later `RUN apt-get install` installs from lists that may be months old (missing versions, failing downloads). Update and install must be one RUN.',
  },
  examples: {
    bad: [{ code: 'FROM debian:12\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends curl\n' }],
    good: [{ code: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n' }],
  },
  create(ctx) {
    return {
      instruction(info) {
        if (info.instruction.name !== 'RUN') return;
        const script = ctx.script(info);
        if (!script) return;
        const apts = programUses(script).map(aptUse).filter((a) => a !== null);
        const update = apts.find((a) => a.sub === 'update');
        if (!update?.subWord || apts.some((a) => a.sub !== null && INSTALL_SUBS.has(a.sub))) return;
        ctx.report({
          span: { start: wordSpan(script, update.use.command.name ?? update.subWord).start, end: wordSpan(script, update.subWord).end },
          message: `\`${update.program} update\` with no install in the same RUN: the lists it fetches are cached and go stale; update and install in one RUN`,
        });
      },
    };
  },
});

export const apkMissingNoCache = defineRule({
  name: 'apk-missing-no-cache',
  practices: ['apt-no-recommends', 'apt-clean-lists'],
  severity: 'info',
  instructions: ['RUN'],
  aliases: ['DL3019'],
  fixable: 'unsafe',
  onbuild: true,
  summary: '`apk add` without `--no-cache` keeps the package index in the image',
  docs: {
    what: 'Reports `apk add` without `--no-cache`, unless a cache/tmpfs mount covers `/var/cache/apk`.',
    why: '`apk add` (with `-U` or after `apk update`) stores the package index in `/var/cache/apk`. `--no-cache` fetches the index for this command only and keeps it out of the layer.',
    fixSafety: 'Unsafe: adds `--no-cache` after `add`; the index no longer ships in the image (as intended).',
  },
  examples: {
    bad: [{ code: 'FROM alpine:3.20\nRUN apk add curl\n' }],
    good: [{ code: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n' }, { code: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk apk add curl\n' }],
    fixed: [{ input: 'FROM alpine:3.20\nRUN apk add curl\n', output: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n', unsafe: true }],
  },
  create(ctx) {
    return {
      instruction(info) {
        if (info.instruction.name !== 'RUN') return;
        const script = ctx.script(info);
        if (!script) return;
        if (hasCacheMount(info.instruction, (t) => t === '/var/cache/apk')) return;
        for (const use of programUses(script)) {
          const a = apkUse(use);
          if (!a || a.sub !== 'add' || !a.subWord || a.options.has('no-cache')) continue;
          const at = wordSpan(script, a.subWord);
          ctx.report({
            span: { start: wordSpan(script, use.command.name ?? a.subWord).start, end: at.end },
            message: '`apk add` without `--no-cache` leaves the package index in the image',
            fix: ctx.file.text.slice(at.start, at.end) === 'add' ? { safety: 'unsafe', title: 'Add `--no-cache`', edits: [{ start: at.end, end: at.end, text: ' --no-cache' }] } : null,
          });
        }
      },
    };
  },
});
