/**
 * Typed accessors over instruction arguments: what COPY copies, which mounts a RUN has, which
 * user USER names, how HEALTHCHECK is configured. Rules ask these instead of reading raw text.
 */
import type { CommandArgs, Flag, Heredoc, Instruction, ListInstruction, StringInstruction, Word } from '../parser/ast.js';
import type { Span } from '../parser/source.js';

export function getFlag(ins: Instruction, name: string): Flag | undefined {
  let found: Flag | undefined;
  for (const f of ins.flags) if (f.name === name) found = f;
  return found;
}

export function getFlags(ins: Instruction, name: string): Flag[] {
  return ins.flags.filter((f) => f.name === name);
}

export function hasFlag(ins: Instruction, name: string): boolean {
  return ins.flags.some((f) => f.name === name);
}

/** A boolean flag BuildKit style: bare = true, `=true|false` case-insensitively. */
export function boolFlag(ins: Instruction, name: string): boolean {
  const f = getFlag(ins, name);
  if (!f) return false;
  return f.value === null || f.value.toLowerCase() === 'true';
}

export function isExecForm(cmd: CommandArgs | null | undefined): cmd is Extract<CommandArgs, { form: 'exec' }> {
  return cmd?.form === 'exec';
}

/** The command as an argv: exec form elements, or the shell-form text as a single string. */
export function commandArgv(cmd: CommandArgs | null | undefined): string[] {
  if (!cmd) return [];
  return cmd.form === 'exec' ? cmd.json.elements.map((e) => e.value) : [cmd.text];
}

export interface CopySource {
  readonly word: Word;
  /** Set when the source is an inline heredoc file (`COPY <<EOF /dest`). */
  readonly heredoc: Heredoc | null;
  readonly isUrl: boolean;
  readonly isGit: boolean;
}

export interface CopyArgs {
  readonly sources: readonly CopySource[];
  readonly dest: Word | null;
  readonly from: Flag | undefined;
  readonly chown: Flag | undefined;
  readonly chmod: Flag | undefined;
  readonly link: boolean;
  readonly json: boolean;
}

const URL_RE = /^(?:https?|ftp):\/\//i;
const GIT_RE = /^(?:git@|git:\/\/|ssh:\/\/|https?:\/\/[^ ]*\.git(?:$|[#?]))/i;

export function copyArgs(ins: ListInstruction): CopyArgs {
  const items = ins.list?.items ?? [];
  const heredocs = new Map<string, Heredoc>();
  for (const h of ins.heredocs) heredocs.set(h.marker.text, h);
  const sources = items.slice(0, -1).map((word) => ({
    word,
    heredoc: ins.list?.json ? null : (heredocs.get(word.text) ?? null),
    isUrl: URL_RE.test(word.text),
    isGit: GIT_RE.test(word.text),
  }));
  return {
    sources,
    dest: items.length >= 2 ? (items[items.length - 1] as Word) : null,
    from: getFlag(ins, 'from'),
    chown: getFlag(ins, 'chown'),
    chmod: getFlag(ins, 'chmod'),
    link: boolFlag(ins, 'link'),
    json: ins.list?.json ?? false,
  };
}

export interface Mount {
  readonly flag: Flag;
  readonly type: string;
  readonly target: string | null;
  readonly source: string | null;
  readonly from: string | null;
  readonly id: string | null;
  /** Every `key=value` field, keys lowercased (a bare key maps to ''). */
  readonly fields: ReadonlyMap<string, string>;
}

/** Go's encoding/csv reading of one record (what BuildKit uses for `--mount`). */
export function splitCsv(value: string): string[] {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (value[i] === '"') {
      i++;
      for (;;) {
        if (i >= value.length) break;
        if (value[i] === '"') {
          if (value[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += value[i];
        i++;
      }
      while (i < value.length && value[i] !== ',') field += value[i++];
    } else {
      const comma = value.indexOf(',', i);
      const end = comma < 0 ? value.length : comma;
      field = value.slice(i, end);
      i = end;
    }
    out.push(field);
    if (i >= value.length) return out;
    i++; // the comma
  }
}

export function parseMount(flag: Flag): Mount {
  const fields = new Map<string, string>();
  for (const field of splitCsv(flag.value ?? '')) {
    const eq = field.indexOf('=');
    const key = (eq < 0 ? field : field.slice(0, eq)).trim().toLowerCase();
    if (key) fields.set(key, eq < 0 ? '' : field.slice(eq + 1));
  }
  const pick = (...keys: string[]): string | null => {
    for (const k of keys) {
      const v = fields.get(k);
      if (v !== undefined) return v;
    }
    return null;
  };
  return {
    flag,
    type: (fields.get('type') ?? 'bind').toLowerCase(),
    target: pick('target', 'dst', 'destination'),
    source: pick('source', 'src'),
    from: pick('from'),
    id: pick('id'),
    fields,
  };
}

export function mounts(ins: Instruction): Mount[] {
  return getFlags(ins, 'mount').map(parseMount);
}

/** Is there a cache or tmpfs mount whose target is (or is inside) one of the given paths? */
export function hasCacheMount(ins: Instruction, test: (target: string) => boolean): boolean {
  return mounts(ins).some((m) => (m.type === 'cache' || m.type === 'tmpfs') && m.target !== null && test(m.target.trim().replace(/\/+$/, '')));
}

export interface UserSpec {
  readonly user: string;
  readonly group: string | null;
  readonly userSpan: Span;
}

export function userSpec(ins: StringInstruction): UserSpec | null {
  const v = ins.value;
  if (!v) return null;
  const colon = v.text.indexOf(':');
  const user = colon < 0 ? v.text : v.text.slice(0, colon);
  return {
    user,
    group: colon < 0 ? null : v.text.slice(colon + 1),
    userSpan: { start: v.span.start, end: v.span.start + user.length },
  };
}

export interface HealthcheckOptions {
  readonly interval: string | null;
  readonly timeout: string | null;
  readonly startPeriod: string | null;
  readonly startInterval: string | null;
  readonly retries: string | null;
}

export function healthcheckOptions(ins: Instruction): HealthcheckOptions {
  const v = (n: string): string | null => getFlag(ins, n)?.value ?? null;
  return { interval: v('interval'), timeout: v('timeout'), startPeriod: v('start-period'), startInterval: v('start-interval'), retries: v('retries') };
}
