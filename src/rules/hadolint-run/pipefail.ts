/** DL4006: a pipe in RUN whose earlier commands may fail unnoticed. */
import { defineRule } from '../../engine/rule.js';
import type { RunScript } from '../../model/run-script.js';
import { commandName, type ShellWord, type SimpleCommand } from '../../shell/index.js';

/** Shells whose `-o pipefail` hadolint credits, plus the Korn shells that have the option too. */
const PIPEFAIL_SHELLS = new Set(['bash', 'zsh', 'ash', 'ksh', 'mksh']);

/** Do these shell arguments (before `-c`) turn pipefail on? `-o pipefail`, `-eo pipefail`, `-o errexit -o pipefail`. */
function setsPipefail(args: readonly (string | null)[]): boolean {
  let on = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === null || a === undefined || a === '-c' || a === '--') break;
    if (/^[-+][A-Za-z]*o$/.test(a) && args[i + 1] === 'pipefail') {
      on = a.startsWith('-');
      i++;
    }
  }
  return on;
}

function shellBasename(argv0: string | undefined): string {
  return (argv0 ?? '').replace(/^.*[\\/]/, '').replace(/\.exe$/i, '');
}

/** `set -o pipefail` (or `set -euo pipefail`) earlier in the script, in a scope that encloses `pipe`. */
function pipefailSetBefore(script: RunScript, pipe: SimpleCommand): boolean {
  let on = false;
  for (const c of script.shell.commands) {
    if (c.index >= pipe.index) break;
    if (commandName(c) !== 'set' || c.context.shellString !== pipe.context.shellString) continue;
    const scopes = c.context.scopes;
    if (scopes.length > pipe.context.scopes.length || scopes.some((s, i) => s !== pipe.context.scopes[i])) continue;
    const args = c.args.map((w: ShellWord) => w.value);
    if (args.some((a, i) => a !== null && /^[-+][A-Za-z]*o$/.test(a) && args[i + 1] === 'pipefail')) on = setsPipefail(args);
  }
  return on;
}

/** `bash -o pipefail -c '…'`: the shell running this `-c` string has pipefail on. */
function hostHasPipefail(pipe: SimpleCommand): boolean {
  const host = pipe.context.shellString;
  if (!host) return false;
  return PIPEFAIL_SHELLS.has(commandName(host) ?? '') && setsPipefail(host.args.map((w) => w.value));
}

/** Commands at the head of a pipeline not worth naming as the one that may fail. */
const HARMLESS_HEADS = new Set(['echo', 'printf', 'cat', 'yes', 'true']);

/** The offset of the `|` before a command of a pipeline, in script text. */
function pipeOffset(text: string, command: SimpleCommand): number | null {
  let i = command.span.start - 1;
  while (i >= 0 && /\s/.test(text.charAt(i))) i--;
  if (text.charAt(i) === '&' && text.charAt(i - 1) === '|') i--;
  return text.charAt(i) === '|' ? i : null;
}

/** The name of the first command of the pipeline `pipe` belongs to, when it is a simple command. */
function pipelineHead(script: RunScript, pipe: SimpleCommand): string | null {
  const position = pipe.context.pipeline;
  if (!position) return null;
  for (let k = pipe.index - 1; k >= 0; k--) {
    const c = script.shell.commands[k] as SimpleCommand;
    if (c.context.pipeline?.index === 0 && c.context.pipeline.length === position.length && c.context.scopes.length === pipe.context.scopes.length) return commandName(c);
  }
  return null;
}

export const pipeWithoutPipefail = defineRule({
  name: 'pipe-without-pipefail',
  practices: [],
  severity: 'warning',
  instructions: ['RUN'],
  aliases: ['DL4006'],
  fixable: 'suggestion',
  summary: 'A pipe in RUN without `pipefail`: a failure before the last command does not fail the build',
  docs: {
    what: 'Reports the first pipe (`a | b`) of a RUN when `pipefail` is not on: neither through the stage\'s `SHELL` (bash, zsh, ash or ksh with `-o pipefail`), nor through `set -o pipefail` (or `set -euo pipefail`) earlier in the same RUN, nor on the `bash -o pipefail -c` that runs the string. Unlike hadolint, a `set -o pipefail` inside the RUN counts (hadolint#522). A pipe inside `bash -c \'…\'` needs pipefail in that shell: the outer SHELL\'s options are not inherited.',
    why: 'A pipeline\'s exit status is that of its last command. In `curl -fsSL https://…/install.sh | sh`, a failed download hands `sh` an empty script, which succeeds; in `wget -O - … | wc -l > /count` the count is simply 0. The RUN then succeeds and the image is built broken. With pipefail the pipeline fails when any of its commands fails.',
    fixSafety: 'A suggestion: start the RUN with `set -o pipefail && `. It is not applied automatically because Debian\'s `/bin/sh` (dash) rejects that option; there, add `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` before the RUN instead.',
  },
  examples: {
    bad: [{ code: 'FROM debian:12\nRUN curl -fsSL https://example.com/tool.tar.gz | tar -xz -C /opt\n' }],
    good: [
      { code: 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://example.com/tool.tar.gz | tar -xz -C /opt\n' },
      { code: 'FROM alpine:3.20\nRUN set -eo pipefail && wget -qO- https://example.com/tool.tar.gz | tar -xz -C /opt\n', title: 'A `set -o pipefail` in the same RUN counts too' },
    ],
  },
  create(ctx) {
    return {
      instruction(info) {
        const ins = info.instruction;
        if (ins.name !== 'RUN') return;
        const script = ctx.script(info);
        if (!script) return;
        // An exec-form RUN runs its argv directly: the SHELL instruction plays no part.
        const argv = info.shell.argv;
        const shellOn = script.form !== 'exec' && PIPEFAIL_SHELLS.has(shellBasename(argv[0])) && setsPipefail(argv.slice(1));
        for (const c of script.shell.commands) {
          const position = c.context.pipeline;
          if (!position || position.index === 0) continue;
          if (c.context.shellString ? hostHasPipefail(c) : shellOn) continue;
          if (pipefailSetBefore(script, c)) continue;
          const at = pipeOffset(script.text, c);
          const span = at === null ? script.span(c.span.start, c.span.end) : script.span(at, at + 1);
          const head = pipelineHead(script, c);
          const named = head !== null && !HARMLESS_HEADS.has(head);
          const start = ins.command?.form === 'shell' && ins.heredocs.length === 0 ? ins.command.span.start : null;
          ctx.report({
            span,
            message: `Without \`pipefail\` this pipeline succeeds whenever its last command does: a failure of ${named ? `\`${head}\`` : 'a command before `|`'} goes unnoticed. Use \`SHELL ["/bin/bash", "-o", "pipefail", "-c"]\` or \`set -o pipefail &&\``,
            fix: start === null ? null : { safety: 'suggestion', title: 'Start the RUN with `set -o pipefail &&`', edits: [{ start, end: start, text: 'set -o pipefail && ' }] },
          });
          return;
        }
      },
    };
  },
});
