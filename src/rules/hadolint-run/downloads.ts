/** Download tools in RUN: wget's progress output (DL3047) and curl next to wget (DL4001). */
import { defineRule } from '../../engine/rule.js';
import type { Stage } from '../../model/model.js';
import { parseOptions, type OptionSpec } from '../../shell/index.js';
import { programUses, wordSpan } from '../commands.js';
import { insertAfter, lineOf, programWord, runScript } from './shared.js';

/** GNU wget's short options that take a value; `-n` takes a letter (`-nv`, `-nc`). */
const WGET_OPTIONS: OptionSpec = {
  short: 'OoaPUtTeiBwlQDARIXnY',
  long: ['output-document', 'output-file', 'append-output', 'directory-prefix', 'user-agent', 'tries', 'timeout', 'execute', 'input-file', 'base', 'wait', 'level', 'quota', 'domains', 'accept', 'reject', 'include-directories', 'exclude-directories', 'header', 'progress', 'post-data', 'post-file', 'user', 'password', 'http-user', 'http-password', 'ca-certificate', 'certificate', 'private-key', 'limit-rate'],
  aliases: { q: 'quiet', o: 'output-file', a: 'append-output' },
};

export const wgetMissingProgressOption = defineRule({
  name: 'wget-missing-progress-option',
  practices: [],
  severity: 'info',
  aliases: ['DL3047'],
  onbuild: true,
  fixable: 'suggestion',
  summary: '`wget` without a progress option fills the build log with progress lines',
  docs: {
    what: 'Reports `wget` without `--progress=…`, `-q` / `--quiet`, `-nv` / `--no-verbose`, or its output sent to a file (`-o` / `--output-file`, `-a` / `--append-output`).',
    why: 'Without a terminal, GNU wget falls back to its "dot" progress display: a line for every few dozen kilobytes, so one large download can write thousands of lines into the build log and bury the output that matters. `--progress=dot:giga` keeps a few lines; `-nv` prints one line per file and still shows errors.',
    fixSafety: 'A suggestion: adds `--progress=dot:giga` after `wget`. It is not applied automatically because BusyBox wget (Alpine) rejects that option; there, `-q` is the choice.',
  },
  examples: {
    bad: [{ code: 'FROM debian:12\nRUN wget https://example.com/tool.tar.gz\n' }],
    good: [{ code: 'FROM debian:12\nRUN wget --progress=dot:giga https://example.com/tool.tar.gz\n' }, { code: 'FROM debian:12\nRUN wget -nv https://example.com/tool.tar.gz\n' }, { code: 'FROM alpine:3.20\nRUN wget -qO- https://example.com/install.sh | sh\n' }],
  },
  create(ctx) {
    return {
      instruction(info) {
        const script = runScript(ctx, info);
        if (!script) return;
        for (const use of programUses(script)) {
          if (use.program !== 'wget') continue;
          const o = parseOptions(use.args, WGET_OPTIONS);
          if (o.has('progress') || o.has('quiet') || o.has('no-verbose') || o.has('output-file') || o.has('append-output')) continue;
          if (o.all('n').some((n) => n.value !== null && n.value.includes('v'))) continue;
          const word = programWord(use);
          if (!word) continue;
          const edit = insertAfter(ctx, script, word, ' --progress=dot:giga');
          ctx.report({
            span: wordSpan(script, word),
            message: '`wget` without `--progress=dot:giga`, `-nv` or `-q` writes a progress line for every few kilobytes into the build log',
            fix: edit ? { safety: 'suggestion', title: 'Add `--progress=dot:giga`', edits: [edit] } : null,
          });
        }
      },
    };
  },
});

interface Seen {
  curl: number | null;
  wget: number | null;
}

export const curlAndWget = defineRule({
  name: 'curl-and-wget',
  practices: [],
  severity: 'warning',
  aliases: ['DL4001'],
  onbuild: true,
  summary: 'Both `curl` and `wget` are used in one stage: one download tool is enough',
  docs: {
    what: 'Reports each RUN that uses `curl` or `wget` once the stage has used both (ONBUILD triggers are counted on their own).',
    why: 'curl and wget do the same job here. Needing both means installing both, with their libraries, and two tools whose options, retry behaviour and failure modes readers must know. Pick one for the stage (curl is in most base images, BusyBox has wget) and use it everywhere.',
  },
  examples: {
    bad: [{ code: 'FROM debian:12\nRUN wget -nv https://example.com/a.tar.gz\nRUN curl -fsSLO https://example.com/b.tar.gz\n', count: 1 }],
    good: [
      { code: 'FROM debian:12\nRUN curl -fsSLO https://example.com/a.tar.gz && curl -fsSLO https://example.com/b.tar.gz\n' },
      { code: 'FROM alpine:3.20 AS fetch\nRUN wget -q https://example.com/a.tar.gz\nFROM debian:12\nRUN curl -fsSLO https://example.com/b.tar.gz\n' },
    ],
  },
  create(ctx) {
    let stage: Stage | null | undefined;
    let plain: Seen = { curl: null, wget: null };
    let triggers: Seen = { curl: null, wget: null };
    return {
      instruction(info) {
        if (info.instruction.name === 'FROM' || info.stage !== stage) {
          stage = info.stage;
          plain = { curl: null, wget: null };
          triggers = { curl: null, wget: null };
        }
        const script = runScript(ctx, info);
        if (!script) return;
        const seen = info.instruction.onbuild ? triggers : plain;
        let first: { tool: 'curl' | 'wget'; start: number; end: number } | null = null;
        for (const use of programUses(script)) {
          if (use.program !== 'curl' && use.program !== 'wget') continue;
          const word = programWord(use);
          if (!word) continue;
          const span = wordSpan(script, word);
          seen[use.program] ??= span.start;
          first ??= { tool: use.program, ...span };
        }
        if (!first || seen.curl === null || seen.wget === null) return;
        const other = first.tool === 'curl' ? 'wget' : 'curl';
        ctx.report({
          span: { start: first.start, end: first.end },
          message: `\`curl\` and \`wget\` are both used in this stage (\`${other}\` on line ${lineOf(ctx, seen[other] ?? first.start)}): pick one download tool`,
        });
      },
    };
  },
});
