/**
 * The semantic model over a parsed Dockerfile: stages and their links, variables in scope at each
 * instruction (BuildKit's ARG/ENV rules), base images resolved through global ARG defaults, the
 * effective SHELL, and which stages end up in the final image.
 */
import type { ArgInstruction, Dockerfile, FromInstruction, Instruction, KeyValueInstruction, Word, Flag } from '../parser/ast.js';
import { SourceFile } from '../parser/source.js';
import { expandWord, type Expanded } from './expansion.js';
import { parseImageReference, type ImageReference } from './image-ref.js';
import { copyArgs, getFlag, mounts } from './instructions.js';
import { BUILTIN_ARGS, Scope, type Variable } from './scope.js';

export type ShellKind = 'posix' | 'powershell' | 'cmd' | 'other';

export interface ShellSetting {
  readonly argv: readonly string[];
  readonly kind: ShellKind;
  /** The SHELL instruction that set it (in this stage or a parent stage), or null for the default. */
  readonly instruction: Instruction | null;
}

export interface InstructionInfo {
  readonly instruction: Instruction;
  /** Index in `file.instructions`. */
  readonly index: number;
  /** The stage it belongs to; null for global ARGs before the first FROM. */
  readonly stage: Stage | null;
  /** Variables visible when the instruction runs (before its own declarations). */
  readonly scope: Scope;
  /** The SHELL in effect for this instruction. */
  readonly shell: ShellSetting;
}

export interface BaseImage {
  readonly word: Word | null;
  /** As written. */
  readonly text: string;
  /** Expanded with global ARG defaults. */
  readonly expanded: Expanded;
  /** The parsed reference, when the expanded text is a valid image reference. */
  readonly ref: ImageReference | null;
  /** `FROM <earlier stage>`. */
  readonly stage: Stage | null;
  readonly scratch: boolean;
}

export interface StageDependency {
  readonly stage: Stage;
  readonly instruction: Instruction;
  readonly via: 'copy' | 'mount';
}

export interface Stage {
  readonly index: number;
  readonly from: FromInstruction;
  /** Lowercased, as BuildKit matches it. */
  readonly name: string | null;
  readonly nameWord: Word | null;
  readonly asWord: Word | null;
  readonly platform: Flag | undefined;
  readonly image: BaseImage;
  /** FROM <stage>: the stage this one builds on. */
  readonly parent: Stage | null;
  /** Instructions after FROM, in order. */
  readonly instructions: readonly InstructionInfo[];
  /** Stages this stage copies or mounts from. */
  readonly dependencies: readonly StageDependency[];
  /** Variables at the end of the stage (inherited by `FROM <this stage>`). */
  readonly endScope: Scope;
  readonly endShell: ShellSetting;
  readonly isFinal: boolean;
  readonly windows: boolean;
}

export interface DockerfileModel {
  readonly file: Dockerfile;
  readonly source: SourceFile;
  readonly globalScope: Scope;
  readonly globalArgs: readonly InstructionInfo[];
  readonly stages: readonly Stage[];
  readonly finalStage: Stage | null;
  /** One entry per `file.instructions` element, same order. */
  readonly infos: readonly InstructionInfo[];
  /** The final stage and the stages it builds on (`FROM <stage>`): what the runtime image is made of. */
  readonly runtimeStages: ReadonlySet<Stage>;
  /** Every stage the final stage needs, directly or not (FROM, COPY --from, RUN --mount from). */
  readonly reachableStages: ReadonlySet<Stage>;
  infoOf(ins: Instruction): InstructionInfo | undefined;
  stageNamed(name: string): Stage | undefined;
}

const DEFAULT_POSIX_SHELL: ShellSetting = { argv: ['/bin/sh', '-c'], kind: 'posix', instruction: null };
const DEFAULT_WINDOWS_SHELL: ShellSetting = { argv: ['cmd', '/S', '/C'], kind: 'cmd', instruction: null };

export function shellKind(argv0: string | undefined): ShellKind {
  if (!argv0) return 'other';
  const base = argv0.replace(/^.*[\\/]/, '').toLowerCase().replace(/\.exe$/, '');
  if (['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'mksh', 'busybox'].includes(base)) return 'posix';
  if (base === 'pwsh' || base === 'powershell') return 'powershell';
  if (base === 'cmd') return 'cmd';
  return 'other';
}

const WINDOWS_IMAGE = /(?:^|\/)(?:windows|nanoserver|servercore|windowsservercore)(?:[/:@-]|$)|(?:^|[-:])(?:ltsc20\d\d|nanoserver|windowsservercore|servercore)/i;

function isWindowsStage(image: BaseImage, platform: Flag | undefined, parent: Stage | null): boolean {
  if (parent) return parent.windows;
  if (platform?.value && /^windows/i.test(platform.value)) return true;
  const name = image.ref ? `${image.ref.repository}:${image.ref.tag ?? ''}` : image.expanded.value;
  return WINDOWS_IMAGE.test(name);
}

class ModelBuilder {
  readonly infos: InstructionInfo[] = [];
  readonly stages: Stage[] = [];
  readonly byIns = new Map<Instruction, InstructionInfo>();
  readonly escape: '\\' | '`';

  constructor(readonly file: Dockerfile) {
    this.escape = file.escapeChar;
  }

  build(): DockerfileModel {
    const file = this.file;
    // Global scope: builtins, then global ARGs in order (defaults expanded with what came before).
    let globalScope = Scope.empty().with(...BUILTIN_ARGS.map((name): Variable => ({ name, value: null, kind: 'builtin', declaration: null })));
    const globalArgs: InstructionInfo[] = [];
    let i = 0;
    const all = file.instructions;
    for (; i < all.length; i++) {
      const ins = all[i] as Instruction;
      if (ins.name === 'FROM') break;
      const info: InstructionInfo = { instruction: ins, index: i, stage: null, scope: globalScope, shell: DEFAULT_POSIX_SHELL };
      this.push(info);
      globalArgs.push(info);
      if (ins.name === 'ARG') globalScope = this.declareArgs(ins, globalScope, globalScope, 'global-arg');
    }
    // Stages.
    while (i < all.length) {
      const from = all[i] as FromInstruction;
      const start = i;
      i++;
      while (i < all.length && (all[i] as Instruction).name !== 'FROM') i++;
      this.buildStage(from, start, all.slice(start + 1, i), globalScope);
    }
    const finalStage = this.stages.at(-1) ?? null;
    const runtimeStages = new Set<Stage>();
    for (let s: Stage | null = finalStage; s && !runtimeStages.has(s); s = s.parent) runtimeStages.add(s);
    const reachableStages = new Set<Stage>();
    const visit = (s: Stage): void => {
      if (reachableStages.has(s)) return;
      reachableStages.add(s);
      if (s.parent) visit(s.parent);
      for (const d of s.dependencies) visit(d.stage);
    };
    if (finalStage) visit(finalStage);
    const byIns = this.byIns;
    const stages = this.stages;
    return {
      file,
      source: new SourceFile(file.text),
      globalScope,
      globalArgs,
      stages,
      finalStage,
      infos: this.infos,
      runtimeStages,
      reachableStages,
      infoOf: (ins) => byIns.get(ins),
      stageNamed: (name) => {
        const lower = name.toLowerCase();
        return stages.find((s) => s.name === lower);
      },
    };
  }

  private push(info: InstructionInfo): void {
    this.infos.push(info);
    this.byIns.set(info.instruction, info);
  }

  /** ARG in a stage: the default expanded with the stage scope; no default → the global value if any. */
  private declareArgs(ins: ArgInstruction, scope: Scope, globalScope: Scope, kind: 'arg' | 'global-arg'): Scope {
    const vars: Variable[] = [];
    for (const a of ins.args) {
      if (!a.name) continue;
      let value: string | null;
      if (a.value !== null) {
        const e = expandWord(a.value, scope.with(...vars), this.escape);
        value = e.resolved ? e.value : null;
      } else if (kind === 'arg') {
        const g = globalScope.get(a.name);
        value = g && g.kind === 'global-arg' ? g.value : null;
      } else {
        value = null;
      }
      vars.push({ name: a.name, value, kind, declaration: ins });
    }
    return scope.with(...vars);
  }

  private declareEnv(ins: KeyValueInstruction, scope: Scope): Scope {
    // All pairs of one ENV see the variables from before the instruction.
    const vars: Variable[] = [];
    for (const p of ins.pairs) {
      const key = expandWord(p.key.text, scope, this.escape);
      const value = expandWord(p.value.text, scope, this.escape);
      if (!key.value) continue;
      vars.push({ name: key.value, value: value.resolved ? value.value : null, kind: 'env', declaration: ins });
    }
    return scope.with(...vars);
  }

  private resolveImage(from: FromInstruction, globalScope: Scope): BaseImage {
    const word = from.args[0] ?? null;
    const text = word?.text ?? '';
    const expanded = expandWord(text, globalScope, this.escape);
    const lower = expanded.value.toLowerCase();
    const stage = this.stages.find((s) => s.name !== null && s.name === expanded.value) ?? null;
    const scratch = !stage && lower === 'scratch';
    let ref: ImageReference | null = null;
    if (!stage && !scratch && expanded.value) {
      const r = parseImageReference(expanded.value);
      if (r.ok) ref = r.ref;
    }
    return { word, text, expanded, ref, stage, scratch };
  }

  private buildStage(from: FromInstruction, fromIndex: number, body: readonly Instruction[], globalScope: Scope): void {
    const image = this.resolveImage(from, globalScope);
    const parent = image.stage;
    const third = from.args.length === 3 ? (from.args[2] as Word) : null;
    const asWord = from.args.length >= 2 ? (from.args[1] as Word) : null;
    const platform = getFlag(from, 'platform');
    const windows = isWindowsStage(image, platform, parent);
    let scope = parent ? parent.endScope : Scope.empty();
    let shell: ShellSetting = parent ? parent.endShell : windows ? DEFAULT_WINDOWS_SHELL : DEFAULT_POSIX_SHELL;
    const infos: InstructionInfo[] = [];
    const dependencies: StageDependency[] = [];
    // The stage object is filled in as instructions are read; rules only see it complete.
    const stage = {
      index: this.stages.length,
      from,
      name: third && asWord && asWord.text.toLowerCase() === 'as' ? third.text.toLowerCase() : null,
      nameWord: third,
      asWord,
      platform,
      image,
      parent,
      instructions: infos,
      dependencies,
      endScope: scope,
      endShell: shell,
      isFinal: false,
      windows,
    } as { -readonly [K in keyof Stage]: Stage[K] };
    this.push({ instruction: from, index: fromIndex, stage, scope, shell });
    body.forEach((ins, k) => {
      const info: InstructionInfo = { instruction: ins, index: fromIndex + 1 + k, stage, scope, shell };
      infos.push(info);
      this.push(info);
      switch (ins.name) {
        case 'ARG':
          scope = this.declareArgs(ins, scope, globalScope, 'arg');
          break;
        case 'ENV':
          scope = this.declareEnv(ins, scope);
          break;
        case 'SHELL':
          if (ins.command?.form === 'exec' && ins.command.json.elements.length > 0) {
            const argv = ins.command.json.elements.map((e) => e.value);
            shell = { argv, kind: shellKind(argv[0]), instruction: ins };
          }
          break;
        case 'COPY': {
          const fromFlag = copyArgs(ins).from;
          const dep = fromFlag?.value ? this.stageRef(fromFlag.value) : undefined;
          if (dep) dependencies.push({ stage: dep, instruction: ins, via: 'copy' });
          break;
        }
        case 'RUN':
          for (const m of mounts(ins)) {
            const dep = m.from ? this.stageRef(m.from) : undefined;
            if (dep) dependencies.push({ stage: dep, instruction: ins, via: 'mount' });
          }
          break;
        default:
          break;
      }
    });
    stage.endScope = scope;
    stage.endShell = shell;
    if (this.stages.length > 0) (this.stages[this.stages.length - 1] as { isFinal: boolean }).isFinal = false;
    stage.isFinal = true;
    this.stages.push(stage);
  }

  /** `--from=<name|index>` among the stages defined so far (case-insensitive names). */
  private stageRef(ref: string): Stage | undefined {
    if (/^\d+$/.test(ref)) return this.stages[Number(ref)];
    const lower = ref.toLowerCase();
    return this.stages.find((s) => s.name === lower);
  }
}

export function buildModel(file: Dockerfile): DockerfileModel {
  return new ModelBuilder(file).build();
}
