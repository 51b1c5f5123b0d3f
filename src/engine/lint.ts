/**
 * One lint pass: parse, build the model, run every enabled rule's visitor over the instructions
 * once, then apply suppressions and severities. A rule that throws becomes an `internal-error`
 * diagnostic and the other rules go on.
 */
import type { ConfigLayer } from '../config/types.js';
import type { Dockerfile, Instruction } from '../parser/ast.js';
import { parse } from '../parser/parser.js';
import type { Span } from '../parser/source.js';
import { buildModel, type DockerfileModel, type InstructionInfo, type Stage } from '../model/model.js';
import { expandWord, type Expanded } from '../model/expansion.js';
import { buildRunScript, type RunScript } from '../model/run-script.js';
import { adjustSafety, hazards } from '../fix/safety.js';
import type { ProjectFacts } from '../project/index.js';
import type { LintSettings, ReportDescriptor, Rule, RuleContext, RuleVisitor } from './rule.js';
import { parseCheckDirective, RuleIndex, selectRules, type EnabledRule } from './selection.js';
import { collectSuppressions, isSuppressed, type Suppression } from './suppressions.js';
import type { Diagnostic, Severity } from './types.js';

/** Rule docs ship in the npm package (docs/rules), so unpkg serves them for every published version. */
export const DOCS_BASE = 'https://unpkg.com/dockwise/docs/rules/';

export function ruleUrl(name: string): string {
  return `${DOCS_BASE}${name}.md`;
}

export interface LintOptions {
  /** Config layers in order (the base config, then matching overrides). */
  readonly config?: readonly ConfigLayer[];
  readonly settings?: Partial<LintSettings>;
  /** Replaces the file's `# check=` directive, as BuildKit's `BUILDKIT_DOCKERFILE_CHECK` build arg does. */
  readonly buildkitCheck?: string;
  /** The build context's facts; without them, rules that need the context do not run. */
  readonly project?: ProjectFacts | null;
}

export interface LintResult {
  readonly file: Dockerfile;
  readonly model: DockerfileModel;
  readonly diagnostics: readonly Diagnostic[];
}

export function defaultSettings(overrides: Partial<LintSettings> = {}, layers: readonly ConfigLayer[] = []): LintSettings {
  let trusted: readonly string[] | null = null;
  let labelSchema: LintSettings['labelSchema'] = null;
  let strictLabels = false;
  for (const l of layers) {
    if (l.trustedRegistries) trusted = l.trustedRegistries;
    if (l.labelSchema) labelSchema = l.labelSchema;
    if (l.strictLabels !== undefined) strictLabels = l.strictLabels;
  }
  return {
    today: overrides.today ?? new Date().toISOString().slice(0, 10),
    trustedRegistries: overrides.trustedRegistries !== undefined ? overrides.trustedRegistries : trusted,
    labelSchema: overrides.labelSchema !== undefined ? overrides.labelSchema : labelSchema,
    strictLabels: overrides.strictLabels ?? strictLabels,
  };
}

interface Active {
  readonly rule: Rule;
  readonly severity: Severity;
  readonly visitor: RuleVisitor;
  dead: boolean;
}

/** Per-file state shared by every rule's context (one object per file, not per rule). */
class FileRun {
  private readonly scripts = new Map<Instruction, RunScript | null>();
  constructor(
    readonly file: Dockerfile,
    readonly model: DockerfileModel,
    readonly settings: LintSettings,
    readonly raw: RawDiagnostic[],
    readonly project: ProjectFacts | null = null,
  ) {}

  script(info: InstructionInfo): RunScript | null {
    const ins = info.instruction;
    const known = this.scripts.get(ins);
    if (known !== undefined) return known;
    let script: RunScript | null = null;
    const target = ins.name === 'ONBUILD' ? ins.trigger : ins;
    if (target && target.name === 'RUN' && info.shell.kind === 'posix') {
      script = buildRunScript(target);
      if (script?.interpreter && !/\b(?:ba|da|a|k|z)?sh\b/.test(script.interpreter)) script = null;
    }
    this.scripts.set(ins, script);
    return script;
  }

  aliasScript(ins: Instruction, script: RunScript | null): void {
    this.scripts.set(ins, script);
  }
}

/** A rule's view of the file: a small object whose methods live on the prototype. */
class RuleContextImpl implements RuleContext {
  constructor(
    private readonly run: FileRun,
    private readonly rule: Rule,
    private readonly severity: Severity,
    readonly options: Readonly<Record<string, unknown>>,
  ) {}
  get file(): Dockerfile {
    return this.run.file;
  }
  get model(): DockerfileModel {
    return this.run.model;
  }
  get source(): DockerfileModel['source'] {
    return this.run.model.source;
  }
  get settings(): LintSettings {
    return this.run.settings;
  }
  get project(): ProjectFacts | null {
    return this.run.project;
  }
  report(d: ReportDescriptor): void {
    this.run.raw.push({ rule: this.rule, ruleName: this.rule.name, severity: d.severity ?? this.severity, message: d.message, span: d.span, fix: d.fix ?? null });
  }
  script(info: InstructionInfo): RunScript | null {
    return this.run.script(info);
  }
  expand(text: string, info: InstructionInfo): Expanded {
    return expandWord(text, info.scope, this.run.file.escapeChar);
  }
}

interface RawDiagnostic {
  readonly rule: Rule | null;
  readonly ruleName: string;
  readonly severity: Severity;
  readonly message: string;
  readonly span: Span;
  readonly fix: ReportDescriptor['fix'];
}

const META: Record<string, { aliases: string[]; summary: string }> = {
  'parse-error': { aliases: ['DL1000'], summary: 'The Dockerfile does not parse (BuildKit would reject it)' },
  'internal-error': { aliases: [], summary: 'A rule failed on this file; please report it' },
};

export class Linter {
  readonly index: RuleIndex;
  private readonly selectionCache = new Map<string, EnabledRule[]>();

  constructor(rules: readonly Rule[]) {
    this.index = new RuleIndex(rules);
  }

  private readonly layerKeys = new WeakMap<readonly ConfigLayer[], string>();

  private enabled(layers: readonly ConfigLayer[], checkValue: string | null, withContext: boolean): EnabledRule[] {
    let layersKey = this.layerKeys.get(layers);
    if (layersKey === undefined) {
      layersKey = JSON.stringify(layers);
      this.layerKeys.set(layers, layersKey);
    }
    const key = layersKey + '\u0000' + (checkValue ?? '') + '\u0000' + String(withContext);
    let found = this.selectionCache.get(key);
    if (!found) {
      found = selectRules(this.index, layers, checkValue === null ? null : parseCheckDirective(checkValue), { context: withContext });
      if (this.selectionCache.size > 100) this.selectionCache.clear();
      this.selectionCache.set(key, found);
    }
    return found;
  }

  lint(text: string, options: LintOptions = {}): LintResult {
    const file = parse(text);
    return this.lintParsed(file, options);
  }

  lintParsed(file: Dockerfile, options: LintOptions = {}): LintResult {
    const layers = options.config ?? [];
    const settings = defaultSettings(options.settings, layers);
    const model = buildModel(file);
    const checkDirective = file.directives.find((d) => d.name === 'check');
    const project = options.project ?? null;
    const enabled = this.enabled(layers, options.buildkitCheck ?? (checkDirective ? checkDirective.value : null), project !== null);
    const raw: RawDiagnostic[] = [];

    for (const e of file.errors) {
      raw.push({ rule: null, ruleName: 'parse-error', severity: 'error', message: e.message, span: e.span, fix: null });
    }

    const run = new FileRun(file, model, settings, raw, project);
    const active: Active[] = [];
    for (const e of enabled) {
      const context = new RuleContextImpl(run, e.rule, e.severity, e.options);
      try {
        active.push({ rule: e.rule, severity: e.severity, visitor: e.rule.create(context), dead: false });
      } catch (err) {
        raw.push(internalError(e.rule, err, { start: 0, end: 0 }));
      }
    }
    const scriptOf = (info: InstructionInfo): RunScript | null => run.script(info);

    const fail = (a: Active, span: Span, err: unknown): void => {
      a.dead = true;
      raw.push(internalError(a.rule, err, span));
    };
    // Hot loop: no closure per call, one try per visitor call.
    const visit = (list: readonly Active[], info: InstructionInfo): void => {
      for (const a of list) {
        if (a.dead) continue;
        try {
          a.visitor.instruction?.(info);
        } catch (err) {
          fail(a, info.instruction.span, err);
        }
      }
    };

    const instructionVisitors = active.filter((a) => a.visitor.instruction);
    const onbuildVisitors = instructionVisitors.filter((a) => a.rule.onbuild);
    // Rules that declare the instructions they look at are only called for those.
    const byName = new Map<string, Active[]>();
    const visitorsFor = (name: string): Active[] => {
      let list = byName.get(name);
      if (!list) {
        list = instructionVisitors.filter((a) => !a.rule.instructions || a.rule.instructions.includes(name as never));
        byName.set(name, list);
      }
      return list;
    };
    const stageEndVisitors = active.filter((a) => a.visitor.stageEnd);
    const endStage = (stage: Stage | null): void => {
      if (!stage) return;
      for (const a of stageEndVisitors) {
        if (a.dead) continue;
        try {
          a.visitor.stageEnd?.(stage);
        } catch (err) {
          fail(a, stage.from.span, err);
        }
      }
    };
    let currentStage: Stage | null = null;
    for (const info of model.infos) {
      const ins = info.instruction;
      if (info.stage !== currentStage) {
        endStage(currentStage);
        currentStage = info.stage;
      }
      visit(visitorsFor(ins.name), info);
      if (ins.name === 'ONBUILD' && ins.trigger && onbuildVisitors.length > 0) {
        run.aliasScript(ins.trigger, scriptOf(info));
        const trigger = ins.trigger;
        visit(onbuildVisitors.filter((a) => !a.rule.instructions || a.rule.instructions.includes(trigger.name as never)), { ...info, instruction: trigger });
      }
    }
    endStage(currentStage);
    for (const a of active) {
      if (!a.visitor.fileEnd || a.dead) continue;
      try {
        a.visitor.fileEnd();
      } catch (err) {
        fail(a, { start: 0, end: 0 }, err);
      }
    }

    const pragmas = !layers.some((l) => l.disableIgnorePragma);
    const suppressions = collectSuppressions(file, this.index, pragmas);
    const diagnostics: Diagnostic[] = [];
    const source = model.source;
    let hazardSpans: Span[] | null = null;
    const spans = (): Span[] => (hazardSpans ??= hazards(file));
    for (const r of raw) {
      const { line } = source.positionAt(r.span.start);
      if (r.rule && suppressions.length > 0 && isSuppressed(suppressions, r.rule, line)) continue;
      diagnostics.push(this.toDiagnostic(model, r, spans));
    }
    const enabledSet = new Set(enabled.map((e) => e.rule));
    const unused = enabled.find((e) => e.rule.name === 'unused-suppression');
    if (unused) {
      for (const d of unusedSuppressions(suppressions, enabledSet, unused.rule, unused.severity)) diagnostics.push(this.toDiagnostic(model, d));
    }
    diagnostics.sort((a, b) => a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule) || a.message.localeCompare(b.message));
    return { file, model, diagnostics };
  }

  private toDiagnostic(model: DockerfileModel, r: RawDiagnostic, spans?: () => readonly Span[]): Diagnostic {
    const range = model.source.rangeOf(r.span);
    const meta = r.rule ?? META[r.ruleName];
    return {
      rule: r.ruleName,
      aliases: meta?.aliases ?? [],
      practices: r.rule?.practices ?? [],
      severity: r.severity,
      message: r.message,
      span: r.span,
      line: range.line,
      column: range.column,
      endLine: range.endLine,
      endColumn: range.endColumn,
      fix: r.fix ? adjustSafety({ safety: r.fix.safety, title: r.fix.title, edits: r.fix.edits, ...(r.fix.fileEdits?.length ? { fileEdits: r.fix.fileEdits } : {}) }, model.file.text, spans ?? (() => hazards(model.file)), r.fix.textChecked ?? false) : null,
      url: r.rule ? ruleUrl(r.rule.name) : null,
    };
  }
}

function internalError(rule: Rule, err: unknown, span: Span): RawDiagnostic {
  const detail = err instanceof Error ? err.message : String(err);
  return {
    rule: null,
    ruleName: 'internal-error',
    severity: 'error',
    message: `Rule '${rule.name}' failed on this file: ${detail}`,
    span,
    fix: null,
  };
}

function unusedSuppressions(suppressions: readonly Suppression[], enabled: ReadonlySet<Rule>, rule: Rule, severity: Severity): RawDiagnostic[] {
  const out: RawDiagnostic[] = [];
  for (const s of suppressions) {
    if (s.invalid) {
      out.push({ rule, ruleName: rule.name, severity, message: `'${s.invalid.code}' is not a rule code, so hadolint ignores this whole comment (and so does dockwise)`, span: s.invalid.span, fix: null });
      continue;
    }
    for (const c of s.codes) {
      if (c.used) continue;
      if (c.rules.length === 0) {
        // Unknown codes: ours are reported; hadolint's ShellCheck codes are simply out of scope.
        if (s.tool === 'dockwise') {
          out.push({ rule, ruleName: rule.name, severity, message: `Unknown rule '${c.code}' in suppression comment`, span: c.span, fix: null });
        }
        continue;
      }
      if (!c.rules.some((r) => enabled.has(r))) continue;
      out.push({
        rule,
        ruleName: rule.name,
        severity,
        message: `Unused suppression: '${c.code}' ${s.global ? 'matches nothing in this file' : s.stage ? 'matches nothing in this stage' : 'matches nothing on the next instruction'}`,
        span: c.span,
        fix: null,
      });
    }
  }
  return out;
}
