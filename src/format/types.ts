import type { RuleDescriptor } from '../engine/types.js';

export const FORMAT_NAMES = ['text', 'json', 'sarif', 'github', 'checkstyle', 'gitlab', 'junit'] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

const NAMES: ReadonlySet<string> = new Set(FORMAT_NAMES);

export function isFormatName(s: string): s is FormatName {
  return NAMES.has(s);
}

/** The styling functions the text format uses; the CLI passes picocolors (which fits this shape). */
export interface Colors {
  readonly red: (s: string) => string;
  readonly yellow: (s: string) => string;
  readonly blue: (s: string) => string;
  readonly cyan: (s: string) => string;
  readonly magenta: (s: string) => string;
  readonly gray: (s: string) => string;
  readonly bold: (s: string) => string;
  readonly dim: (s: string) => string;
  readonly underline: (s: string) => string;
  readonly green: (s: string) => string;
}

const identity = (s: string): string => s;

/** No styling at all: the default, and what every machine-readable format uses. */
export const NO_COLORS: Colors = {
  red: identity,
  yellow: identity,
  blue: identity,
  cyan: identity,
  magenta: identity,
  gray: identity,
  bold: identity,
  dim: identity,
  underline: identity,
  green: identity,
};

export interface FormatOptions {
  /** Metadata for every rule that appears in the report (rules missing here fall back to the diagnostic's own data). */
  readonly rules: ReadonlyMap<string, RuleDescriptor>;
  /** Styling for the text format; defaults to {@link NO_COLORS}. Other formats ignore it. */
  readonly colors?: Colors;
  /** dockwise's version, reported by SARIF (`tool.driver.version`). */
  readonly toolVersion: string;
  /** SARIF `tool.driver.informationUri`; defaults to {@link DOCKWISE_INFORMATION_URI}. */
  readonly informationUri?: string;
}

export const DOCKWISE_INFORMATION_URI = 'https://www.npmjs.com/package/dockwise';
