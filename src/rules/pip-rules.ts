import { defineRule } from '../engine/rule.js';
import { hasCacheMount } from '../model/instructions.js';
import { isTruthy } from './util.js';
import { envTruthy, exportedBefore, programUses, shipsLayers, wordSpan } from './commands.js';
import { pipInstall, unpinnedPackages } from './pip.js';

export const pipMissingNoCacheDir = defineRule({
  name: 'pip-missing-no-cache-dir',
  practices: ['pip-no-cache'],
  severity: 'warning',
  instructions: ['RUN'],
  aliases: ['DL3042'],
  fixable: 'unsafe',
  onbuild: true,
  summary: '`pip install` keeps its download cache in the image',
  docs: {
    what: 'Reports `pip install` (also `python -m pip`, `uv pip install`) without `--no-cache-dir` (uv: `--no-cache`) in a stage the final image is made of, unless `PIP_NO_CACHE_DIR` is set truthy (ENV, an `export` or a prefix assignment) or a cache/tmpfs mount covers the cache directory.',
    why: 'pip keeps every wheel it downloads or builds in `~/.cache/pip`. In an image that cache is dead weight (often tens to hundreds of MB) shipped in a layer forever; the next build starts from scratch anyway. A BuildKit cache mount keeps the speed benefit without the weight.',
    fixSafety: 'Unsafe: the image changes (the cache is no longer in it), which is what the rule asks. Adds `--no-cache-dir` (or uv\'s `--no-cache`) right after `install`.',
  },
  examples: {
    bad: [{ code: 'FROM python:3.12-slim\nRUN pip install -r requirements.txt\n' }, { code: 'FROM python:3.12-slim\nRUN python3 -m pip install --upgrade pip && pip install flask==3.0.3\n', count: 2 }],
    good: [
      { code: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir -r requirements.txt\n' },
      { code: 'FROM python:3.12-slim\nENV PIP_NO_CACHE_DIR=1\nRUN pip install -r requirements.txt\n' },
      { code: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt\n' },
      { code: 'FROM python:3.12 AS build\nRUN pip wheel -w /wheels -r requirements.txt && pip install -r requirements.txt\nFROM python:3.12-slim\nCOPY --from=build /wheels /wheels\n', title: 'A build stage whose files are copied selectively ships no cache' },
    ],
    fixed: [{ input: 'FROM python:3.12-slim\nRUN pip install -r requirements.txt\n', output: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir -r requirements.txt\n', unsafe: true }],
  },
  create(ctx) {
    return {
      instruction(info) {
        if (info.instruction.name !== 'RUN' || !shipsLayers(ctx, info.stage)) return;
        const script = ctx.script(info);
        if (!script) return;
        const env = envTruthy(info, 'PIP_NO_CACHE_DIR');
        for (const use of programUses(script)) {
          const p = pipInstall(use);
          if (!p || p.tool === 'pipx') continue;
          const uv = p.tool === 'uv-pip';
          if (uv ? p.options.has('no-cache') || p.options.has('n') : p.options.has('no-cache-dir')) continue;
          const variable = uv ? 'UV_NO_CACHE' : 'PIP_NO_CACHE_DIR';
          const prefix = use.env.get(variable);
          if (prefix !== undefined) {
            if (prefix !== null && isTruthy(prefix)) continue;
          } else {
            const exported = exportedBefore(script, use.command, variable);
            if (exported !== undefined) {
              if (exported !== null && isTruthy(exported)) continue;
            } else if (uv ? envTruthy(info, 'UV_NO_CACHE') : env) continue;
          }
          if (hasCacheMount(info.instruction, (t) => (uv ? /\.cache(?:\/uv)?$|\/uv$/.test(t) : /\.cache(?:\/pip)?$|\/pip$/.test(t)))) continue;
          const flag = uv ? '--no-cache' : '--no-cache-dir';
          const at = wordSpan(script, p.install);
          const exact = ctx.file.text.slice(at.start, at.end) === 'install';
          ctx.report({
            span: { start: Math.min(wordSpan(script, use.command.name ?? p.install).start, at.start), end: at.end },
            message: `\`${uv ? 'uv pip' : 'pip'} install\` without \`${flag}\` leaves the download cache in the image`,
            fix: exact ? { safety: 'unsafe', title: `Add \`${flag}\``, edits: [{ start: at.end, end: at.end, text: ` ${flag}` }] } : null,
          });
        }
      },
    };
  },
});

export const pipInstallUnpinned = defineRule({
  name: 'pip-install-unpinned',
  practices: ['pip-requirements-file'],
  severity: 'warning',
  instructions: ['RUN'],
  aliases: ['DL3013'],
  onbuild: true,
  fixable: 'suggestion',
  summary: 'Packages installed by name, with no version pin and no requirements file',
  docs: {
    what: 'Reports `pip install <name>` (and `python -m pip`, `uv pip`, `pipx`) of a package without a version specifier, when no requirements (`-r`) or constraints (`-c`) file governs it. Files, paths, URLs and VCS URLs with a ref count as pinned.',
    why: 'An unpinned name installs whatever is newest on the day of the build: two builds of the same Dockerfile get different code, and a release of any dependency can break the image without a change on your side. Declaring dependencies in a pinned file (`requirements.txt`, a lock file) makes the build reproducible and lets the layer cache work.',
    fixSafety: 'A suggestion: the version to pin is yours to choose.',
  },
  examples: {
    bad: [{ code: 'FROM python:3.8-alpine\nRUN pip install flask\n' }, { code: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir gunicorn flask==3.0.3\n', count: 1 }],
    good: [
      { code: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir -r requirements.txt\n' },
      { code: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir "flask==3.0.3" .\n' },
      { code: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir -c constraints.txt flask\n' },
    ],
  },
  create(ctx) {
    return {
      instruction(info) {
        if (info.instruction.name !== 'RUN') return;
        const script = ctx.script(info);
        if (!script) return;
        for (const use of programUses(script)) {
          const p = pipInstall(use);
          if (!p) continue;
          for (const w of unpinnedPackages(p)) {
            ctx.report({
              span: wordSpan(script, w),
              message: `\`${w.value}\` is installed without a version pin or requirements file: declare it, pinned, in requirements.txt (or a lock file)`,
              fix: { safety: 'suggestion', title: `Pin it (\`${w.value}==<version>\`) or install from a pinned requirements.txt`, edits: [] },
            });
          }
        }
      },
    };
  },
});
