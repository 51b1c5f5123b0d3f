import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  FORMAT_NAMES,
  formatCheckstyle,
  formatGithub,
  formatGitlab,
  formatJson,
  formatJunit,
  formatReport,
  formatSarif,
  formatText,
  isFormatName,
} from '../../src/format/index.js';
import { FULL_REPORT, options } from './fixtures.js';

const SRC = join(dirname(fileURLToPath(import.meta.url)), '../../src/format');

describe('formatReport', () => {
  it('dispatches to each format', () => {
    const o = options();
    assert.equal(formatReport(FULL_REPORT, 'text', o), formatText(FULL_REPORT, o));
    assert.equal(formatReport(FULL_REPORT, 'json', o), formatJson(FULL_REPORT));
    assert.equal(formatReport(FULL_REPORT, 'sarif', o), formatSarif(FULL_REPORT, o));
    assert.equal(formatReport(FULL_REPORT, 'github', o), formatGithub(FULL_REPORT));
    assert.equal(formatReport(FULL_REPORT, 'checkstyle', o), formatCheckstyle(FULL_REPORT));
    assert.equal(formatReport(FULL_REPORT, 'gitlab', o), formatGitlab(FULL_REPORT));
    assert.equal(formatReport(FULL_REPORT, 'junit', o), formatJunit(FULL_REPORT));
  });

  it('knows its format names', () => {
    assert.deepEqual([...FORMAT_NAMES], ['text', 'json', 'sarif', 'github', 'checkstyle', 'gitlab', 'junit']);
    assert.ok(FORMAT_NAMES.every(isFormatName));
    assert.equal(isFormatName('xml'), false);
    assert.equal(isFormatName('toString'), false);
  });

  it('uses the informationUri option', () => {
    const log = JSON.parse(formatReport(FULL_REPORT, 'sarif', options({ informationUri: 'https://example.test/dockwise' }))) as { runs: { tool: { driver: { informationUri: string } } }[] };
    assert.equal(log.runs[0]?.tool.driver.informationUri, 'https://example.test/dockwise');
  });

  it('stays browser-safe: no node: imports, process or Buffer in src/format', () => {
    for (const name of readdirSync(SRC).filter((f) => f.endsWith('.ts'))) {
      const code = readFileSync(join(SRC, name), 'utf8');
      assert.doesNotMatch(code, /from\s+['"]node:|\bprocess\.|\bBuffer\b/, name);
    }
  });
});
