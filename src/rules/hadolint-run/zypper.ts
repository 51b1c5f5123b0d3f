/** zypper (openSUSE / SLES): prompts, dist-upgrade, cache and pins (DL3034–DL3037). */
import { defineRule } from '../../engine/rule.js';
import { hasCacheMount } from '../../model/instructions.js';
import type { OptionSpec, ShellWord } from '../../shell/index.js';
import { programUses, shipsLayers, subcommandOf, wordSpan, type ProgramUse } from '../commands.js';
import { appendCommand, commandSpan, insertAfter, literalText, programWord, runScript, shown } from './shared.js';

const ZYPPER_OPTIONS: OptionSpec = {
  short: 'cRDCrt',
  long: ['config', 'root', 'installroot', 'reposd-dir', 'cache-dir', 'raw-cache-dir', 'solv-cache-dir', 'pkg-cache-dir', 'userdata', 'releasever', 'repo', 'type', 'from', 'download'],
  aliases: { n: 'non-interactive', y: 'no-confirm', r: 'repo', t: 'type' },
};

const SUBCOMMANDS: Readonly<Record<string, string>> = {
  install: 'install', in: 'install',
  remove: 'remove', rm: 'remove',
  'source-install': 'source-install', si: 'source-install',
  update: 'update', up: 'update',
  'dist-upgrade': 'dist-upgrade', dup: 'dist-upgrade',
  patch: 'patch',
  'install-new-recommends': 'install-new-recommends', inr: 'install-new-recommends',
  clean: 'clean', cc: 'clean',
};

interface ZypperUse {
  readonly use: ProgramUse;
  /** The canonical subcommand (`install` for `in`), or the word as written. */
  readonly sub: string | null;
  readonly subWord: ShellWord | null;
  readonly options: ReturnType<typeof subcommandOf>['options'];
  readonly packages: readonly ShellWord[];
}

function zypperUse(use: ProgramUse): ZypperUse | null {
  if (use.program !== 'zypper') return null;
  const s = subcommandOf(use.args, ZYPPER_OPTIONS);
  const sub = s.name === null ? null : (SUBCOMMANDS[s.name] ?? s.name);
  return { use, sub, subWord: s.word, options: s.options, packages: s.options.positionals.slice(1) };
}

const PROMPTS = new Set(['install', 'remove', 'source-install', 'update', 'dist-upgrade', 'patch', 'install-new-recommends']);
const FETCHES = new Set(['install', 'source-install', 'update', 'dist-upgrade', 'patch', 'install-new-recommends']);

export const zypperMissingNonInteractive = defineRule({
  name: 'zypper-missing-non-interactive',
  practices: ['apt-no-recommends'],
  severity: 'warning',
  aliases: ['DL3034'],
  fixable: 'unsafe',
  onbuild: true,
  summary: '`zypper` without `-n` stops at the confirmation prompt',
  docs: {
    what: 'Reports `zypper install`, `remove`, `update`, `patch`, `dist-upgrade`, `source-install` (and their short forms) without `-n` / `--non-interactive` or `-y` / `--no-confirm`.',
    why: 'A build has no terminal to answer zypper\'s "Continue? [y/n/v/...? shows all options] (y)": zypper aborts and the build fails.',
    fixSafety: 'Unsafe: adds the global `--non-interactive` right after `zypper`, which changes the RUN command (and so the image history and build cache key); the installed packages are the same.',
  },
  examples: {
    bad: [{ code: 'FROM opensuse/leap:15.6\nRUN zypper install python311 && zypper clean --all\n' }],
    good: [{ code: 'FROM opensuse/leap:15.6\nRUN zypper --non-interactive install python311 && zypper clean --all\n' }, { code: 'FROM opensuse/leap:15.6\nRUN zypper install -y python311 && zypper clean --all\n' }],
    fixed: [{ input: 'FROM opensuse/leap:15.6\nRUN zypper install python311 && zypper clean --all\n', output: 'FROM opensuse/leap:15.6\nRUN zypper --non-interactive install python311 && zypper clean --all\n', unsafe: true }],
  },
  create(ctx) {
    return {
      instruction(info) {
        const script = runScript(ctx, info);
        if (!script) return;
        for (const use of programUses(script)) {
          const z = zypperUse(use);
          if (!z || z.sub === null || !PROMPTS.has(z.sub)) continue;
          if (z.options.has('non-interactive') || z.options.has('no-confirm')) continue;
          const edit = insertAfter(ctx, script, programWord(use), ' --non-interactive');
          ctx.report({
            span: commandSpan(script, use, z.subWord),
            message: `\`zypper ${z.subWord?.value ?? z.sub}\` without \`-n\` waits for a confirmation nobody gives, and the build fails`,
            fix: edit ? { safety: 'unsafe', title: 'Add `--non-interactive`', edits: [edit] } : null,
          });
        }
      },
    };
  },
});

export const zypperDistUpgrade = defineRule({
  name: 'zypper-dist-upgrade',
  practices: ['base-pinned-tag'],
  severity: 'warning',
  aliases: ['DL3035'],
  onbuild: true,
  summary: '`zypper dist-upgrade` in a RUN: upgrade the base image instead',
  docs: {
    what: 'Reports `zypper dist-upgrade` (`zypper dup`).',
    why: 'A distribution upgrade can move the image to a new release, with new library versions and changed defaults, behind the back of the tag the Dockerfile names. The result depends on the day of the build and is large (every upgraded package is a new copy in the layer). Choose the release with the base image tag, and rebuild on a newer base image to get updates.',
  },
  examples: {
    bad: [{ code: 'FROM opensuse/tumbleweed\nRUN zypper --non-interactive dup\n' }],
    good: [{ code: 'FROM opensuse/leap:15.6\nRUN zypper --non-interactive install python311 && zypper clean --all\n' }],
  },
  create(ctx) {
    return {
      instruction(info) {
        const script = runScript(ctx, info);
        if (!script) return;
        for (const use of programUses(script)) {
          const z = zypperUse(use);
          if (!z || z.sub !== 'dist-upgrade' || !z.subWord) continue;
          ctx.report({
            span: commandSpan(script, use, z.subWord),
            message: `\`zypper ${z.subWord.value ?? 'dist-upgrade'}\` upgrades the distribution inside the build: pick the release with the base image tag instead`,
          });
        }
      },
    };
  },
});

function cleansZypperCache(use: ProgramUse): boolean {
  if (use.program === 'rm') return use.args.some((w) => w.value !== null && /^\/var\/cache\/zypp(?:\/(?:packages\/?)?\*?)?$/.test(w.value));
  return zypperUse(use)?.sub === 'clean';
}

export const zypperCacheNotCleaned = defineRule({
  name: 'zypper-cache-not-cleaned',
  practices: ['apt-clean-lists', 'layers-combined'],
  severity: 'warning',
  aliases: ['DL3036'],
  fixable: 'unsafe',
  onbuild: true,
  summary: '`zypper install` leaves the package cache in the layer',
  docs: {
    what: 'Reports `zypper install` (also `update`, `patch`, `dist-upgrade`, `source-install`), in a stage the final image is made of, that is not followed in the same RUN by `zypper clean` (`zypper cc`) or the removal of `/var/cache/zypp`. A cache or tmpfs mount on `/var/cache/zypp` also satisfies it.',
    why: 'zypper keeps repository metadata and downloaded packages in `/var/cache/zypp`. Removed in a later RUN they still ship in the earlier layer; only cleaning in the same RUN keeps them out of the image.',
    fixSafety: 'Unsafe: appends `&& zypper clean --all` to the RUN (the image loses the cache, as intended); offered only when the RUN is a plain command list.',
  },
  examples: {
    bad: [{ code: 'FROM opensuse/leap:15.6\nRUN zypper --non-interactive install python311\n' }],
    good: [
      { code: 'FROM opensuse/leap:15.6\nRUN zypper --non-interactive install python311 && zypper clean --all\n' },
      { code: 'FROM opensuse/leap:15.6\nRUN --mount=type=cache,target=/var/cache/zypp zypper --non-interactive install python311\n' },
    ],
    fixed: [{ input: 'FROM opensuse/leap:15.6\nRUN zypper -n install python311\n', output: 'FROM opensuse/leap:15.6\nRUN zypper -n install python311 && zypper clean --all\n', unsafe: true }],
  },
  create(ctx) {
    return {
      instruction(info) {
        if (!info.instruction.onbuild && !shipsLayers(ctx, info.stage)) return;
        const script = runScript(ctx, info);
        if (!script || hasCacheMount(info.instruction, (t) => t === '/var/cache/zypp' || t.startsWith('/var/cache/zypp/'))) return;
        const uses = programUses(script);
        const found: { use: ProgramUse; z: ZypperUse }[] = [];
        uses.forEach((use, k) => {
          const z = zypperUse(use);
          if (!z || z.sub === null || !FETCHES.has(z.sub)) return;
          if (!uses.slice(k + 1).some(cleansZypperCache)) found.push({ use, z });
        });
        found.forEach(({ use, z }, i) => {
          ctx.report({
            span: commandSpan(script, use, z.subWord),
            message: `\`zypper ${z.subWord?.value ?? z.sub}\` without \`zypper clean\` later in the same RUN leaves the package cache in the image`,
            fix: i === found.length - 1 ? appendCommand(info, script, 'zypper clean --all') : null,
          });
        });
      },
    };
  },
});

export const zypperInstallUnpinned = defineRule({
  name: 'zypper-install-unpinned',
  practices: [],
  severity: 'warning',
  aliases: ['DL3037'],
  enabledByDefault: false,
  onbuild: true,
  fixable: 'suggestion',
  summary: '`zypper install` of a package without a version',
  docs: {
    what: 'Reports each package of `zypper install` given without a version constraint (`=`, `>=`, `>`, `<=`, `<`). Local `.rpm` files and non-package types (`-t pattern`, `-t patch`, …) are not checked.',
    why: 'Without a constraint each build installs whatever version the repositories have that day, so builds stop being reproducible. Off by default: pinned versions disappear from the update repositories as new ones are published, so pins need upkeep to keep building.',
    fixSafety: 'A suggestion: the version to pin (see `zypper search -s <package>`) is yours to choose.',
  },
  examples: {
    bad: [{ code: 'FROM opensuse/leap:15.6\nRUN zypper -n install python311 && zypper clean --all\n' }],
    good: [{ code: 'FROM opensuse/leap:15.6\nRUN zypper -n install "python311>=3.11.9" && zypper clean --all\n' }, { code: 'FROM opensuse/leap:15.6\nRUN zypper -n install -t pattern devel_basis && zypper clean --all\n' }],
  },
  create(ctx) {
    return {
      instruction(info) {
        const script = runScript(ctx, info);
        if (!script) return;
        for (const use of programUses(script)) {
          const z = zypperUse(use);
          if (!z || z.sub !== 'install') continue;
          const type = z.options.get('type')?.value;
          if (type !== undefined && type !== 'package') continue;
          for (const w of z.packages) {
            const text = literalText(w);
            if (text === null || /[=<>/(]/.test(text) || text.endsWith('.rpm')) continue;
            ctx.report({
              span: wordSpan(script, w),
              message: `\`${shown(w)}\` is installed without a version: constrain it, e.g. \`${shown(w)}=<version>\``,
              fix: { safety: 'suggestion', title: `Pin \`${shown(w)}=<version>\``, edits: [] },
            });
          }
        }
      },
    };
  },
});
