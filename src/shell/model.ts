/**
 * The command model built while parsing: where each simple command sits (scopes, pipeline,
 * connectors). The parser creates the objects; these helpers keep their shape in one place.
 */
import type { CommandContext, Connector, Pipeline, ScopeKind, SimpleCommand } from './ast.js';

export type Mutable<T> = { -readonly [K in keyof T]: T[K] };
export type MutableContext = Mutable<CommandContext>;
export type MutableCommand = Omit<Mutable<SimpleCommand>, 'context'> & { context: MutableContext };

/** The constructs around the parser's position; shared by every command created inside them. */
export interface Scope {
  readonly kinds: readonly ScopeKind[];
  readonly inCondition: boolean;
  readonly inSubshell: boolean;
  readonly inCommandSubstitution: boolean;
  readonly inLoop: boolean;
  readonly inBranch: boolean;
  readonly inFunction: string | null;
  readonly shellString: SimpleCommand | null;
}

export const ROOT_SCOPE: Scope = {
  kinds: [],
  inCondition: false,
  inSubshell: false,
  inCommandSubstitution: false,
  inLoop: false,
  inBranch: false,
  inFunction: null,
  shellString: null,
};

export function enterScope(scope: Scope, kind: ScopeKind, functionName: string | null = null, host: SimpleCommand | null = null): Scope {
  return {
    kinds: [...scope.kinds, kind],
    inCondition: scope.inCondition || kind === 'condition',
    inSubshell: scope.inSubshell || kind === 'subshell',
    inCommandSubstitution: scope.inCommandSubstitution || kind === 'command-substitution' || kind === 'process-substitution',
    inLoop: scope.inLoop || kind === 'loop',
    inBranch: scope.inBranch || kind === 'branch',
    inFunction: kind === 'function' ? functionName : scope.inFunction,
    shellString: kind === 'shell-string' ? host : scope.shellString,
  };
}

export function newContext(scope: Scope): MutableContext {
  return {
    before: null,
    after: null,
    pipeline: null,
    negated: false,
    background: false,
    scopes: scope.kinds,
    inCondition: scope.inCondition,
    inSubshell: scope.inSubshell,
    inCommandSubstitution: scope.inCommandSubstitution,
    inLoop: scope.inLoop,
    inBranch: scope.inBranch,
    inFunction: scope.inFunction,
    shellString: scope.shellString,
  };
}

/** Records the pipeline's position and connectors on its simple commands. */
export function placePipeline(pipeline: Pipeline, before: Connector, after: Connector): void {
  const commands = pipeline.commands;
  const length = commands.length;
  for (let i = 0; i < length; i++) {
    const command = commands[i];
    if (command?.type !== 'simple') continue;
    const context = command.context as MutableContext;
    context.before = before;
    context.after = after;
    context.negated = pipeline.negated;
    if (length > 1) context.pipeline = { index: i, length };
  }
}
