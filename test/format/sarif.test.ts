import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { LintReport } from '../../src/engine/types.js';
import { formatReport, SARIF_SCHEMA_URI } from '../../src/format/index.js';
import { pathToUri } from '../../src/format/uri.js';
import { SourceFile } from '../../src/parser/source.js';
import { API_FILE, diag, FULL_REPORT, MAIN_FILE, options, report, RULES } from './fixtures.js';

/**
 * The SARIF 2.1.0 JSON schema as Microsoft's SARIF SDK ships it on npm: `@microsoft/jest-sarif`
 * carries `sarif-2.1.0-rtm.5.json`, the release-to-market schema of SARIF 2.1.0 (draft-04, like
 * the OASIS errata01 schema). It differs from the final OASIS text only in descriptions, the
 * GUID patterns and the `language` pattern — properties dockwise never writes. No npm package ships
 * the OASIS file itself (`sarif-schema-2.1.0.json`) apart from the 40 MB .NET multitool.
 */
const require = createRequire(import.meta.url);
const SCHEMA_PATH = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as { title: string };

// The schema's `language` pattern has an unbalanced `]`, legal only outside unicode mode.
const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats.default(ajv);
const validate = ajv.compile(schema);

function sarif(r: LintReport = FULL_REPORT): SarifLog {
  return JSON.parse(formatReport(r, 'sarif', options())) as SarifLog;
}

function assertValid(doc: unknown): void {
  const ok = validate(doc);
  assert.ok(ok, `SARIF does not validate:\n${JSON.stringify(validate.errors, null, 2)}`);
}

interface SarifRegion {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}
interface SarifArtifactLocation {
  uri: string;
  uriBaseId?: string;
  index?: number;
}
interface SarifReplacement {
  deletedRegion: SarifRegion;
  insertedContent?: { text: string };
}
interface SarifFix {
  description: { text: string };
  artifactChanges: { artifactLocation: SarifArtifactLocation; replacements: SarifReplacement[] }[];
  properties: { safety: string };
}
interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: SarifArtifactLocation; region: SarifRegion } }[];
  fixes?: SarifFix[];
  partialFingerprints: Record<string, string>;
  properties: { severity: string; suggestion?: string };
}
interface SarifRule {
  id: string;
  shortDescription: { text: string };
  helpUri?: string;
  defaultConfiguration: { level: string };
  properties: { aliases: string[]; practices: string[] };
}
interface SarifLog {
  $schema: string;
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; informationUri: string; rules: SarifRule[] } };
    artifacts: { location: SarifArtifactLocation }[];
    results: SarifResult[];
    columnKind: string;
  }[];
}

function run(log: SarifLog): SarifLog['runs'][number] {
  assert.equal(log.runs.length, 1);
  const r = log.runs[0];
  assert.ok(r);
  return r;
}

describe('sarif: the official schema', () => {
  it('is the SARIF 2.1.0 schema', () => {
    assert.match(schema.title, /^Static Analysis Results Format \(SARIF\) Version 2\.1\.0/);
  });

  it('validates the full report, a clean one and an empty one', () => {
    assertValid(sarif());
    assertValid(sarif(report([MAIN_FILE])));
    assertValid(sarif(report([])));
  });

  it('is strict enough to catch a broken log', () => {
    const log = sarif() as unknown as { runs: { results: { level: string }[] }[] };
    const first = log.runs[0]?.results[0];
    assert.ok(first);
    first.level = 'info';
    assert.equal(validate(log), false);
  });

  it('validates with an odd path, a rule without metadata and a file listed twice', () => {
    const text = 'FROM a\n';
    const odd = { path: 'C:\\work\\50% off\\Dockerfile', source: text, diagnostics: [{ ...diag(text, { rule: 'parse-error', span: { start: 0, end: 4 }, message: 'x' }), url: null }] };
    const log = sarif(report([odd, odd, MAIN_FILE]));
    assertValid(log);
    const r = run(log);
    assert.equal(r.artifacts.length, 2);
    assert.equal(r.artifacts[0]?.location.uri, 'file:///C:/work/50%25%20off/Dockerfile');
    assert.equal(r.results[0]?.locations[0]?.physicalLocation.artifactLocation.index, 0);
    assert.equal(r.results[1]?.locations[0]?.physicalLocation.artifactLocation.index, 0);
    const parseError = r.tool.driver.rules.find((x) => x.id === 'parse-error');
    assert.ok(parseError);
    assert.equal(parseError.helpUri, undefined);
  });
});

describe('sarif: content', () => {
  const log = sarif();
  const r = run(log);

  it('names the schema, the version, the tool and the column unit', () => {
    assert.equal(log.$schema, SARIF_SCHEMA_URI);
    assert.equal(log.version, '2.1.0');
    assert.equal(r.tool.driver.name, 'dockwise');
    assert.equal(r.tool.driver.version, '0.1.0');
    assert.equal(r.columnKind, 'utf16CodeUnits');
  });

  it('lists each rule that appears once, sorted, with its metadata; ruleIndex points at it', () => {
    const ids = r.tool.driver.rules.map((x) => x.id);
    assert.deepEqual(ids, [...new Set(FULL_REPORT.files.flatMap((f) => f.diagnostics.map((d) => d.rule)))].sort());
    for (const rule of r.tool.driver.rules) {
      const meta = RULES.get(rule.id);
      assert.ok(meta);
      assert.equal(rule.helpUri, meta.url);
      assert.equal(rule.shortDescription.text, meta.summary);
      assert.deepEqual(rule.properties, { aliases: meta.aliases, practices: meta.practices });
    }
    for (const res of r.results) assert.equal(r.tool.driver.rules[res.ruleIndex]?.id, res.ruleId);
  });

  it('maps severities to levels (info and style are notes)', () => {
    const levels = r.results.map((x) => `${x.properties.severity}:${x.level}`);
    assert.deepEqual([...new Set(levels)].sort(), ['error:error', 'info:note', 'style:note', 'warning:warning']);
  });

  it('writes relative, percent-encoded URIs against %SRCROOT%', () => {
    assert.deepEqual(
      r.artifacts.map((a) => a.location),
      [
        { uri: 'Dockerfile', uriBaseId: '%SRCROOT%' },
        { uri: 'services/api/Dockerfile.prod', uriBaseId: '%SRCROOT%' },
        { uri: 'deploy/my%20app/Dockerfile', uriBaseId: '%SRCROOT%' },
        { uri: 'clean/Dockerfile', uriBaseId: '%SRCROOT%' },
      ],
    );
  });

  it('copies regions from the diagnostics (UTF-16 columns, exclusive end)', () => {
    const all = FULL_REPORT.files.flatMap((f) => f.diagnostics);
    assert.equal(r.results.length, all.length);
    r.results.forEach((res, i) => {
      const d = all[i];
      assert.ok(d);
      assert.deepEqual(res.locations[0]?.physicalLocation.region, { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn });
    });
  });

  it('turns safe and unsafe fixes into replacements that reproduce the edits; suggestions into a property', () => {
    const files = [MAIN_FILE, API_FILE];
    let checked = 0;
    for (const res of r.results) {
      const file = files.find((f) => f.path === res.locations[0]?.physicalLocation.artifactLocation.uri);
      if (file === undefined) continue;
      const d = file.diagnostics.find((x) => x.line === res.locations[0]?.physicalLocation.region.startLine && x.rule === res.ruleId);
      assert.ok(d);
      if (d.fix === null) {
        assert.equal(res.fixes, undefined);
        continue;
      }
      if (d.fix.safety === 'suggestion') {
        assert.equal(res.fixes, undefined);
        assert.equal(res.properties.suggestion, d.fix.title);
        continue;
      }
      const fix = res.fixes?.[0];
      assert.ok(fix);
      assert.equal(fix.description.text, d.fix.title);
      assert.equal(fix.properties.safety, d.fix.safety);
      // apply the SARIF replacements with our own line/column → offset arithmetic
      const src = new SourceFile(file.source);
      const offset = (line: number, column: number): number => src.lineStart(line) + column - 1;
      const change = fix.artifactChanges[0];
      assert.ok(change);
      let viaSarif = file.source;
      for (const rep of [...change.replacements].reverse()) {
        const a = offset(rep.deletedRegion.startLine, rep.deletedRegion.startColumn);
        const b = offset(rep.deletedRegion.endLine, rep.deletedRegion.endColumn);
        viaSarif = viaSarif.slice(0, a) + (rep.insertedContent?.text ?? '') + viaSarif.slice(b);
      }
      let viaEdits = file.source;
      for (const e of [...d.fix.edits].reverse()) viaEdits = viaEdits.slice(0, e.start) + e.text + viaEdits.slice(e.end);
      assert.equal(viaSarif, viaEdits);
      checked++;
    }
    assert.ok(checked >= 5, `only ${checked} fixes checked`);
  });

  it('carries a stable fingerprint per result', () => {
    const prints = r.results.map((x) => x.partialFingerprints['dockwise/v1']);
    assert.ok(prints.every((p) => typeof p === 'string' && /^[0-9a-f]{32}$/.test(p)));
    assert.equal(new Set(prints).size, prints.length);
  });
});

describe('sarif: path to URI', () => {
  const cases: [string, string, boolean][] = [
    ['Dockerfile', 'Dockerfile', true],
    ['./docker/Dockerfile', './docker/Dockerfile', true],
    ['my app/Dockerfile', 'my%20app/Dockerfile', true],
    ['a:b/Dockerfile', 'a%3Ab/Dockerfile', true],
    ['50%/#1?/Dockerfile', '50%25/%231%3F/Dockerfile', true],
    ['dir\\sub\\Dockerfile', 'dir/sub/Dockerfile', true],
    ['café/日本/Dockerfile', 'caf%C3%A9/%E6%97%A5%E6%9C%AC/Dockerfile', true],
    ['/srv/app/Dockerfile', 'file:///srv/app/Dockerfile', false],
    ['/srv/my app/Dockerfile', 'file:///srv/my%20app/Dockerfile', false],
    ['C:\\Users\\me\\Dockerfile', 'file:///C:/Users/me/Dockerfile', false],
    ['\\\\server\\share\\Dockerfile', 'file://server/share/Dockerfile', false],
    ['bad\uD800/Dockerfile', 'bad%EF%BF%BD/Dockerfile', true],
  ];
  for (const [path, uri, relative] of cases) {
    it(JSON.stringify(path), () => {
      assert.deepEqual(pathToUri(path), { uri, relative });
    });
  }
});
