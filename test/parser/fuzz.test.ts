import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeDockerfile, DecodeError, dump, parse, print } from '../../src/parser/index.js';
import { corpusFiles } from '../helpers/shared.js';

/** mulberry32: a small seeded PRNG, so a failure can be replayed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOKENS = ['\\', '\\\n', '`', '\n', '\r\n', ' ', '\t', '#', '# escape=`\n', '# syntax=x\n', '<<EOF', '<<-EOF', 'EOF\n', "<<'E'", '"', "'", '[', ']', '["a", ', '[1]', '{', '}', '${', '$', '=', '--', '--mount=', 'RUN ', 'FROM ', 'ONBUILD ', 'ENV ', 'ARG ', 'COPY ', 'HEALTHCHECK CMD ', '\u00a0', '\ufeff', 'é', '😀'];

function checkInput(text: string): void {
  const file = parse(text);
  assert.equal(print(file), text);
  dump(file);
  for (const ins of file.instructions) {
    assert.ok(ins.span.start >= 0 && ins.span.end <= text.length && ins.span.start <= ins.span.end);
  }
}

describe('parser fuzzing (seeded)', () => {
  const seeds = corpusFiles('python').slice(0, 200).map((f) => decodeDockerfile(f.bytes).text);
  it('random bytes never throw (decoder refuses binary cleanly)', () => {
    const next = rng(1);
    for (let n = 0; n < 5000; n++) {
      const len = Math.floor(next() * 300);
      const bytes = new Uint8Array(len);
      for (let i = 0; i < len; i++) bytes[i] = Math.floor(next() * 256);
      try {
        checkInput(decodeDockerfile(bytes).text);
      } catch (e) {
        if (!(e instanceof DecodeError)) throw e;
      }
    }
  });
  it('mutated corpus files never throw and print back exactly', () => {
    const next = rng(2);
    for (let n = 0; n < 15000; n++) {
      let text = seeds[Math.floor(next() * seeds.length)] ?? '';
      const edits = 1 + Math.floor(next() * 8);
      for (let e = 0; e < edits; e++) {
        const at = Math.floor(next() * (text.length + 1));
        const r = next();
        if (r < 0.5) text = text.slice(0, at) + (TOKENS[Math.floor(next() * TOKENS.length)] ?? '') + text.slice(at);
        else if (r < 0.8) text = text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 20));
        else text = text.slice(0, at) + String.fromCharCode(Math.floor(next() * 0x3000)) + text.slice(at);
      }
      checkInput(text);
    }
  });
});

describe('parser on pathological inputs (each must finish: linear time)', () => {
  const started = Date.now();
  const cases: [string, string][] = [
    ['10 MB of ordinary lines', 'FROM python:3.12-slim\n' + 'RUN pip install --no-cache-dir -r requirements.txt && echo ok\n'.repeat(170000)],
    ['20,000-line continuation', 'FROM a\nRUN x \\\n' + '  && y z w \\\n'.repeat(20000) + '  && done\n'],
    ['10,000 heredocs on one line', 'FROM a\nRUN cat ' + '<<E '.repeat(10000) + '\n' + 'body\nE\n'.repeat(10000)],
    ['unterminated heredoc, 100,000 lines', 'FROM a\nRUN <<EOF\n' + 'x\n'.repeat(100000)],
    ['deep JSON', 'FROM a\nCMD ' + '['.repeat(50000) + ']'.repeat(50000) + '\n'],
    ['long directive-like line', '# a=' + ' '.repeat(60000) + 'x\nFROM a\n'],
    ['many quotes', 'FROM a\nENV ' + 'a="b c" '.repeat(8000) + '\n'],
    ['lone escapes', 'FROM a\n' + '\\\n'.repeat(100000)],
  ];
  for (const [name, text] of cases) {
    it(name, () => checkInput(text));
  }
  it('all pathological inputs together take well under a minute', () => {
    assert.ok(Date.now() - started < 60000);
  });
});
