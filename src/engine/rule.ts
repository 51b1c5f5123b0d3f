/**
 * What a rule is: one object with its metadata (the single source of truth for docs, config
 * schema and SARIF) and a `create` function returning the visitor that one lint pass calls.
 */
import type { Dockerfile, Instruction, InstructionName } from '../parser/ast.js';
import type { SourceFile, Span } from '../parser/source.js';
import type { DockerfileModel, InstructionInfo, Stage } from '../model/model.js';
import type { Expanded } from '../model/expansion.js';
import type { RunScript } from '../model/run-script.js';
import type { PracticeId } from '../practices/ids.js';
import type { FileEdit, FixSafety, Severity, TextEdit } from './types.js';
import type { ProjectFacts } from '../project/index.js';
import type { LabelType } from '../config/types.js';

export interface RuleDocs {
  /** "What it does": one or two sentences. */
  readonly what: string;
  /** "Why is this bad?": the reason, in our own words. */
  readonly why: string;
  /** "Fix safety": what the fix changes and why it has its safety level. */
  readonly fixSafety?: string;
  /** "Options": the rule's options, if any. */
  readonly options?: string;
}

export interface ExampleCase {
  readonly code: string;
  /** Exact number of diagnostics of this rule expected (bad examples default to at least one). */
  readonly count?: number;
  readonly options?: Readonly<Record<string, unknown>>;
  readonly settings?: Partial<LintSettings>;
  /** A title for the docs. */
  readonly title?: string;
  /** Files of the build context the example needs (path → content); rendered in the docs. */
  readonly files?: Readonly<Record<string, string>>;
}

export interface FixExample {
  readonly input: string;
  readonly output: string;
  /** Apply unsafe fixes too. */
  readonly unsafe?: boolean;
  readonly settings?: Partial<LintSettings>;
  /** Files of the build context (path → content). */
  readonly files?: Readonly<Record<string, string>>;
  /** What the fix writes to other files of the context (path → new content). */
  readonly outputFiles?: Readonly<Record<string, string>>;
}

export interface RuleMeta {
  /** Kebab-case, names the bad pattern. */
  readonly name: string;
  readonly practices: readonly PracticeId[];
  readonly severity: Severity;
  /** hadolint DL codes and BuildKit check names this rule answers to. */
  readonly aliases: readonly string[];
  /** Off unless selected (as upstream does for the same check). */
  readonly enabledByDefault?: boolean;
  /** A BuildKit experimental check: runs only when selected or enabled by `# check=experimental=…`. */
  readonly experimental?: boolean;
  /** Needs the build context (switched off by `--context none`). */
  readonly needsContext?: boolean;
  /** The safest fix the rule can offer (docs); absent when it never fixes. */
  readonly fixable?: FixSafety;
  /** The instructions `instruction()` looks at (the engine skips the call for others); absent = all. */
  readonly instructions?: readonly InstructionName[];
  /** Also visit instructions inside `ONBUILD` triggers. */
  readonly onbuild?: boolean;
  /** One line for rule tables and SARIF shortDescription. */
  readonly summary: string;
  readonly docs: RuleDocs;
  readonly examples: {
    readonly bad: readonly ExampleCase[];
    readonly good: readonly ExampleCase[];
    readonly fixed?: readonly FixExample[];
  };
}

export interface FixDescriptor {
  readonly safety: FixSafety;
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /**
   * The rule vouches for the text it replaces (removing `--platform=$TARGETPLATFORM`, where the
   * variable is the point; moving a whole instruction verbatim, comments and continuations
   * included): no automatic downgrade for crossing a variable, a comment or a continuation.
   */
  readonly textChecked?: boolean;
  /** Edits to other files of the build context (e.g. `.dockerignore`). */
  readonly fileEdits?: readonly FileEdit[];
}

export interface ReportDescriptor {
  readonly span: Span;
  readonly message: string;
  readonly fix?: FixDescriptor | null;
  /** Overrides the rule's severity for this one report (rare: e.g. a hard build error). */
  readonly severity?: Severity;
}

export interface LintSettings {
  /** ISO date (YYYY-MM-DD) used for end-of-life checks. */
  readonly today: string;
  readonly trustedRegistries: readonly string[] | null;
  readonly labelSchema: Readonly<Record<string, LabelType>> | null;
  readonly strictLabels: boolean;
}

export interface RuleContext {
  readonly file: Dockerfile;
  readonly model: DockerfileModel;
  readonly source: SourceFile;
  readonly settings: LintSettings;
  readonly options: Readonly<Record<string, unknown>>;
  report(descriptor: ReportDescriptor): void;
  /** The RUN's shell script (parsed once per file and shared by all rules); null when it is not run by a POSIX shell. */
  script(info: InstructionInfo): RunScript | null;
  /** Expands a word with the variables in scope at `info` (BuildKit semantics). */
  expand(text: string, info: InstructionInfo): Expanded;
  /** The build context's facts; null without a context (rules with `needsContext` then do not run). */
  readonly project: ProjectFacts | null;
}

export interface RuleVisitor {
  /** Every instruction in file order (global ARGs and FROM included). */
  instruction?(info: InstructionInfo): void;
  stageEnd?(stage: Stage): void;
  fileEnd?(): void;
}

export interface Rule extends RuleMeta {
  create(context: RuleContext): RuleVisitor;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}

/** The instruction an ONBUILD trigger or plain info stands for. */
export type { Instruction };
