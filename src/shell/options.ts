/**
 * GNU/POSIX option parsing over shell words, for rules that ask "does this `apt-get install` have
 * `-y`" or "where is `--no-cache-dir`". Words that are not literal (`$FLAGS`) are positionals:
 * what they expand to is unknown.
 */
import type { ShellWord, Span } from './ast.js';

export interface OptionSpec {
  /** Short option letters that take a value: `'ot'` for apt-get's `-o X` and `-t X`. */
  readonly short?: string;
  /** Long option names (without `--`) that take a value. */
  readonly long?: readonly string[];
  /** Names (without dashes) mapped to one canonical name: `{ y: 'yes', 'assume-yes': 'yes' }`. */
  readonly aliases?: Readonly<Record<string, string>>;
  /** Options end at the first positional (POSIX); by default they may follow positionals (GNU). */
  readonly stopAtPositional?: boolean;
}

export interface ParsedOption {
  /** The canonical name, without dashes: `y`, `no-cache-dir` (after `aliases`). */
  readonly name: string;
  /** As written, without the value: `-y`, `--no-cache-dir`, `-o`. */
  readonly flag: string;
  readonly value: string | null;
  /** The word holding the value: the option's own word (`-ofoo`, `--a=b`) or the next one; null without a value. */
  readonly valueWord: ShellWord | null;
  /** The word the option is written in (one word may hold several: `-yq`). */
  readonly word: ShellWord;
  /** Index of `word` in the parsed arguments. */
  readonly index: number;
  /** The option's own text: the letter of a combined `-yq`, when the word is plain text; else the whole word. */
  readonly span: Span;
}

export interface ParsedOptions {
  readonly options: readonly ParsedOption[];
  readonly positionals: readonly ShellWord[];
  /** Index in the parsed arguments of each positional. */
  readonly positionalIndexes: readonly number[];
  /** The `--` that ended the options, if any. */
  readonly terminator: ShellWord | null;
  /** Names may be given with or without dashes (`'y'`, `'-y'`, `'--yes'`); aliases apply. */
  has(name: string): boolean;
  /** The last occurrence (the one that wins). */
  get(name: string): ParsedOption | undefined;
  all(name: string): readonly ParsedOption[];
}

function canonical(name: string, spec: OptionSpec): string {
  const bare = name.replace(/^--?/, '');
  return spec.aliases?.[bare] ?? bare;
}

const memo = new WeakMap<readonly ShellWord[], Map<OptionSpec, ParsedOptions>>();
const NO_SPEC: OptionSpec = {};

/** Parses options; results are memoised per argument list and spec object (rules ask the same questions). */
export function parseOptions(args: readonly ShellWord[], spec: OptionSpec = NO_SPEC): ParsedOptions {
  let bySpec = memo.get(args);
  const hit = bySpec?.get(spec);
  if (hit) return hit;
  const parsed = parseOptionsUncached(args, spec);
  if (!bySpec) {
    bySpec = new Map();
    memo.set(args, bySpec);
  }
  bySpec.set(spec, parsed);
  return parsed;
}

function parseOptionsUncached(args: readonly ShellWord[], spec: OptionSpec): ParsedOptions {
  const options: ParsedOption[] = [];
  const positionals: ShellWord[] = [];
  const positionalIndexes: number[] = [];
  const short = spec.short ?? '';
  const long = spec.long ?? [];
  let terminator: ShellWord | null = null;
  let done = false;
  for (let i = 0; i < args.length; i++) {
    const word = args[i] as ShellWord;
    const v = word.value;
    if (done || v === null || v.length < 2 || v.charAt(0) !== '-') {
      positionals.push(word);
      positionalIndexes.push(i);
      if (spec.stopAtPositional) done = true;
      continue;
    }
    if (v === '--') {
      terminator = word;
      done = true;
      continue;
    }
    const index = i;
    if (v.startsWith('--')) {
      const eq = v.indexOf('=');
      const bare = v.slice(2, eq < 0 ? v.length : eq);
      let value: string | null = null;
      let valueWord: ShellWord | null = null;
      if (eq >= 0) {
        value = v.slice(eq + 1);
        valueWord = word;
      } else if (long.includes(bare) && i + 1 < args.length) {
        valueWord = args[++i] as ShellWord;
        value = valueWord.value;
      }
      options.push({ name: canonical(bare, spec), flag: eq < 0 ? v : v.slice(0, eq), value, valueWord, word, index, span: word.span });
      continue;
    }
    // `-abc`: letters until one takes a value, which is the rest of the word or the next word.
    const exact = word.raw === v;
    for (let j = 1; j < v.length; j++) {
      const letter = v.charAt(j);
      const span = exact ? { start: word.span.start + j, end: word.span.start + j + 1 } : word.span;
      if (!short.includes(letter)) {
        options.push({ name: canonical(letter, spec), flag: `-${letter}`, value: null, valueWord: null, word, index, span });
        continue;
      }
      let value: string | null = null;
      let valueWord: ShellWord | null = null;
      if (j + 1 < v.length) {
        value = v.slice(j + 1);
        valueWord = word;
      } else if (i + 1 < args.length) {
        valueWord = args[++i] as ShellWord;
        value = valueWord.value;
      }
      options.push({ name: canonical(letter, spec), flag: `-${letter}`, value, valueWord, word, index, span });
      break;
    }
  }
  const all = (name: string): readonly ParsedOption[] => {
    const c = canonical(name, spec);
    return options.filter((o) => o.name === c);
  };
  return {
    options,
    positionals,
    positionalIndexes,
    terminator,
    has: (name) => all(name).length > 0,
    get: (name) => all(name).at(-1),
    all,
  };
}
