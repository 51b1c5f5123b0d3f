import { defineRule } from '../engine/rule.js';
import { copyArgs } from '../model/instructions.js';
import { unquote } from './util.js';

const REMOTE = /^(?:https?:\/\/|ftp:\/\/|git@|git:\/\/|ssh:\/\/)/i;

const ARCHIVE = /\.(?:tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz|tar\.zst|tzst|tar\.lz|tar\.lzma|tlz|gz|bz2|xz|zst|lz|lzma|z)$/i;
/** Extensions that are never archives, so ADD copies them exactly as COPY would. */
const PLAIN = /\.(?:py|pyi|txt|toml|cfg|ini|json|ya?ml|md|rst|sh|conf|lock|html|css|js|env|sql|csv|in|pem|crt)$|\/$|^\.$|^\.\/$/i;

export default defineRule({
  name: 'add-instead-of-copy',
  practices: ['copy-not-add'],
  severity: 'warning',
  instructions: ['ADD'],
  aliases: ['DL3020'],
  fixable: 'safe',
  onbuild: true,
  summary: '`ADD` used for local files: use `COPY`',
  docs: {
    what: 'Reports `ADD` whose sources are local files or folders (not URLs, Git repositories or local archives meant to be extracted).',
    why: '`ADD` does more than copy: it downloads URLs and unpacks local tar archives. Using it for plain files hides that behaviour from readers and can surprise: a source that happens to be an archive gets extracted. `COPY` says exactly what happens.',
    fixSafety: 'Safe when every source is a folder or a file that cannot be an archive (`.py`, `.txt`, `requirements.txt`, …): ADD then copies exactly like COPY. For other names the fix is unsafe (ADD would unpack a tar that has no extension).',
  },
  examples: {
    bad: [{ code: 'FROM python:3.12-slim\nADD . /app\n' }, { code: 'FROM python:3.12-slim\nADD requirements.txt app.py /app/\n' }],
    good: [
      { code: 'FROM python:3.12-slim\nCOPY . /app\n' },
      { code: 'FROM debian:12\nADD rootfs.tar.gz /\n' },
      { code: 'FROM debian:12\nADD https://example.com/tool.tgz /opt/\n' },
      { code: 'FROM debian:12\nADD git@github.com:org/repo.git /src\n' },
    ],
    fixed: [{ input: 'FROM python:3.12-slim\nADD . /app\n', output: 'FROM python:3.12-slim\nCOPY . /app\n' }],
  },
  create(ctx) {
    return {
      instruction({ instruction: ins }) {
        if (ins.name !== 'ADD') return;
        const args = copyArgs(ins);
        if (args.sources.length === 0) return;
        // Sources are expanded by BuildKit, so `"file.tgz"` is the archive file.tgz.
        const text = (w: { text: string }): string => unquote(w.text);
        const local = args.sources.filter((s) => !s.isUrl && !s.isGit && !s.heredoc && !REMOTE.test(text(s.word)));
        if (local.length !== args.sources.length) return;
        if (local.some((s) => ARCHIVE.test(text(s.word)) || /\$/.test(s.word.text))) return;
        const checksumOrGitFlags = ins.flags.some((f) => f.name === 'checksum' || f.name === 'keep-git-dir' || f.name === 'unpack');
        if (checksumOrGitFlags) return;
        const safe = local.every((s) => PLAIN.test(s.word.text));
        ctx.report({
          span: ins.keyword.span,
          message: `Use COPY instead of ADD for ${local.length === 1 ? `\`${local[0]?.word.text}\`` : 'local files'}: ADD also unpacks archives and fetches URLs`,
          fix: { safety: safe ? 'safe' : 'unsafe', title: 'Replace ADD with COPY', edits: [{ start: ins.keyword.span.start, end: ins.keyword.span.end, text: ins.keyword.text === ins.keyword.text.toLowerCase() ? 'copy' : 'COPY' }] },
        });
      },
    };
  },
});
