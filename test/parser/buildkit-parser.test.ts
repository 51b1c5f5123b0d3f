import assert from 'node:assert/strict';
import { readdirSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { decodeDockerfile, dump, parse, print } from '../../src/parser/index.js';
import { shared } from '../helpers/shared.js';

const root = shared('conformance', 'buildkit-parser');
const positive = readdirSync(root).filter((d) => existsSync(join(root, d, 'result')));
const read = (p: string): string => decodeDockerfile(readFileSync(p)).text;

describe('BuildKit parser conformance (testfiles)', () => {
  it('has the 33 positive cases', () => assert.equal(positive.length, 33));
  for (const name of positive) {
    it(`${name}: dump equals BuildKit's result`, () => {
      const text = read(join(root, name, 'Dockerfile'));
      const file = parse(text);
      assert.deepEqual(file.errors, []);
      assert.equal(dump(file), readFileSync(join(root, name, 'result'), 'utf8'));
      assert.equal(print(file), text);
    });
  }
});

describe('BuildKit parser conformance (testfiles-negative)', () => {
  const expected: Record<string, { message: string; line: number }> = {
    empty_dockerfile: { message: 'file with no instructions', line: 1 },
    only_comments: { message: 'file with no instructions', line: 3 },
    env_no_value: { message: 'ENV must have two arguments', line: 3 },
    'shykes-nested-json': { message: 'when using JSON array syntax, arrays must be comprised of strings only', line: 1 },
  };
  const dir = join(root, 'testfiles-negative');
  const cases = readdirSync(dir);
  it('has the 4 negative cases', () => assert.deepEqual(cases.sort(), Object.keys(expected).sort()));
  for (const name of cases) {
    it(`${name}: fails with an error naming the line`, () => {
      const file = parse(read(join(dir, name, 'Dockerfile')));
      const want = expected[name];
      assert.ok(want);
      assert.equal(file.errors.length, 1, JSON.stringify(file.errors));
      assert.equal(file.errors[0]?.message, want.message);
      assert.equal(file.errors[0]?.line, want.line);
    });
  }
});

describe('BuildKit parser conformance (testfile-line)', () => {
  it('reports the line range of every instruction', () => {
    const expected = JSON.parse(readFileSync(join(root, 'testfile-line', 'expected.json'), 'utf8')) as {
      root: { startLine: number; endLine: number };
      children: { startLine: number; endLine: number }[];
    };
    const file = parse(read(join(root, 'testfile-line', 'Dockerfile')));
    assert.deepEqual(file.errors, []);
    const children = file.instructions.map((i) => ({ startLine: i.startLine, endLine: i.endLine }));
    assert.deepEqual(children, expected.children);
    assert.deepEqual({ startLine: children[0]?.startLine, endLine: children.at(-1)?.endLine }, expected.root);
  });
});

describe('BuildKit heredoc conformance', () => {
  const data = JSON.parse(readFileSync(shared('conformance', 'buildkit-parser-heredoc', 'extract_heredoc.json'), 'utf8')) as {
    dockerfile: string;
    children: { childIndex: number; heredocs: { name: string; content: string; expand: boolean; chomp: boolean; fileDescriptor: number }[] | null }[];
  };
  const file = parse(data.dockerfile);
  it('parses without error', () => assert.deepEqual(file.errors, []));
  for (const child of data.children) {
    it(`child ${child.childIndex}`, () => {
      const ins = file.instructions[child.childIndex];
      assert.ok(ins);
      const got = ins.heredocs.map((h) => ({ name: h.name, content: h.content, expand: h.expand, chomp: h.chomp, fileDescriptor: h.fileDescriptor }));
      assert.deepEqual(got, child.heredocs ?? []);
    });
  }
});
