/** DL3010: a tar archive COPY'd into the image and unpacked by a later RUN of the same stage. */
import { defineRule } from '../../engine/rule.js';
import { copyArgs } from '../../model/instructions.js';
import type { Stage } from '../../model/model.js';
import type { Span } from '../../parser/source.js';
import type { ShellWord } from '../../shell/index.js';
import { programUses, type ProgramUse } from '../commands.js';
import { lineOf, runScript } from './shared.js';

/** Names ADD unpacks: tar archives, plain or compressed. */
const TARBALL = /\.(?:tar|tar\.(?:gz|bz2|xz|zst|lz|lzma|Z)|tgz|tbz2?|tb2|txz|tlz|tpz|tZ|taz|tzst)$/;
/** Decompressors that are the first step of unpacking a compressed tarball. */
const DECOMPRESSORS = new Set(['unzip', 'gunzip', 'bunzip2', 'unlzma', 'unxz', 'unzstd', 'zcat', 'gzcat', 'uncompress', 'zgz']);

function dropQuotes(s: string): string {
  return s.replace(/^["']+|["']+$/g, '');
}

/** The file name of a path written with `/` or `\` separators. */
function basename(path: string): string {
  const p = dropQuotes(path);
  return p.slice(Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\')) + 1);
}

function isTarExtract(use: ProgramUse): boolean {
  if (use.program !== 'tar') return false;
  return use.args.some((w, i) => {
    const v = w.value;
    if (v === null) return false;
    if (v === '--extract' || v === '--get') return true;
    if (/^-[A-Za-z]+$/.test(v)) return v.includes('x');
    // Old-style bundled letters: `tar xzf file.tgz`.
    return i === 0 && /^[A-Za-z]+$/.test(v) && v.includes('x');
  });
}

function fileArguments(use: ProgramUse): ShellWord[] {
  return use.args.filter((w) => w.value !== null && (!w.value.startsWith('-') || w.value.startsWith('--file=')));
}

interface Archive {
  readonly name: string;
  readonly span: Span;
}

export const copiedArchiveExtracted = defineRule({
  name: 'copied-archive-extracted',
  practices: ['copy-not-add'],
  severity: 'info',
  aliases: ['DL3010'],
  summary: 'A tar archive is COPY\'d and then unpacked in a RUN: `ADD` unpacks it without storing the archive',
  docs: {
    what: 'Reports a COPY of a local tar archive (`.tar`, `.tar.gz`, `.tgz`, `.tar.xz`, …) that a later RUN of the same stage unpacks with `tar -x` or a decompressor (`gunzip`, `unxz`, …).',
    why: 'The COPY layer stores the archive, and the RUN layer stores its contents: the image carries the data twice, even if the RUN deletes the archive afterwards. `ADD archive.tar.gz /dest/` unpacks a local tar archive as it copies it, in one layer, without the archive. (When the RUN needs options ADD lacks, such as `--strip-components`, a `RUN --mount=type=bind,source=archive.tar.gz,target=/tmp/a.tgz tar -xzf /tmp/a.tgz …` also keeps the archive out of the image.)',
  },
  examples: {
    bad: [{ code: 'FROM debian:12\nCOPY vendor.tar.gz /tmp/\nRUN tar -xzf /tmp/vendor.tar.gz -C /opt && rm /tmp/vendor.tar.gz\n' }],
    good: [
      { code: 'FROM debian:12\nADD vendor.tar.gz /opt/\n' },
      { code: 'FROM debian:12\nRUN --mount=type=bind,source=vendor.tar.gz,target=/tmp/vendor.tar.gz tar -xzf /tmp/vendor.tar.gz --strip-components=1 -C /opt\n', title: 'When `tar` options are needed, a bind mount keeps the archive out of the image' },
    ],
  },
  create(ctx) {
    let stage: Stage | null | undefined;
    let archives = new Map<string, Archive>();
    return {
      instruction(info) {
        const ins = info.instruction;
        if (ins.name === 'FROM' || info.stage !== stage) {
          stage = info.stage;
          archives = new Map();
        }
        if (ins.name === 'COPY') {
          const args = copyArgs(ins);
          if (args.from || !args.dest) return;
          const dest = args.dest;
          if (TARBALL.test(dropQuotes(dest.text))) {
            const name = basename(dest.text);
            archives.set(name, { name, span: dest.span });
            return;
          }
          for (const s of args.sources) {
            if (s.heredoc || s.isUrl || s.isGit || !TARBALL.test(dropQuotes(s.word.text))) continue;
            const name = basename(s.word.text);
            archives.set(name, { name, span: s.word.span });
          }
          return;
        }
        if (archives.size === 0) return;
        const script = runScript(ctx, info);
        if (!script) return;
        for (const use of programUses(script)) {
          if (!isTarExtract(use) && !DECOMPRESSORS.has(use.program)) continue;
          for (const w of fileArguments(use)) {
            const value = (w.value ?? '').replace(/^--file=/, '');
            const archive = archives.get(basename(value));
            if (!archive) continue;
            archives.delete(archive.name);
            ctx.report({
              span: archive.span,
              message: `\`${archive.name}\` is copied, then unpacked by \`${use.program}\` on line ${lineOf(ctx, script.toSource(w.span.start))}: \`ADD\` unpacks a local tar archive itself, so the archive takes no space in the image`,
            });
          }
        }
      },
    };
  },
});
