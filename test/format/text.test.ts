import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Fix } from '../../src/engine/types.js';
import { FRAME_MAX_WIDTH } from '../../src/format/code-frame.js';
import { cellAt, layoutLine, sanitizeInline } from '../../src/format/display.js';
import { formatReport } from '../../src/format/index.js';
import type { Span } from '../../src/parser/source.js';
import { find, fileResult, FULL_REPORT, options, report } from './fixtures.js';

/** The text output for one diagnostic over `text`, split in lines. */
function render(text: string, span: Span, extra: { fix?: Fix; path?: string; message?: string; rule?: string } = {}): string[] {
  const file = fileResult(extra.path ?? 'Dockerfile', text, [
    { rule: extra.rule ?? 'pip-no-cache-dir', span, message: extra.message ?? 'm', ...(extra.fix === undefined ? {} : { fix: extra.fix }) },
  ]);
  return formatReport(report([file]), 'text', options()).split('\n');
}

/** The code frame rows of a single-diagnostic rendering (between the header and the blank line). */
function frame(lines: string[]): string[] {
  const end = lines.indexOf('');
  return lines.slice(1, end === -1 ? undefined : end).filter((l) => !/^ {2}(fix available|suggestion:)/.test(l));
}

/** Pairs each source row with its underline row: [source text, underlined text]. */
function underlined(rows: string[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as string;
    const next = rows[i + 1];
    if (next === undefined || !/^ {2} +\| +\^/.test(next)) continue;
    const bar = row.indexOf('| ') + 2;
    const from = next.indexOf('^');
    const to = next.lastIndexOf('^') + 1;
    out.push([row.slice(bar), row.slice(from, to)]);
    i++;
  }
  return out;
}

describe('text: the diagnostic line', () => {
  it('reads path:line:col: severity [rule (aliases)] message', () => {
    const out = formatReport(FULL_REPORT, 'text', options());
    assert.ok(out.startsWith('Dockerfile:1:1: style [keyword-casing (ConsistentInstructionCasing)] Instruction `from` is not upper case\n'));
    assert.ok(out.includes('\nDockerfile:10:5: warning [cmd-shell-form (DL3025, JSONArgsRecommended)] CMD in shell form'));
    assert.ok(out.includes('\ndeploy/my app/Dockerfile:2:12: error [label-control-character] '));
  });

  it('shows the fix: safety for applicable fixes, the title for suggestions', () => {
    const text = 'RUN pip install a\n';
    const span = find(text, 'pip install a');
    assert.ok(render(text, span, { fix: { safety: 'safe', title: 'Do it', edits: [] } }).includes('  fix available (safe): Do it'));
    assert.ok(render(text, span, { fix: { safety: 'unsafe', title: 'Do it', edits: [] } }).includes('  fix available (unsafe): Do it'));
    assert.ok(render(text, span, { fix: { safety: 'suggestion', title: 'Pin it', edits: [] } }).includes('  suggestion: Pin it'));
  });

  it('works for a rule without metadata', () => {
    const lines = render('FROM a\n', { start: 0, end: 4 }, { rule: 'parse-error' });
    assert.equal(lines[0], 'Dockerfile:1:1: error [parse-error] m');
  });
});

describe('text: the code frame', () => {
  it('underlines the span under a line-number gutter', () => {
    const text = 'FROM a\nRUN pip install flask\n';
    assert.deepEqual(frame(render(text, find(text, 'pip install flask'))), ['  2 | RUN pip install flask', '    |     ^^^^^^^^^^^^^^^^^']);
  });

  it('expands tabs the same way in the line and the underline', () => {
    const text = 'RUN \tpip\tinstall\t\tflask\n';
    const rows = frame(render(text, find(text, 'install\t\tflask')));
    assert.ok(!rows.some((r) => r.includes('\t')));
    assert.deepEqual(underlined(rows), [['RUN     pip install     flask', 'install     flask']]);
  });

  it('drops the CR of CRLF lines', () => {
    const text = 'FROM a\r\nRUN pip install flask\r\n';
    const out = render(text, find(text, 'flask'));
    assert.ok(!out.join('\n').includes('\r'));
    assert.deepEqual(underlined(frame(out)), [['RUN pip install flask', 'flask']]);
  });

  it('counts wide characters as two cells and combining marks as none', () => {
    const text = 'LABEL a="Zoe\u0308" b="日本語🐳" c=x\n';
    const rows = frame(render(text, find(text, '"日本語🐳"')));
    assert.deepEqual(rows[1], `    | ${' '.repeat('LABEL a="Zoe" b='.length)}${'^'.repeat(10)}`);
    const after = frame(render(text, find(text, 'c=x')));
    // 日本語 and 🐳 take 8 cells for 5 UTF-16 units
    assert.deepEqual(after[1], `    | ${' '.repeat('LABEL a="Zoe" b="'.length + 8 + '" '.length)}^^^`);
  });

  it('underlines each line of a multi-line span from its first non-blank character', () => {
    const text = 'RUN apt-get update \\\n\n    && apt-get install -y \\\n        curl\nCMD x\n';
    const rows = frame(render(text, { start: find(text, 'apt-get update').start, end: find(text, 'curl').end }));
    assert.deepEqual(rows, [
      '  1 | RUN apt-get update \\',
      '    |     ^^^^^^^^^^^^^^^^',
      '  2 |',
      '  3 |     && apt-get install -y \\',
      '    |     ^^^^^^^^^^^^^^^^^^^^^^^',
      '  4 |         curl',
      '    |         ^^^^',
    ]);
  });

  it('elides the middle of a long span', () => {
    const text = `RUN a \\\n${Array.from({ length: 12 }, (_, i) => `  && step${i + 1} \\\n`).join('')}  && done\n`;
    const rows = frame(render(text, { start: find(text, 'a \\').start, end: find(text, 'done').end }));
    const gutters = rows.filter((r) => /^ {2}[ \d]+\| /.test(r) && !r.includes('^')).map((r) => r.slice(0, 6));
    assert.deepEqual(gutters, ['   1 |', '   2 |', '   3 |', '     |', '  13 |', '  14 |']);
    assert.ok(rows.includes('     | ...'));
  });

  it('shows only the first line of a span that ends just after a newline', () => {
    const text = 'USER root\r\nCMD x\r\n';
    const rows = frame(render(text, { start: 0, end: find(text, 'USER root\r\n').end }));
    assert.deepEqual(rows, ['  1 | USER root', '    | ^^^^^^^^^']);
  });

  it('puts one caret at an empty span, also at the end of a line', () => {
    const text = 'RUN pip install flask\n';
    const at = find(text, ' flask').start;
    assert.deepEqual(frame(render(text, { start: at, end: at }))[1], `    | ${' '.repeat(at)}^`);
    const eol = find(text, '\n').start;
    assert.deepEqual(frame(render(text, { start: eol, end: eol }))[1], `    | ${' '.repeat(eol)}^`);
  });

  it('draws no frame for a position past the end of the source', () => {
    const file = fileResult('Dockerfile', 'FROM a', [{ rule: 'user-root', span: { start: 0, end: 1 }, message: 'm' }]);
    const moved = { ...file, diagnostics: file.diagnostics.map((d) => ({ ...d, line: 9, endLine: 9 })) };
    const out = formatReport(report([moved]), 'text', options()).split('\n');
    assert.equal(out[0], 'Dockerfile:9:1: error [user-root (DL3002)] m');
    assert.equal(out[1], '');
  });

  it('clips very long lines around the span, keeping the underline aligned', () => {
    const text = `RUN echo "${'x'.repeat(300)}" && pip install flask && echo "${'y'.repeat(300)}"\n`;
    const rows = frame(render(text, find(text, 'pip install flask')));
    for (const r of rows) assert.ok(r.length <= '  1 | '.length + FRAME_MAX_WIDTH, `row too long: ${r.length}`);
    const [[line, under] = ['', '']] = underlined(rows);
    assert.equal(under, 'pip install flask');
    assert.ok(line.startsWith('\u2026') && line.endsWith('\u2026'));
  });

  it('clips a line whose span starts near its end without cutting the span', () => {
    const text = `RUN echo "${'x'.repeat(300)}" && pip install flask\n`;
    const [[line, under] = ['', '']] = underlined(frame(render(text, find(text, 'pip install flask'))));
    assert.equal(under, 'pip install flask');
    assert.ok(line.startsWith('\u2026') && line.endsWith('flask'));
  });

  it('never lets control or bidi characters from the Dockerfile reach the terminal', () => {
    const text = 'LABEL a="\u001b[2J\u202eevil\u0007"\n';
    const out = render(text, find(text, '"\u001b'), { path: 'x\u001b]0;title\u0007/Dockerfile', message: 'bad \u001b[31m\u202e' }).join('\n');
    // eslint-disable-next-line no-control-regex
    assert.doesNotMatch(out, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    assert.ok(out.includes('\u241b[2J\uFFFDevil\u2407'));
  });
});

describe('text: display helpers', () => {
  it('maps UTF-16 offsets to cells', () => {
    const layout = layoutLine('a\tb日🐳c');
    assert.deepEqual(
      [0, 1, 2, 3, 4, 6, 7].map((o) => cellAt(layout, o)),
      [0, 1, 4, 5, 7, 9, 10],
    );
    assert.equal(layout.width, 10);
  });

  it('sanitizes inline text', () => {
    assert.equal(sanitizeInline('a\tb\nc\u001b\u0085\u202e🐳'), 'a b\u240ac\u241b\uFFFD\uFFFD🐳');
  });
});

describe('text: the summary', () => {
  const text = 'RUN pip install a\n';
  const span = find(text, 'pip install a');
  const fix = (safety: Fix['safety']): Fix => ({ safety, title: 't', edits: [] });

  it('counts problems by severity and files, in the plural where it belongs', () => {
    const out = formatReport(FULL_REPORT, 'text', options()).split('\n');
    assert.equal(out.at(-3), '12 problems (2 errors, 5 warnings, 2 infos, 3 styles) in 4 files');
    assert.equal(out.at(-2), '3 fixable with --fix, 5 more fixable with --unsafe-fixes');
    assert.deepEqual(render(text, span).slice(-2), ['1 problem (0 errors, 1 warning, 0 infos, 0 styles) in 1 file', '']);
  });

  it('says how many are fixable with --fix and --unsafe-fixes', () => {
    assert.equal(render(text, span, { fix: fix('safe') }).at(-2), '1 fixable with --fix');
    assert.equal(render(text, span, { fix: fix('unsafe') }).at(-2), '1 fixable with --unsafe-fixes');
    assert.equal(render(text, span, { fix: fix('suggestion') }).at(-2), '1 problem (0 errors, 1 warning, 0 infos, 0 styles) in 1 file');
  });

  it('reports applied fixes per file', () => {
    assert.ok(formatReport(FULL_REPORT, 'text', options()).includes('\nservices/api/Dockerfile.prod: applied 1 fix\n'));
  });
});
