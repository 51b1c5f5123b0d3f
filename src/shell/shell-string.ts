/**
 * Scripts inside strings: `sh -c '…'`, `bash -euxc "…"`, `su app -c '…'`. Finds the string
 * argument and says how to parse it so that positions land in the outer script.
 */
import type { ShellWord, SimpleCommand } from './ast.js';
import { DerivedText, WholeMap } from './offsets.js';
import type { OffsetMap } from './offsets.js';
import { commandName, effectiveCommand } from './query.js';

const SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'ksh', 'mksh', 'zsh']);
const SU = new Set(['su', 'runuser']);
/** Names worth a closer look (wrappers included): keeps the check off the common path. */
const CANDIDATES = new Set([...SHELLS, ...SU, 'busybox', 'sudo', 'doas', 'env', 'exec', 'command', 'nohup', 'nice', 'time', 'timeout', 'xargs', 'gosu', 'su-exec', 'chroot', 'stdbuf', 'ionice', 'eatmydata', 'builtin']);

/** The index in `command.args` of the script string it runs, or -1. */
export function shellStringIndex(command: SimpleCommand): number {
  const v = command.name?.value;
  // Cheap filter first: this runs for every command.
  if (v === undefined || v === null || (v.indexOf('/') < 0 ? !CANDIDATES.has(v) : !CANDIDATES.has(commandName(command) as string))) return -1;
  const view = effectiveCommand(command);
  let name = commandName(view);
  let args = view.args;
  let offset = view.argsIndex;
  if (name === 'busybox' && args.length > 0) {
    name = args[0]?.value ?? null;
    args = args.slice(1);
    offset++;
  }
  if (name === null) return -1;
  if (SHELLS.has(name)) {
    const k = shellDashC(args);
    return k < 0 ? -1 : offset + k;
  }
  if (SU.has(name)) {
    for (let i = 0; i < args.length - 1; i++) {
      const v = args[i]?.value;
      if (v === '-c' || v === '--command') return offset + i + 1;
      if (v === '-s' || v === '--shell' || v === '-g' || v === '--group' || v === '-u' || v === '--user') i++;
    }
  }
  return -1;
}

/** `sh [options] -c [options] STRING`: the index of STRING when `c` is among the options. */
function shellDashC(args: readonly ShellWord[]): number {
  let c = false;
  let i = 0;
  for (; i < args.length; i++) {
    const v = (args[i] as ShellWord).value;
    // An expansion is an operand (the script itself, when it comes right after `-c`).
    if (v === null) break;
    if (v === '--' || v === '-') {
      i++;
      break;
    }
    const sign = v.charAt(0);
    if (v.length < 2 || (sign !== '-' && sign !== '+')) break;
    if (v.startsWith('--')) {
      if (v === '--rcfile' || v === '--init-file') i++;
      continue;
    }
    if (sign === '-' && v.includes('c')) c = true;
    if (v.includes('o') || v.includes('O')) i++;
  }
  return c && i < args.length ? i : -1;
}

export type EmbeddedSource =
  | { readonly kind: 'in-place'; readonly from: number; readonly to: number }
  | { readonly kind: 'derived'; readonly text: string; readonly map: (parent: OffsetMap | null) => OffsetMap };

/**
 * How to parse the script in `word` (which starts at `start` in `text`): in place when its value
 * is a slice of the text (`'…'`, `"…"` without escapes), as unescaped text mapped back character
 * by character when it is another literal, and as an approximation mapped to the whole word when
 * it contains expansions.
 */
export function embeddedScriptSource(word: ShellWord, start: number, text: string): EmbeddedSource {
  if (word.value !== null) {
    const b = new DerivedText();
    if (appendUnquoted(b, word.raw, start)) {
      const source = b.singleSource;
      if (source !== null && text.startsWith(b.text, source)) return { kind: 'in-place', from: source, to: source + b.text.length };
      return { kind: 'derived', text: b.text, map: (parent) => b.build(parent, start) };
    }
  }
  const only = word.parts[0];
  const approx = word.parts.length === 1 && only?.type === 'double-quoted' ? unescapeDoubleQuoted(word.raw.slice(1, -1)) : word.value ?? word.raw;
  return { kind: 'derived', text: approx, map: () => new WholeMap(word.span) };
}

const QUOTING = /[\\'"$]/g;

/** Appends the value of a literal word, each run tied to its source offset; false for `$'…'`. */
function appendUnquoted(b: DerivedText, raw: string, base: number): boolean {
  let i = 0;
  while (i < raw.length) {
    const c = raw.charAt(i);
    if (c === '\\') {
      if (i + 1 >= raw.length) {
        b.append(c, base + i);
        i++;
      } else {
        if (raw.charAt(i + 1) !== '\n') b.appendEscaped(raw.charAt(i + 1), base + i, base + i + 2);
        i += 2;
      }
    } else if (c === "'") {
      const close = raw.indexOf("'", i + 1);
      if (close < 0) {
        b.append(c, base + i);
        i++;
      } else {
        b.append(raw.slice(i + 1, close), base + i + 1);
        i = close + 1;
      }
    } else if (c === '"' || (c === '$' && raw.charAt(i + 1) === '"')) {
      i += c === '$' ? 2 : 1;
      while (i < raw.length && raw.charAt(i) !== '"') {
        const d = raw.charAt(i);
        if (d === '\\' && i + 1 < raw.length && '$`"\\\n'.includes(raw.charAt(i + 1))) {
          if (raw.charAt(i + 1) !== '\n') b.appendEscaped(raw.charAt(i + 1), base + i, base + i + 2);
          i += 2;
          continue;
        }
        let j = i + 1;
        while (j < raw.length && raw.charAt(j) !== '"' && raw.charAt(j) !== '\\') j++;
        b.append(raw.slice(i, j), base + i);
        i = j;
      }
      i++;
    } else if (c === '$' && raw.charAt(i + 1) === "'") {
      return false;
    } else {
      QUOTING.lastIndex = i + 1;
      const m = QUOTING.exec(raw);
      const j = m ? m.index : raw.length;
      b.append(raw.slice(i, j), base + i);
      i = j;
    }
  }
  return true;
}

function unescapeDoubleQuoted(s: string): string {
  return s.replace(/\\([$`"\\\n])/g, (_, c: string) => (c === '\n' ? '' : c));
}
