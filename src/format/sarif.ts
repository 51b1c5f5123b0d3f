import type { Diagnostic, FileResult, Fix, LintReport, Severity } from '../engine/types.js';
import { SourceFile } from '../parser/source.js';
import { fingerprints, reportRules } from './common.js';
import { DOCKWISE_INFORMATION_URI, type FormatOptions } from './types.js';
import { pathToUri } from './uri.js';

/**
 * SARIF 2.1.0 (OASIS): one run; `tool.driver.rules` lists every rule that appears (sorted by name,
 * `ruleIndex` points into it); one artifact per linted file; regions in UTF-16 code units
 * (`columnKind`), with exclusive end columns as in our diagnostics. Safe and unsafe fixes become
 * `fixes` (their safety in the fix's property bag); a suggestion's title goes to the result's
 * property bag, since it has no edits to offer. Relative paths are relative URI references against
 * `%SRCROOT%`.
 */
export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
export const SRCROOT = '%SRCROOT%';
/** Key of our fingerprint in `partialFingerprints` (the same hash as the GitLab format's). */
export const FINGERPRINT_KEY = 'dockwise/v1';

type SarifLevel = 'error' | 'warning' | 'note';

interface SarifArtifactLocation {
  readonly uri: string;
  readonly uriBaseId?: string;
  readonly index?: number;
}

interface SarifRegion {
  readonly startLine: number;
  readonly startColumn: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export function sarifLevel(severity: Severity): SarifLevel {
  switch (severity) {
    case 'error':
      return 'error';
    case 'warning':
      return 'warning';
    case 'info':
    case 'style':
      return 'note';
  }
}

function artifactLocation(path: string, index?: number): SarifArtifactLocation {
  const { uri, relative } = pathToUri(path);
  const base = relative ? { uri, uriBaseId: SRCROOT } : { uri };
  return index === undefined ? base : { ...base, index };
}

function offsetRegion(source: SourceFile, start: number, end: number): SarifRegion {
  const len = source.text.length;
  const a = source.positionAt(Math.max(0, Math.min(start, len)));
  const b = source.positionAt(Math.max(0, Math.min(Math.max(start, end), len)));
  return { startLine: a.line, startColumn: a.column, endLine: b.line, endColumn: b.column };
}

function sarifFix(fix: Fix, file: FileResult, index: number, source: SourceFile): object | null {
  if (fix.safety === 'suggestion' || fix.edits.length === 0) return null;
  return {
    description: { text: fix.title },
    artifactChanges: [
      {
        artifactLocation: artifactLocation(file.path, index),
        replacements: fix.edits.map((e) => {
          const deletedRegion = offsetRegion(source, e.start, e.end);
          return e.text === '' ? { deletedRegion } : { deletedRegion, insertedContent: { text: e.text } };
        }),
      },
    ],
    properties: { safety: fix.safety },
  };
}

function sarifResult(d: Diagnostic, ruleIndex: number, file: FileResult, index: number, source: SourceFile, fingerprint: string): object {
  const fix = d.fix === null ? null : sarifFix(d.fix, file, index, source);
  const properties = d.fix?.safety === 'suggestion' ? { severity: d.severity, suggestion: d.fix.title } : { severity: d.severity };
  return {
    ruleId: d.rule,
    ruleIndex,
    level: sarifLevel(d.severity),
    message: { text: d.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifactLocation(file.path, index),
          region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
        },
      },
    ],
    ...(fix === null ? {} : { fixes: [fix] }),
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprint },
    properties,
  };
}

/** The SARIF log as a plain object (what {@link formatSarif} serialises). */
export function toSarif(report: LintReport, options: FormatOptions): object {
  const rules = reportRules(report, options);
  const ruleIndex = new Map(rules.map((r, i) => [r.name, i]));
  // one artifact per distinct location (a file given twice is still one: the schema makes the list a set)
  const artifactIndex = new Map<string, number>();
  const artifacts: object[] = [];
  const artifactKey = (path: string): string => JSON.stringify(artifactLocation(path));
  for (const f of report.files) {
    const key = artifactKey(f.path);
    if (artifactIndex.has(key)) continue;
    artifactIndex.set(key, artifacts.length);
    artifacts.push({ location: artifactLocation(f.path), roles: ['analysisTarget'], sourceLanguage: 'dockerfile' });
  }
  const results: object[] = [];
  const seen = new Map<string, number>();
  for (const file of report.files) {
    if (file.diagnostics.length === 0) continue;
    const index = artifactIndex.get(artifactKey(file.path)) ?? 0;
    const source = new SourceFile(file.source);
    const prints = fingerprints(file, seen);
    file.diagnostics.forEach((d, i) => {
      results.push(sarifResult(d, ruleIndex.get(d.rule) ?? 0, file, index, source, prints[i] ?? ''));
    });
  }
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'dockwise',
            version: options.toolVersion,
            informationUri: options.informationUri ?? DOCKWISE_INFORMATION_URI,
            rules: rules.map((r) => ({
              id: r.name,
              shortDescription: { text: r.summary },
              ...(r.url === '' ? {} : { helpUri: r.url }),
              defaultConfiguration: { level: sarifLevel(r.severity) },
              properties: { aliases: [...r.aliases], practices: [...r.practices] },
            })),
          },
        },
        artifacts,
        results,
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
}

export function formatSarif(report: LintReport, options: FormatOptions): string {
  return `${JSON.stringify(toSarif(report, options), null, 2)}\n`;
}
