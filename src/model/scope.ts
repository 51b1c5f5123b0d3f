/**
 * Build-time variables with BuildKit's scoping: global ARGs (before the first FROM) are visible
 * only in FROM lines and later global defaults; inside a stage a variable exists after `ARG name`
 * or `ENV name=…`; `FROM <stage>` inherits the parent stage's variables.
 */
import type { Instruction } from '../parser/ast.js';

export type VariableKind = 'builtin' | 'global-arg' | 'arg' | 'env';

export interface Variable {
  readonly name: string;
  /** The value as far as it can be known before the build; null when it depends on the build (an ARG without default, a builtin platform arg). */
  readonly value: string | null;
  readonly kind: VariableKind;
  /** The ARG/ENV instruction that declared it (null for builtins). */
  readonly declaration: Instruction | null;
}

/** BuildKit's automatic platform args (global scope), see buildkit.md §5. */
export const BUILTIN_ARGS: readonly string[] = [
  'BUILDPLATFORM', 'BUILDOS', 'BUILDOSVERSION', 'BUILDARCH', 'BUILDVARIANT',
  'TARGETPLATFORM', 'TARGETOS', 'TARGETOSVERSION', 'TARGETARCH', 'TARGETVARIANT', 'TARGETSTAGE',
];

/** Proxy args reach RUN without a declaration. */
export const PROXY_ARGS: readonly string[] = [
  'HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'FTP_PROXY', 'ftp_proxy', 'NO_PROXY', 'no_proxy', 'ALL_PROXY', 'all_proxy',
];

/** An immutable set of variables; `with` returns a new scope (copy on write, only at ARG/ENV). */
export class Scope {
  private readonly vars: ReadonlyMap<string, Variable>;

  constructor(vars?: ReadonlyMap<string, Variable>) {
    this.vars = vars ?? new Map();
  }

  static empty(): Scope {
    return EMPTY_SCOPE;
  }

  get(name: string): Variable | undefined {
    return this.vars.get(name);
  }

  has(name: string): boolean {
    return this.vars.has(name);
  }

  /** The value when it is known; undefined when unset or unknown. */
  value(name: string): string | undefined {
    return this.vars.get(name)?.value ?? undefined;
  }

  names(): IterableIterator<string> {
    return this.vars.keys();
  }

  variables(): IterableIterator<Variable> {
    return this.vars.values();
  }

  with(...vars: Variable[]): Scope {
    if (vars.length === 0) return this;
    const next = new Map(this.vars);
    for (const v of vars) next.set(v.name, v);
    return new Scope(next);
  }
}

const EMPTY_SCOPE = new Scope();
