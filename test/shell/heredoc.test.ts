import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { HereDocument, ShellScript } from '../../src/shell/index.js';
import { parseShell } from '../../src/shell/index.js';
import { clean, commandLines, text } from './helpers.js';

function docs(script: ShellScript): HereDocument[] {
  return script.commands.flatMap((c) => c.redirects.flatMap((r) => (r.heredoc ? [r.heredoc] : [])));
}

describe('shell here-documents', () => {
  it('reads the body after the line, with its spans', () => {
    const script = clean('cat <<EOF > /etc/x\nhello $USER\nEOF\necho after');
    const [doc] = docs(script);
    assert.deepEqual(
      [doc?.delimiter, doc?.quoted, doc?.stripTabs, doc?.body],
      ['EOF', false, false, 'hello $USER\n'],
    );
    assert.equal(text(script, doc?.bodySpan ?? { start: 0, end: 0 }), 'hello $USER\n');
    assert.equal(text(script, doc?.terminatorSpan ?? { start: 0, end: 0 }), 'EOF');
    assert.deepEqual(
      doc?.parts.map((p) => [p.type, text(script, p.span)]),
      [
        ['literal', 'hello '],
        ['parameter', '$USER'],
        ['literal', '\n'],
      ],
    );
    assert.deepEqual(commandLines(script), ['cat', 'echo after']);
    assert.deepEqual(
      script.commands[0]?.redirects.map((r) => r.operator),
      ['<<', '>'],
    );
  });

  it('takes quoted delimiters literally', () => {
    for (const marker of ["'EOF'", '"EOF"', '\\EOF', 'E"O"F']) {
      const [doc] = docs(clean(`cat <<${marker}\n$HOME \`x\`\nEOF`));
      assert.equal(doc?.delimiter, 'EOF', marker);
      assert.equal(doc?.quoted, true, marker);
      assert.deepEqual(
        doc?.parts.map((p) => p.type),
        ['literal'],
        marker,
      );
    }
  });

  it('strips tabs for <<- when matching the terminator', () => {
    const script = clean('if true; then\n\tcat <<-EOF\n\t\tindented\n\tEOF\nfi');
    const [doc] = docs(script);
    assert.equal(doc?.stripTabs, true);
    assert.equal(doc?.body, '\t\tindented\n');
    assert.equal(text(script, doc?.terminatorSpan ?? { start: 0, end: 0 }), '\tEOF');
  });

  it('reads several here-documents of one line in order', () => {
    const script = clean('cat <<A; cat <<B | tee x\na1\nA\nb1\nB\necho done');
    assert.deepEqual(
      docs(script).map((d) => d.body),
      ['a1\n', 'b1\n'],
    );
    assert.deepEqual(commandLines(script), ['cat', 'cat', 'tee x', 'echo done']);
  });

  it('finds commands in a body, whose errors bash would only report when it runs', () => {
    const script = parseShell('cat <<EOF\n$(apt-get update)\n$(if)\nEOF\n');
    assert.deepEqual(script.errors, []);
    assert.ok(script.warnings.length > 0);
    assert.ok(script.warnings.every((w) => w.start >= 28 && w.end <= 33), JSON.stringify(script.warnings));
    assert.deepEqual(commandLines(script), ['cat', 'apt-get update']);
    assert.equal(script.commands[1]?.context.inCommandSubstitution, true);
  });

  it('warns about a body that runs to the end of the script', () => {
    const script = parseShell('cat <<EOF\nline');
    assert.deepEqual(script.errors, []);
    assert.match(script.warnings[0]?.message ?? '', /here-document delimited by end of script \(wanted 'EOF'\)/);
    assert.equal(docs(script)[0]?.terminatorSpan, null);
    assert.equal(docs(script)[0]?.body, 'line');
  });

  it('joins a backslash-newline in an unquoted body, so the next line cannot end it', () => {
    const [doc] = docs(clean('cat <<EOF\na\\\nEOF\nb\nEOF\n'));
    assert.equal(doc?.body, 'a\\\nEOF\nb\n');
    const [quoted] = docs(clean("cat <<'EOF'\na\\\nEOF\n"));
    assert.equal(quoted?.body, 'a\\\n');
  });

  it('reads here-documents inside $(…), and ends one at `EOF)` there as bash does', () => {
    const script = clean('x=$(cat <<EOF\n)\nEOF\n)\necho $x');
    assert.deepEqual(
      docs(script).map((d) => d.body),
      [')\n'],
    );
    const early = parseShell('x=$(cat <<EOF\nfoo\nEOF)');
    assert.deepEqual(early.errors, []);
    assert.equal(docs(early)[0]?.body, 'foo\n');
  });

  it('does not read a body after a newline inside quotes', () => {
    const script = parseShell('cat <<EOF; echo "\nEOF\n"');
    assert.deepEqual(script.errors, []);
    assert.equal(docs(script)[0]?.body, '');
  });

  it('parses a RUN heredoc script that writes files with heredocs', () => {
    const script = clean('set -eux\ncat <<EOF > /etc/app.conf\n[server]\nport = 8000\nEOF\npip install --no-cache-dir -r requirements.txt\n');
    assert.deepEqual(commandLines(script), ['set -eux', 'cat', 'pip install --no-cache-dir -r requirements.txt']);
  });
});
