import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatReport } from '../../src/format/index.js';
import { escapeXmlAttr, escapeXmlText } from '../../src/format/xml.js';
import { fileResult, FULL_REPORT, options, report } from './fixtures.js';
import { allElements, parseXml, XmlError, type XmlElement } from './xml-check.js';

/** What XML can carry of a string: forbidden characters become the stand-ins the escaper uses. */
function carried(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0) as number;
    if (cp < 0x20 && cp !== 9 && cp !== 10 && cp !== 13) out += String.fromCharCode(0x2400 + cp);
    else if ((cp >= 0xd800 && cp <= 0xdfff) || cp === 0xfffe || cp === 0xffff) out += '\uFFFD';
    else out += ch;
  }
  return out;
}

function children(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c) => c.name === name);
}

/** Messages that exercise every escape: XML specials, whitespace, forbidden controls, a lone surrogate, U+FFFF. */
const NASTY = 'a & b < c > d "e" \'f\' ]]> \t tab \n lf \r cr \u0000 nul \u001b esc \u0008 bs \uD800 lone \uFFFF nonchar 🐳';
const nastyFile = fileResult('odd & "dir"/<Dockerfile>', 'FROM a\n', [{ rule: 'label-control-character', span: { start: 0, end: 4 }, message: NASTY }]);

describe('xml: escaping', () => {
  it('escapes text and attributes', () => {
    assert.equal(escapeXmlText('a & <b> "c" \'d\''), 'a &amp; &lt;b&gt; "c" \'d\'');
    assert.equal(escapeXmlAttr('a & <b> "c" \'d\''), 'a &amp; &lt;b&gt; &quot;c&quot; &apos;d&apos;');
  });

  it('keeps whitespace through attribute normalisation and CR through line-end normalisation', () => {
    assert.equal(escapeXmlAttr('\t\n\r'), '&#9;&#10;&#13;');
    assert.equal(escapeXmlText('\t\n\r'), '\t\n&#13;');
  });

  it('replaces what XML 1.0 cannot carry with visible stand-ins', () => {
    assert.equal(escapeXmlText('\u0000\u0001\u001b\u001f'), '\u2400\u2401\u241b\u241f');
    assert.equal(escapeXmlText('\uFFFE\uFFFF'), '\uFFFD\uFFFD');
    assert.equal(escapeXmlText('\uD800x\uDC00'), '\uFFFDx\uFFFD');
    assert.equal(escapeXmlText('🐳'), '🐳');
    assert.equal(escapeXmlText('\u007f\u0085'), '\u007f\u0085'); // allowed (if discouraged) in XML 1.0
  });
});

describe('xml: checkstyle', () => {
  it('parses, with one <file> per file and one <error> per diagnostic', () => {
    const root = parseXml(formatReport(FULL_REPORT, 'checkstyle', options()));
    assert.equal(root.name, 'checkstyle');
    assert.equal(root.attributes.get('version'), '4.3');
    const files = children(root, 'file');
    assert.deepEqual(
      files.map((f) => f.attributes.get('name')),
      FULL_REPORT.files.map((f) => f.path),
    );
    FULL_REPORT.files.forEach((f, i) => {
      const errors = children(files[i] as XmlElement, 'error');
      assert.equal(errors.length, f.diagnostics.length);
      errors.forEach((e, j) => {
        const d = f.diagnostics[j];
        assert.ok(d);
        assert.equal(e.attributes.get('line'), String(d.line));
        assert.equal(e.attributes.get('column'), String(d.column));
        assert.equal(e.attributes.get('severity'), d.severity === 'style' ? 'info' : d.severity);
        assert.equal(e.attributes.get('message'), carried(d.message));
        assert.equal(e.attributes.get('source'), d.rule);
      });
    });
  });

  it('survives every character a message can hold', () => {
    const root = parseXml(formatReport(report([nastyFile]), 'checkstyle', options()));
    const error = allElements(root).find((e) => e.name === 'error');
    assert.equal(error?.attributes.get('message'), carried(NASTY));
    assert.equal(children(root, 'file')[0]?.attributes.get('name'), 'odd & "dir"/<Dockerfile>');
  });
});

describe('xml: junit', () => {
  it('parses: a suite per file, a testcase per rule, a failure per diagnostic, a passing case for clean files', () => {
    const root = parseXml(formatReport(FULL_REPORT, 'junit', options()));
    assert.equal(root.name, 'testsuites');
    const suites = children(root, 'testsuite');
    assert.equal(suites.length, FULL_REPORT.files.length);
    let tests = 0;
    let failures = 0;
    FULL_REPORT.files.forEach((f, i) => {
      const suite = suites[i] as XmlElement;
      assert.equal(suite.attributes.get('name'), f.path);
      const cases = children(suite, 'testcase');
      const rules = [...new Set(f.diagnostics.map((d) => d.rule))];
      if (rules.length === 0) {
        assert.equal(cases.length, 1);
        assert.equal(children(cases[0] as XmlElement, 'failure').length, 0);
      } else {
        assert.deepEqual(
          cases.map((c) => c.attributes.get('name')),
          rules,
        );
        for (const c of cases) {
          const mine = f.diagnostics.filter((d) => d.rule === c.attributes.get('name'));
          const fails = children(c, 'failure');
          assert.deepEqual(
            fails.map((x) => x.attributes.get('message')),
            mine.map((d) => carried(d.message)),
          );
          assert.deepEqual(
            fails.map((x) => x.attributes.get('type')),
            mine.map((d) => d.severity),
          );
        }
      }
      assert.equal(suite.attributes.get('tests'), String(cases.length));
      assert.equal(suite.attributes.get('failures'), String(cases.filter((c) => children(c, 'failure').length > 0).length));
      tests += cases.length;
      failures += rules.length;
    });
    assert.equal(root.attributes.get('tests'), String(tests));
    assert.equal(root.attributes.get('failures'), String(failures));
  });

  it('survives every character a message can hold, in attributes and in text', () => {
    const root = parseXml(formatReport(report([nastyFile]), 'junit', options()));
    const failure = allElements(root).find((e) => e.name === 'failure');
    assert.ok(failure);
    assert.equal(failure.attributes.get('message'), carried(NASTY));
    assert.ok(failure.text.includes(carried(NASTY)), failure.text);
  });
});

describe('xml: the well-formedness checker itself', () => {
  const bad: [string, string][] = [
    ['unclosed', '<a><b></a>'],
    ['mismatched', '<a></b>'],
    ['two roots', '<a/><b/>'],
    ['raw ampersand', '<a>x & y</a>'],
    ['unknown entity', '<a>&nbsp;</a>'],
    ['lt in attribute', '<a x="<"/>'],
    ['duplicate attribute', '<a x="1" x="2"/>'],
    ['unquoted attribute', '<a x=1/>'],
    ['forbidden character', '<a>\u0001</a>'],
    ['forbidden reference', '<a>&#1;</a>'],
    ['lone surrogate', '<a>\uD800</a>'],
    ['CDATA end in text', '<a>]]></a>'],
    ['text after root', '<a/>x'],
  ];
  for (const [why, xml] of bad) {
    it(`rejects: ${why}`, () => assert.throws(() => parseXml(xml), XmlError));
  }
  it('accepts a declaration, comments, references and CDATA', () => {
    const root = parseXml('<?xml version="1.0" encoding="UTF-8"?>\n<!-- c --><a x="&quot;&#10;">t&amp;<![CDATA[<raw>]]>&#x1F433;<b/></a>\n');
    assert.equal(root.attributes.get('x'), '"\n');
    assert.equal(root.text, 't&<raw>🐳');
    assert.equal(root.children.length, 1);
  });
});
