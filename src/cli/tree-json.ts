/**
 * The documented JSON shape of `dockwise parse --format json` (version 1):
 *
 * { "version": 1, "escapeChar": "\\", "bom": false,
 *   "directives": [{ "name", "value", "range" }],
 *   "comments": [{ "text", "range" }],
 *   "instructions": [{ "name": "RUN", "keyword": "run", "range", "startLine", "endLine",
 *       "flags": [{ "name", "value", "range" }],
 *       ...arguments by instruction (see below),
 *       "heredocs": [{ "name", "expand", "chomp", "fileDescriptor", "content", "range", "bodyRange" }] }] }
 *
 * Arguments: FROM/EXPOSE `args` (words); RUN/CMD/ENTRYPOINT/SHELL `command`
 * ({ "form": "exec", "args": [words] } or { "form": "shell", "text", "range" }); HEALTHCHECK `type`
 * and `command`; COPY/ADD/VOLUME `json` and `args`; ENV/LABEL `pairs` ({ key, value, legacy });
 * ARG `args` ({ name, value }); MAINTAINER/USER/WORKDIR/STOPSIGNAL `value`; ONBUILD `trigger`.
 * A word is { "text", "range" }; a range is { line, column, endLine, endColumn } (1-based,
 * columns in UTF-16 code units, end exclusive).
 */
import type { CommandArgs, Dockerfile, Instruction, Word } from '../parser/ast.js';
import { SourceFile, type Range, type Span } from '../parser/source.js';

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

export function toJsonTree(file: Dockerfile): Json {
  const src = new SourceFile(file.text);
  const range = (s: Span): Json => src.rangeOf(s) as Range & { [k: string]: number };
  const word = (w: Word | null | undefined): Json => (w ? { text: w.text, range: range(w.span) } : null);
  const command = (c: CommandArgs | null | undefined): Json =>
    !c ? null : c.form === 'exec' ? { form: 'exec', args: c.json.elements.map((e) => ({ text: e.value, range: range(e.span) })), range: range(c.span) } : { form: 'shell', text: c.text, range: range(c.span) };
  const instruction = (ins: Instruction): Json => {
    const base: { [k: string]: Json } = {
      name: ins.name,
      keyword: ins.keyword.text,
      range: range(ins.span),
      startLine: ins.startLine,
      endLine: ins.endLine,
      flags: ins.flags.map((f) => ({ name: f.name, value: f.value, range: range(f.span) })),
    };
    switch (ins.name) {
      case 'FROM':
      case 'EXPOSE':
        base['args'] = ins.args.map(word);
        break;
      case 'RUN':
      case 'CMD':
      case 'ENTRYPOINT':
      case 'SHELL':
        base['command'] = command(ins.command);
        break;
      case 'HEALTHCHECK':
        base['type'] = word(ins.type);
        base['command'] = command(ins.command);
        break;
      case 'COPY':
      case 'ADD':
      case 'VOLUME':
        base['json'] = ins.list?.json ?? false;
        base['args'] = (ins.list?.items ?? []).map(word);
        break;
      case 'ENV':
      case 'LABEL':
        base['pairs'] = ins.pairs.map((p) => ({ key: word(p.key), value: word(p.value), legacy: p.legacy }));
        break;
      case 'ARG':
        base['args'] = ins.args.map((a) => ({ name: a.name, value: a.value, range: range(a.word.span) }));
        break;
      case 'MAINTAINER':
      case 'USER':
      case 'WORKDIR':
      case 'STOPSIGNAL':
        base['value'] = word(ins.value);
        break;
      case 'ONBUILD':
        base['trigger'] = ins.trigger ? instruction(ins.trigger) : null;
        break;
      case 'UNKNOWN':
        break;
    }
    base['heredocs'] = ins.heredocs.map((h) => ({ name: h.name, expand: h.expand, chomp: h.chomp, fileDescriptor: h.fileDescriptor, content: h.content, range: range(h.marker.span), bodyRange: range(h.bodySpan) }));
    return base;
  };
  return {
    version: 1,
    escapeChar: file.escapeChar,
    bom: file.bom,
    directives: file.directives.map((d) => ({ name: d.name, value: d.value, range: range(d.span) })),
    comments: file.comments.map((c) => ({ text: c.text, range: range(c.span) })),
    instructions: file.instructions.map(instruction),
  };
}
