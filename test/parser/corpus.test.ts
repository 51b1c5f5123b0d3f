import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeDockerfile, parse, print, type Dockerfile, type Instruction, type Span } from '../../src/parser/index.js';
import { corpusFiles } from '../helpers/shared.js';

/**
 * The corpus files BuildKit's parser rejects, with the error it gives. Every other file must
 * parse without error.
 */
const EXPECTED_FAILURES: Record<string, string> = {
  'general/bridgecrewio__checkov__tests__dockerfile__resources__empty_dockerfile__Dockerfile': 'file with no instructions',
  'general/moby__buildkit__frontend__dockerfile__parser__testfiles-negative__empty_dockerfile__Dockerfile': 'file with no instructions',
  'general/moby__buildkit__frontend__dockerfile__parser__testfiles-negative__env_no_value__Dockerfile': 'ENV must have two arguments',
  'general/moby__buildkit__frontend__dockerfile__parser__testfiles-negative__only_comments__Dockerfile': 'file with no instructions',
  'general/moby__buildkit__frontend__dockerfile__parser__testfiles-negative__shykes-nested-json__Dockerfile':
    'when using JSON array syntax, arrays must be comprised of strings only',
};

function within(inner: Span, outer: Span): boolean {
  return inner.start >= outer.start && inner.end <= outer.end && inner.start <= inner.end;
}

/** Structural invariants: extents tile the file; every piece of an instruction lies inside it, in order. */
function checkStructure(file: Dockerfile): void {
  let pos = 0;
  for (const e of file.extents) {
    assert.equal(e.start, pos, 'extents are contiguous');
    pos = e.end;
  }
  assert.equal(pos, file.text.length, 'extents cover the text');
  const checkInstruction = (ins: Instruction, outer: Span): void => {
    assert.ok(within(ins.span, outer));
    assert.ok(within(ins.keyword.span, ins.span), 'keyword inside');
    assert.equal(file.text.slice(ins.keyword.span.start, ins.keyword.span.end).length, ins.keyword.text.length);
    let last = ins.keyword.span.end;
    for (const f of ins.flags) {
      assert.ok(f.span.start >= last && within(f.span, ins.span), 'flags in order');
      last = f.span.end;
    }
    if (ins.argsSpan) assert.ok(ins.argsSpan.start >= last && within(ins.argsSpan, ins.span), 'args after flags');
    for (const c of ins.continuations) assert.ok(within(c, ins.span));
    for (const h of ins.heredocs) {
      assert.ok(within(h.marker.span, ins.span));
      assert.ok(h.bodySpan.start >= ins.logical.toSource(0));
      assert.equal(file.text.slice(h.bodySpan.start, h.bodySpan.end), h.content);
    }
    if (ins.name === 'ONBUILD' && ins.trigger) checkInstruction(ins.trigger, ins.span);
  };
  for (const ins of file.instructions) checkInstruction(ins, { start: 0, end: file.text.length });
}

describe('corpus: every real Dockerfile', () => {
  const files = corpusFiles();
  it('has the corpus (about 3,400 files)', () => assert.ok(files.length > 3000, `${files.length}`));
  it('parses (or fails exactly as BuildKit does), prints back byte for byte, and keeps its structure', () => {
    let parsed = 0;
    for (const f of files) {
      const decoded = decodeDockerfile(f.bytes);
      const file = parse(decoded.text);
      assert.equal(print(file), decoded.text, `${f.name}: print(parse(text)) === text`);
      const expected = EXPECTED_FAILURES[f.name];
      if (expected) assert.deepEqual(file.errors.map((e) => e.message), [expected], f.name);
      else assert.deepEqual(file.errors, [], f.name);
      checkStructure(file);
      parsed++;
    }
    assert.equal(parsed, files.length);
  });
});
