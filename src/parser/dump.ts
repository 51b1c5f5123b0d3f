/**
 * BuildKit's `Node.Dump()` text for a parsed file, so that our parser can be compared with
 * BuildKit's expected results byte for byte.
 */
import type { Dockerfile, Instruction } from './ast.js';
import { goQuote } from './quote.js';

function commandValues(cmd: { form: 'exec'; json: { elements: readonly { value: string }[] } } | { form: 'shell'; text: string } | null): string[] {
  if (!cmd) return [];
  return cmd.form === 'exec' ? cmd.json.elements.map((e) => e.value) : [cmd.text];
}

export function dumpInstruction(ins: Instruction): string {
  let str = ins.keyword.text.toLowerCase();
  if (ins.flags.length > 0) str += ' [' + ins.flags.map((f) => goQuote(f.text)).join(' ') + ']';
  let values: string[];
  switch (ins.name) {
    case 'FROM':
    case 'EXPOSE':
      values = ins.args.map((w) => w.text);
      break;
    case 'RUN':
    case 'CMD':
    case 'ENTRYPOINT':
    case 'SHELL':
      values = commandValues(ins.command);
      break;
    case 'HEALTHCHECK':
      values = ins.type ? [ins.type.text, ...commandValues(ins.command)] : [];
      break;
    case 'COPY':
    case 'ADD':
    case 'VOLUME':
      values = ins.list ? ins.list.items.map((w) => w.text) : [];
      break;
    case 'ENV':
    case 'LABEL':
      values = ins.pairs.flatMap((p) => [p.key.text, p.value.text, p.legacy ? '' : '=']);
      break;
    case 'ARG':
      values = ins.args.map((a) => a.word.text);
      break;
    case 'MAINTAINER':
    case 'USER':
    case 'WORKDIR':
    case 'STOPSIGNAL':
      values = ins.value ? [ins.value.text] : [];
      break;
    case 'ONBUILD':
      if (ins.trigger) str += ' (' + dumpInstruction(ins.trigger) + ')';
      values = [];
      break;
    case 'UNKNOWN':
      values = [''];
      break;
  }
  for (const v of values) str += ' ' + goQuote(v);
  return str.trim();
}

/** The dump of the whole file, ending with one newline, as BuildKit's parser tests compare it. */
export function dump(file: Dockerfile): string {
  let out = '';
  for (const ins of file.instructions) out += '(' + dumpInstruction(ins) + ')\n';
  return out.trim() + '\n';
}
