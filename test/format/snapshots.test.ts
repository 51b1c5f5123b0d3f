import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import pc from 'picocolors';
import { FORMAT_NAMES, formatReport, type Colors, type FormatName } from '../../src/format/index.js';
import { assertSnapshot } from '../helpers/snapshot.js';
import { CLEAN_REPORT, FULL_REPORT, options, report } from './fixtures.js';

const EXTENSION: Readonly<Record<FormatName, string>> = {
  text: 'txt',
  json: 'json',
  sarif: 'json',
  github: 'txt',
  checkstyle: 'xml',
  gitlab: 'json',
  junit: 'xml',
};

/** Colours as visible tags, so the snapshot shows exactly what each colour wraps. */
const TAGGED: Colors = {
  red: (s) => `<red>${s}</red>`,
  yellow: (s) => `<yellow>${s}</yellow>`,
  blue: (s) => `<blue>${s}</blue>`,
  cyan: (s) => `<cyan>${s}</cyan>`,
  magenta: (s) => `<magenta>${s}</magenta>`,
  gray: (s) => `<gray>${s}</gray>`,
  bold: (s) => `<b>${s}</b>`,
  dim: (s) => `<dim>${s}</dim>`,
  underline: (s) => `<u>${s}</u>`,
  green: (s) => `<green>${s}</green>`,
};

describe('format snapshots', () => {
  for (const format of FORMAT_NAMES) {
    it(`${format}: the full report`, () => {
      assertSnapshot(import.meta.url, `full.${format}.${EXTENSION[format]}`, formatReport(FULL_REPORT, format, options()));
    });
    it(`${format}: a report with nothing to say`, () => {
      assertSnapshot(import.meta.url, `clean.${format}.${EXTENSION[format]}`, formatReport(CLEAN_REPORT, format, options()));
    });
  }

  it('text: colours come only from options.colors', () => {
    assertSnapshot(import.meta.url, 'full.text.colors.txt', formatReport(FULL_REPORT, 'text', options({ colors: TAGGED })));
  });

  it('text: picocolors fits the Colors shape and is the only source of ANSI codes', () => {
    const plain = formatReport(FULL_REPORT, 'text', options());
    const colored = formatReport(FULL_REPORT, 'text', options({ colors: pc.createColors(true) }));
    const ESC = String.fromCharCode(27);
    assert.ok(!plain.includes(ESC));
    assert.ok(colored.includes(`${ESC}[`));
    assert.equal(colored.replace(new RegExp(`${ESC}\\[[0-9;]*m`, 'g'), ''), plain);
  });

  it('every format is deterministic and ends with a newline', () => {
    for (const format of FORMAT_NAMES) {
      const a = formatReport(FULL_REPORT, format, options());
      assert.equal(a, formatReport(FULL_REPORT, format, options()), format);
      assert.ok(a.endsWith('\n'), format);
    }
  });

  it('an empty report (no files) still renders', () => {
    const empty = report([]);
    assert.equal(formatReport(empty, 'text', options()), '0 problems (0 errors, 0 warnings, 0 infos, 0 styles) in 0 files\n');
    assert.equal(formatReport(empty, 'github', options()), '');
    assert.deepEqual(JSON.parse(formatReport(empty, 'gitlab', options())), []);
    assert.deepEqual(JSON.parse(formatReport(empty, 'json', options())), { version: 1, files: [], summary: { files: 0, errors: 0, warnings: 0, infos: 0, styles: 0 } });
  });
});
