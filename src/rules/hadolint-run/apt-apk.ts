/** Debian and Alpine package managers: version pins, and `apt` used in scripts. */
import { defineRule } from '../../engine/rule.js';
import { programUses, wordSpan } from '../commands.js';
import { apkUse, aptUse } from '../apt.js';
import { commandSpan, literalText, programWord, runScript, shown } from './shared.js';

const PIN_DEFAULT_OFF =
  'Off by default: a pinned Debian or Alpine version is removed from the archive once a newer one is published, so a pinned Dockerfile stops building after a few weeks unless someone keeps the pins current. Turn it on where builds are reproducible by other means too (a snapshot mirror, a pinned base image digest) and pins are maintained.';

export const aptInstallUnpinned = defineRule({
  name: 'apt-install-unpinned',
  practices: [],
  severity: 'warning',
  aliases: ['DL3008'],
  enabledByDefault: false,
  onbuild: true,
  fixable: 'suggestion',
  summary: '`apt-get install` of a package without a version pin',
  docs: {
    what: 'Reports each package of `apt-get install` (also `apt install`) given without `=version`. Local `.deb` files, paths and the release named by `-t`/`--target-release` are not packages to pin.',
    why: `Without a pin, each build installs whatever version the archive has that day, so two builds of one Dockerfile can differ, and an update can change behaviour without any change on your side. ${PIN_DEFAULT_OFF}`,
    fixSafety: 'A suggestion: the version to pin (see `apt-cache policy <package>`) is yours to choose.',
  },
  examples: {
    bad: [{ code: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl git=1:2.39.5-0+deb12u2\n', count: 1 }],
    good: [
      { code: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u12\n' },
      { code: 'FROM debian:12\nCOPY tool.deb /tmp/\nRUN apt-get install -y /tmp/tool.deb\n' },
    ],
  },
  create(ctx) {
    return {
      instruction(info) {
        const script = runScript(ctx, info);
        if (!script) return;
        for (const use of programUses(script)) {
          const a = aptUse(use);
          if (!a || a.program === 'aptitude' || a.sub !== 'install') continue;
          for (const w of a.packages) {
            const text = literalText(w);
            if (text === null || text.includes('=') || text.includes('/') || text.endsWith('.deb')) continue;
            ctx.report({
              span: wordSpan(script, w),
              message: `\`${shown(w)}\` is installed without a version: pin it as \`${shown(w)}=<version>\``,
              fix: { safety: 'suggestion', title: `Pin \`${shown(w)}=<version>\``, edits: [] },
            });
          }
        }
      },
    };
  },
});

export const apkAddUnpinned = defineRule({
  name: 'apk-add-unpinned',
  practices: [],
  severity: 'warning',
  aliases: ['DL3018'],
  enabledByDefault: false,
  onbuild: true,
  fixable: 'suggestion',
  summary: '`apk add` of a package without a version constraint',
  docs: {
    what: 'Reports each package of `apk add` given without a version constraint (`=`, `~`, `>`, `<`). Local `.apk` files and the values of `--virtual`/`-t` and `--repository`/`-X` are not packages to pin.',
    why: `Without a constraint, each build installs whatever version the repository has that day: builds stop being reproducible and an update can change behaviour silently. A fuzzy constraint (\`pkg~1.2\`) keeps patch updates while holding the version line. ${PIN_DEFAULT_OFF}`,
    fixSafety: 'A suggestion: the version to pin (see `apk policy <package>`) is yours to choose.',
  },
  examples: {
    bad: [{ code: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n' }],
    good: [{ code: 'FROM alpine:3.20\nRUN apk add --no-cache curl~8.9 --virtual .build-deps gcc=13.2.1_git20240309-r0\n' }],
  },
  create(ctx) {
    return {
      instruction(info) {
        const script = runScript(ctx, info);
        if (!script) return;
        for (const use of programUses(script)) {
          const a = apkUse(use);
          if (!a || a.sub !== 'add') continue;
          for (const w of a.packages) {
            const text = literalText(w);
            if (text === null || /[=~<>/]/.test(text) || text.endsWith('.apk')) continue;
            ctx.report({
              span: wordSpan(script, w),
              message: `\`${shown(w)}\` is added without a version: constrain it, e.g. \`${shown(w)}=<version>\` or \`${shown(w)}~<major.minor>\``,
              fix: { safety: 'suggestion', title: `Pin \`${shown(w)}=<version>\``, edits: [] },
            });
          }
        }
      },
    };
  },
});

/** apt subcommands that apt-get runs the same way (`apt list`, `apt search`, `apt show` have no apt-get twin). */
const APT_GET_SUBCOMMANDS = new Set(['install', 'update', 'upgrade', 'dist-upgrade', 'remove', 'purge', 'autoremove', 'clean', 'autoclean', 'build-dep', 'source', 'download']);

export const aptInsteadOfAptGet = defineRule({
  name: 'apt-instead-of-apt-get',
  practices: ['apt-no-recommends'],
  severity: 'warning',
  aliases: ['DL3027'],
  onbuild: true,
  fixable: 'unsafe',
  summary: '`apt` is the interactive front end: scripts should call `apt-get`',
  docs: {
    what: 'Reports the `apt` command in a RUN script.',
    why: '`apt` is made for people at a terminal: its output and defaults may change between releases, and it warns "apt does not have a stable CLI interface. Use with caution in scripts." `apt-get` (and `apt-cache` for queries) keeps a stable interface meant for scripts, and the other package rules (`-y`, `--no-install-recommends`, pins) are written for it.',
    fixSafety: 'Unsafe: replaces `apt` with `apt-get` for the subcommands both share (`install`, `update`, `remove`, …). The same packages are installed, but progress output and a few defaults differ, so the build log and edge cases may change.',
  },
  examples: {
    bad: [{ code: 'FROM ubuntu:24.04\nRUN apt update && apt install -y --no-install-recommends python3\n', count: 2 }],
    good: [{ code: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y --no-install-recommends python3 && rm -rf /var/lib/apt/lists/*\n' }],
    fixed: [{ input: 'FROM ubuntu:24.04\nRUN apt install -y python3\n', output: 'FROM ubuntu:24.04\nRUN apt-get install -y python3\n', unsafe: true }],
  },
  create(ctx) {
    return {
      instruction(info) {
        const script = runScript(ctx, info);
        if (!script) return;
        for (const use of programUses(script)) {
          const a = aptUse(use);
          const word = programWord(use);
          if (!a || a.program !== 'apt' || !word) continue;
          const span = wordSpan(script, word);
          const plain = ctx.file.text.slice(span.start, span.end) === 'apt';
          const fixable = plain && a.sub !== null && APT_GET_SUBCOMMANDS.has(a.sub);
          ctx.report({
            span: a.subWord ? commandSpan(script, use, a.subWord) : span,
            message: `\`apt${a.sub ? ' ' + a.sub : ''}\` in a script: \`apt\` has no stable command-line interface; use \`apt-get\``,
            fix: fixable ? { safety: 'unsafe', title: 'Use `apt-get`', edits: [{ start: span.start, end: span.end, text: 'apt-get' }] } : null,
          });
        }
      },
    };
  },
});
