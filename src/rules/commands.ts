/**
 * The RUN-script questions many rules share: which commands of a RUN run which program with
 * which subcommand and options, and where a word is in the Dockerfile.
 */
import type { RuleContext } from '../engine/rule.js';
import type { Span } from '../parser/source.js';
import type { InstructionInfo, Stage } from '../model/model.js';
import type { RunScript } from '../model/run-script.js';
import { effectiveCommand, invocation, parseOptions, type OptionSpec, type ParsedOptions, type ShellScript, type ShellWord, type SimpleCommand } from '../shell/index.js';
import { chainInfos, isTruthy, unquote } from './util.js';

export interface ProgramUse {
  readonly command: SimpleCommand;
  /** The program family (`pip` for pip3.12 and `python -m pip`). */
  readonly program: string;
  /** The arguments after the program name. */
  readonly args: readonly ShellWord[];
  /** Assignments in front of the command, also those given to `env`/`sudo`. */
  readonly env: ReadonlyMap<string, string | null>;
}

const usesCache = new WeakMap<ShellScript, ProgramUse[]>();

/** Every command of the script with the program it runs (computed once per script, shared by rules). */
export function programUses(script: RunScript): ProgramUse[] {
  const cached = usesCache.get(script.shell);
  if (cached) return cached;
  const out: ProgramUse[] = [];
  for (const command of script.shell.commands) {
    if (!command.name) continue;
    const inv = invocation(command);
    if (!inv) continue;
    const env = new Map<string, string | null>();
    for (const a of command.assignments) env.set(a.name, a.value?.value ?? null);
    for (const w of effectiveCommand(command).assignments) {
      const v = w.value ?? '';
      const eq = v.indexOf('=');
      if (eq > 0) env.set(v.slice(0, eq), v.slice(eq + 1));
    }
    out.push({ command, program: inv.program, args: inv.args, env });
  }
  usesCache.set(script.shell, out);
  return out;
}

/** The first non-option argument and the options around it (`apt-get -y install x`). */
export interface SubcommandView {
  readonly name: string | null;
  readonly word: ShellWord | null;
  readonly rest: readonly ShellWord[];
  readonly options: ParsedOptions;
}

const subMemo = new WeakMap<readonly ShellWord[], Map<OptionSpec, SubcommandView>>();

/** Memoised per argument list and spec, so the `rest` arrays are stable too (further lookups hit the caches). */
export function subcommandOf(args: readonly ShellWord[], spec: OptionSpec): SubcommandView {
  let bySpec = subMemo.get(args);
  const hit = bySpec?.get(spec);
  if (hit) return hit;
  const options = parseOptions(args, spec);
  const i = options.positionalIndexes[0];
  const word = i === undefined ? null : (args[i] as ShellWord);
  const view = { name: word?.value ?? null, word, rest: i === undefined ? EMPTY_WORDS : args.slice(i + 1), options };
  if (!bySpec) {
    bySpec = new Map();
    subMemo.set(args, bySpec);
  }
  bySpec.set(spec, view);
  return view;
}

const EMPTY_WORDS: readonly ShellWord[] = [];

/** The Dockerfile span of a shell word. */
export function wordSpan(script: RunScript, word: { readonly span: Span }): Span {
  return script.span(word.span.start, word.span.end);
}

/** Is the variable set to a truthy value by ENV in the stage (or the stages it builds on) before `info`? */
export function envTruthy(info: InstructionInfo, name: string): boolean | null {
  const v = info.scope.get(name);
  if (!v || v.kind !== 'env') return null;
  if (v.value === null) return null;
  return isTruthy(unquote(v.value));
}

/** `export NAME=value` earlier in the same script (before `command`), or a prefix assignment. */
export function exportedBefore(script: RunScript, command: SimpleCommand, name: string): string | null | undefined {
  let found: string | null | undefined;
  for (const c of script.shell.commands) {
    if (c.index >= command.index) break;
    const cmdName = c.name?.value;
    if (cmdName === 'export' || cmdName === 'declare' || cmdName === 'typeset') {
      for (const w of c.args) {
        const v = w.value;
        if (v?.startsWith(name + '=')) found = v.slice(name.length + 1);
      }
    }
    if (!c.name) for (const a of c.assignments) if (a.name === name) found = a.value?.value ?? null;
  }
  return found;
}

/** The stages whose layers end up in the final image: its FROM chain (where caches would ship). */
export function shipsLayers(ctx: RuleContext, stage: Stage | null): boolean {
  if (!stage) return true;
  if (ctx.model.runtimeStages.has(stage)) return true;
  // A later stage copying the whole filesystem of this one ships everything too.
  return ctx.model.stages.some((s) => s.dependencies.some((d) => d.stage === stage && d.via === 'copy' && d.instruction.name === 'COPY' && d.instruction.list?.items.slice(0, -1).some((w) => w.text === '/')));
}

export function runInfosOf(stage: Stage): InstructionInfo[] {
  return chainInfos(stage).filter((i) => i.instruction.name === 'RUN');
}

/** Does the text of an option/value word equal one of these? (literal words only) */
export function isValue(word: ShellWord | null | undefined, ...values: string[]): boolean {
  return word?.value !== null && word?.value !== undefined && values.includes(word.value);
}
