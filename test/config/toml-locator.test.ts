import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'smol-toml';
import { tomlLocator } from '../../src/config/toml-locator.js';
import type { PathKey, PathOrigin } from '../../src/config/source-map.js';

const TEXT = `# a comment with [brackets] and key = "value"
title = """
not [a.table]
line = "still the string"  \\"""
"""
raw = '''a \\ b ''quoted'' '''
when = 1979-05-27 07:32:00Z
"dotted.key" = 1
a.b."c.d" = { x = [1, [2, 3]], y = "}", z = { w = 'x' } }

[tool.dockwise]  # trailing comment
select = ["a", 'b', """c"""]

[[tool.dockwise.overrides]]
files = ["x"]

[[ tool . dockwise . overrides ]]
files = [
  "y",  # comment, with a comma
  "z",
]

[tool.dockwise.overrides.rules]
DL3008 = "off"

[[tool.dockwise.overrides.nested]]
k = 1
`;

/** [path, origin, line, column] */
const CASES: [PathKey[], PathOrigin, number, number][] = [
  [['title'], 'key', 2, 1],
  [['title'], 'value', 2, 9],
  [['raw'], 'value', 6, 7],
  [['when'], 'value', 7, 8],
  [['dotted.key'], 'key', 8, 1],
  [['a', 'b', 'c.d'], 'key', 9, 5],
  [['a', 'b', 'c.d', 'x', 1, 0], 'value', 9, 24],
  [['a', 'b', 'c.d', 'y'], 'value', 9, 36],
  [['a', 'b', 'c.d', 'z', 'w'], 'value', 9, 51],
  [['tool', 'dockwise'], 'key', 11, 7],
  [['tool', 'dockwise', 'select', 2], 'value', 12, 21],
  [['tool', 'dockwise', 'overrides', 0, 'files', 0], 'value', 15, 10],
  [['tool', 'dockwise', 'overrides', 1], 'key', 17, 22],
  [['tool', 'dockwise', 'overrides', 1, 'files', 1], 'value', 20, 3],
  [['tool', 'dockwise', 'overrides', 1, 'rules', 'DL3008'], 'key', 24, 1],
  [['tool', 'dockwise', 'overrides', 1, 'rules', 'DL3008'], 'value', 24, 10],
  [['tool', 'dockwise', 'overrides', 1, 'nested', 0, 'k'], 'value', 27, 5],
  // Missing entries fall back to the closest ancestor.
  [['tool', 'dockwise', 'overrides', 1, 'rules', 'nope'], 'value', 23, 26],
  [['nothing', 'here'], 'key', 1, 1],
];

describe('tomlLocator', () => {
  it('is fed a valid document', () => {
    const doc = parse(TEXT) as { tool: { dockwise: { overrides: { nested: { k: number }[] }[] } } };
    assert.equal(doc.tool.dockwise.overrides[1]?.nested[0]?.k, 1);
  });

  for (const [path, origin, line, column] of CASES) {
    it(`finds the ${origin} of ${JSON.stringify(path)}`, () => {
      assert.deepEqual(tomlLocator(TEXT).locate(path, origin), { line, column });
    });
  }

  it('counts CRLF line ends and a byte order mark', () => {
    const text = '\uFEFF[tool.dockwise]\r\nselect = ["all"]\r\nignore = [\r\n  "x",\r\n]\r\n';
    const loc = tomlLocator(text);
    assert.deepEqual(loc.locate(['tool', 'dockwise', 'select'], 'value'), { line: 2, column: 10 });
    assert.deepEqual(loc.locate(['tool', 'dockwise', 'ignore', 0], 'value'), { line: 4, column: 3 });
  });
});
