import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeDockerfile, dump, encodeDockerfile, goQuote, parse, print, SourceFile, type Instruction, type Span } from '../../src/parser/index.js';

const at = (text: string, span: Span): string => text.slice(span.start, span.end);

function only(text: string): Instruction {
  const file = parse(text);
  const ins = file.instructions.at(-1);
  assert.ok(ins);
  return ins;
}

describe('parser: positions', () => {
  it('gives exact spans for keyword, flags, arguments and the stage name', () => {
    const text = 'FROM --platform=$BUILDPLATFORM python:3.12-slim AS builder\n';
    const ins = only(text);
    assert.equal(ins.name, 'FROM');
    assert.equal(at(text, ins.keyword.span), 'FROM');
    assert.equal(ins.flags[0]?.name, 'platform');
    assert.equal(ins.flags[0]?.value, '$BUILDPLATFORM');
    assert.equal(at(text, ins.flags[0]!.span), '--platform=$BUILDPLATFORM');
    assert.equal(at(text, ins.flags[0]!.nameSpan), '--platform');
    assert.equal(at(text, ins.flags[0]!.valueSpan!), '$BUILDPLATFORM');
    if (ins.name !== 'FROM') return;
    assert.deepEqual(ins.args.map((a) => at(text, a.span)), ['python:3.12-slim', 'AS', 'builder']);
  });

  it('maps words across continuation lines and skips comment lines inside them', () => {
    const text = 'FROM a\nRUN apt-get update \\\n  # a comment\n\n    && apt-get install -y curl\n';
    const file = parse(text);
    const run = file.instructions[1];
    assert.ok(run && run.name === 'RUN' && run.command?.form === 'shell');
    assert.equal(run.command.text, 'apt-get update     && apt-get install -y curl');
    assert.equal(run.startLine, 2);
    assert.equal(run.endLine, 5);
    assert.equal(run.innerComments.length, 1);
    assert.equal(run.innerComments[0]?.text, 'a comment');
    assert.equal(run.emptyContinuationLines.length, 1);
    const j = run.logical.text.indexOf('curl');
    const span = run.logical.span(j, j + 4);
    assert.equal(at(text, span), 'curl');
    assert.deepEqual(new SourceFile(text).rangeOf(span), { line: 5, column: 27, endLine: 5, endColumn: 31 });
  });

  it('parses exec form with element spans and falls back to shell form on invalid JSON', () => {
    const text = 'FROM a\nCMD ["gunicorn", "-b", "0.0.0.0:8000", "app:app"]\nCMD ["gunicorn", "app:app"\n';
    const file = parse(text);
    const exec = file.instructions[1];
    const broken = file.instructions[2];
    assert.ok(exec?.name === 'CMD' && exec.command?.form === 'exec');
    assert.deepEqual(exec.command.json.elements.map((e) => e.value), ['gunicorn', '-b', '0.0.0.0:8000', 'app:app']);
    assert.equal(at(text, exec.command.json.elements[3]!.span), '"app:app"');
    assert.ok(broken?.name === 'CMD' && broken.command?.form === 'shell');
    assert.deepEqual(file.errors, []);
  });

  it('rejects a JSON array with a non-string element, at its line', () => {
    const file = parse('FROM a\n\nCMD ["a", 1]\n');
    assert.equal(file.errors[0]?.message, 'when using JSON array syntax, arrays must be comprised of strings only');
    assert.equal(file.errors[0]?.line, 3);
  });

  it('keeps unknown flags and unknown instructions without an error', () => {
    const file = parse('FROM a\nCOPY --frobnicate=1 --link . /app\nFRM b\n');
    assert.deepEqual(file.errors, []);
    const copy = file.instructions[1];
    assert.deepEqual(copy?.flags.map((f) => [f.name, f.value]), [['frobnicate', '1'], ['link', null]]);
    assert.equal(file.instructions[2]?.name, 'UNKNOWN');
    assert.equal(dump(file), '(from "a")\n(copy ["--frobnicate=1" "--link"] "." "/app")\n(frm "")\n');
  });

  it('reads ENV in both forms, with key and value spans', () => {
    const text = 'FROM a\nENV PYTHONUNBUFFERED 1\nENV A="x y" B=2\n';
    const file = parse(text);
    const legacy = file.instructions[1];
    const modern = file.instructions[2];
    assert.ok(legacy?.name === 'ENV' && modern?.name === 'ENV');
    assert.equal(legacy.pairs[0]?.legacy, true);
    assert.equal(at(text, legacy.pairs[0]!.value.span), '1');
    assert.deepEqual(modern.pairs.map((p) => [p.key.text, p.value.text]), [['A', '"x y"'], ['B', '2']]);
    assert.equal(at(text, modern.pairs[0]!.value.span), '"x y"');
  });

  it('reads heredocs with body and terminator spans, also under ONBUILD', () => {
    const text = 'FROM a\nRUN <<EOF\necho hi\nEOF\nONBUILD RUN <<-X bash\n\tls\n\tX\n';
    const file = parse(text);
    const run = file.instructions[1];
    assert.equal(run?.heredocs[0]?.name, 'EOF');
    assert.equal(at(text, run!.heredocs[0]!.bodySpan), 'echo hi\n');
    assert.equal(at(text, run!.heredocs[0]!.terminatorSpan!), 'EOF');
    assert.equal(run?.endLine, 4);
    const onbuild = file.instructions[2];
    assert.equal(onbuild?.heredocs[0]?.chomp, true);
    assert.ok(onbuild?.name === 'ONBUILD' && onbuild.trigger?.name === 'RUN');
    assert.equal(onbuild.trigger.heredocs.length, 1);
  });

  it('reports an unterminated heredoc at the instruction line', () => {
    const file = parse('FROM a\nRUN <<EOF\necho\n');
    assert.equal(file.errors[0]?.message, 'unterminated heredoc');
    assert.equal(file.errors[0]?.line, 2);
  });
});

describe('parser: directives', () => {
  it('honours escape=` and changes the continuation character', () => {
    const file = parse('# escape=`\nFROM a\nRUN dir c:\\ `\n  /s\n');
    assert.equal(file.escapeChar, '`');
    assert.equal(file.directives[0]?.name, 'escape');
    assert.equal(dump(file), '(from "a")\n(run "dir c:\\\\   /s")\n');
  });
  it('stops reading directives at the first non-directive line', () => {
    const file = parse('# comment\n# escape=`\nFROM a\n');
    assert.equal(file.escapeChar, '\\');
    assert.equal(file.directives.length, 0);
  });
  it('reads directive names case-insensitively and rejects duplicates', () => {
    const file = parse('# Syntax=docker/dockerfile:1\n# check=skip=all\n# syntax=x\nFROM a\n');
    assert.deepEqual(file.directives.map((d) => d.name), ['syntax', 'check', 'syntax']);
    assert.equal(file.errors[0]?.message, 'only one syntax parser directive can be used');
    assert.equal(file.errors[0]?.line, 3);
  });
  it('rejects an invalid escape token', () => {
    assert.equal(parse('# escape=x\nFROM a\n').errors[0]?.message, "invalid escape token 'x' does not match ` or \\");
  });
});

describe('parser: bytes and line endings', () => {
  it('keeps CRLF, BOM, tabs and a missing final newline byte for byte', () => {
    for (const text of ['\ufeffFROM a\r\nRUN x \\\r\n\ty\r\n', 'FROM a\nCMD x', 'FROM a\r\n\r\n# c\r\n', '\n\n  FROM a  \n']) {
      const file = parse(text);
      assert.equal(print(file), text);
      assert.deepEqual(file.errors, []);
    }
    const crlf = parse('FROM a\r\nRUN x \\\r\n\ty\r\n');
    const run = crlf.instructions[1];
    assert.ok(run?.name === 'RUN' && run.command?.form === 'shell');
    assert.equal(run.command.text, 'x \ty');
  });
  it('decodes UTF-16/32 with a BOM and encodes back to the same bytes', () => {
    const text = '\ufeffFROM a\nRUN echo é 😀\n';
    for (const enc of ['utf-16le', 'utf-16be', 'utf-32le', 'utf-32be'] as const) {
      const bytes = encodeDockerfile(text, enc);
      const decoded = decodeDockerfile(bytes);
      assert.equal(decoded.encoding, enc);
      assert.equal(decoded.text, text);
      assert.deepEqual(encodeDockerfile(decoded.text, enc), bytes);
    }
  });
  it('keeps bytes that are not UTF-8 and writes them back unchanged', () => {
    const bytes = Uint8Array.from([...new TextEncoder().encode('FROM a\nLABEL x="caf'), 0xe9, ...new TextEncoder().encode('"\n')]);
    const decoded = decodeDockerfile(bytes);
    assert.equal(decoded.invalidUtf8, true);
    assert.deepEqual(encodeDockerfile(decoded.text, 'utf-8', true), bytes);
    assert.equal(dump(parse(decoded.text)), '(from "a")\n(label "x" "\\"caf\\xe9\\"" "=")\n');
  });
  it('refuses binary input with the position of the first NUL byte', () => {
    assert.throws(() => decodeDockerfile(Uint8Array.from([70, 82, 10, 79, 0, 1])), /NUL byte at line 2, column 2/);
  });
  it('rejects a line of 64 KiB or more as BuildKit does', () => {
    const file = parse('FROM a\nRUN ' + 'x'.repeat(70000) + '\n');
    assert.equal(file.errors[0]?.message, 'dockerfile line greater than max allowed size of 65535');
    assert.equal(file.errors[0]?.line, 2);
  });
});

describe('goQuote', () => {
  it('quotes like Go strconv.Quote', () => {
    assert.equal(goQuote('a"b\\c'), '"a\\"b\\\\c"');
    assert.equal(goQuote('\x00\t\x7f'), '"\\x00\\t\\x7f"');
    assert.equal(goQuote('♥ é'), '"♥ é"');
    assert.equal(goQuote('\u00a0\u200b'), '"\\u00a0\\u200b"');
  });
});
