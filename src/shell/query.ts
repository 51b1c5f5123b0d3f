/** Questions rules ask about commands: which program really runs, with which arguments. */
import type { ShellScript, ShellWord, SimpleCommand } from './ast.js';
import { parseOptions } from './options.js';
import type { OptionSpec } from './options.js';

/** The basename of a literal command word (`/usr/bin/apt-get` → `apt-get`), or null. */
export function commandName(command: { readonly name: ShellWord | null }): string | null {
  const v = command.name?.value;
  if (v === undefined || v === null) return null;
  const base = v.slice(v.lastIndexOf('/') + 1);
  return base === '' ? null : base;
}

export interface WrapperUse {
  /** The wrapper's basename (`sudo`, `env`…). */
  readonly name: string;
  readonly word: ShellWord;
}

/** A command seen through its wrappers: `sudo -E env A=1 apt-get install x` is `apt-get install x`. */
export interface EffectiveCommand {
  readonly command: SimpleCommand;
  /** The program that runs, or null when the wrappers run none (`exec > log`, `env` alone). */
  readonly name: ShellWord | null;
  readonly args: readonly ShellWord[];
  /** `args` is `command.args.slice(argsIndex)`. */
  readonly argsIndex: number;
  /** The wrappers skipped, outermost first. */
  readonly wrappers: readonly WrapperUse[];
  /** `NAME=value` words given to `env` or `sudo`. */
  readonly assignments: readonly ShellWord[];
}

interface WrapperSpec {
  /** Short options that take a value. */
  readonly short: string;
  /** Long options (without `--`) that take a value. */
  readonly long: readonly string[];
  /** Operands before the command (`timeout 10 cmd`, `gosu user cmd`). */
  readonly operands: number;
  /** Options with which the wrapper runs no command (`command -v`, `sudo -l`). */
  readonly stop: readonly string[];
  /** Takes `NAME=value` words before the command. */
  readonly assignments: boolean;
}

function wrapper(spec: Partial<WrapperSpec>): WrapperSpec {
  return { short: '', long: [], operands: 0, stop: [], assignments: false, ...spec };
}

const WRAPPERS: ReadonlyMap<string, WrapperSpec> = new Map([
  ['sudo', wrapper({ short: 'CDghpRrtTUu', long: ['close-from', 'chdir', 'group', 'host', 'prompt', 'chroot', 'role', 'type', 'command-timeout', 'other-user', 'user'], stop: ['-l', '--list', '-v', '--validate', '-e', '--edit', '-V', '--version', '-K', '--remove-timestamp'], assignments: true })],
  ['doas', wrapper({ short: 'uC', stop: ['-L'] })],
  ['env', wrapper({ short: 'uCS', long: ['unset', 'chdir', 'split-string'], assignments: true })],
  ['command', wrapper({ stop: ['-v', '-V'] })],
  ['builtin', wrapper({})],
  ['exec', wrapper({ short: 'a' })],
  ['nohup', wrapper({})],
  ['time', wrapper({ short: 'fo', long: ['format', 'output'] })],
  ['nice', wrapper({ short: 'n', long: ['adjustment'] })],
  ['ionice', wrapper({ short: 'cnpP', long: ['class', 'classdata', 'pid', 'pgid', 'uid'] })],
  ['timeout', wrapper({ short: 'ks', long: ['kill-after', 'signal'], operands: 1 })],
  ['xargs', wrapper({ short: 'aEdILnPs', long: ['arg-file', 'eof', 'delimiter', 'max-args', 'max-procs', 'max-chars', 'process-slot-var'] })],
  ['gosu', wrapper({ operands: 1 })],
  ['su-exec', wrapper({ operands: 1 })],
  ['chroot', wrapper({ long: ['userspec', 'groups'], operands: 1 })],
  ['stdbuf', wrapper({ short: 'ioe', long: ['input', 'output', 'error'] })],
  ['eatmydata', wrapper({})],
]);

const ASSIGNMENT_WORD = /^[A-Za-z_][A-Za-z0-9_]*=/;
const effectiveCache = new WeakMap<SimpleCommand, EffectiveCommand>();

/** Skips the wrappers (sudo, env, command, exec, nohup, time, nice, timeout, xargs, gosu…) in front of a command. */
export function effectiveCommand(command: SimpleCommand): EffectiveCommand {
  const cached = effectiveCache.get(command);
  if (cached) return cached;
  const args = command.args;
  let name = command.name;
  let argsIndex = 0;
  const wrappers: WrapperUse[] = [];
  const assignments: ShellWord[] = [];
  while (name !== null) {
    const base = commandName({ name });
    const spec = base === null ? undefined : WRAPPERS.get(base);
    if (base === null || spec === undefined) break;
    let i = argsIndex;
    let operands = spec.operands;
    let stopped = false;
    while (i < args.length) {
      const v = (args[i] as ShellWord).value;
      if (v === null) break;
      if (v === '--') {
        i++;
        break;
      }
      if (spec.assignments && ASSIGNMENT_WORD.test(v)) {
        assignments.push(args[i] as ShellWord);
        i++;
        continue;
      }
      if (v === '-' && base === 'env') {
        i++;
        continue;
      }
      if (v.length > 1 && v.charAt(0) === '-' && operands === spec.operands) {
        if (spec.stop.includes(v)) {
          stopped = true;
          break;
        }
        if (v.startsWith('--')) {
          i += !v.includes('=') && spec.long.includes(v.slice(2)) ? 2 : 1;
          continue;
        }
        let takesNext = false;
        for (let j = 1; j < v.length; j++) {
          if (spec.short.includes(v.charAt(j))) {
            takesNext = j === v.length - 1;
            break;
          }
        }
        i += takesNext ? 2 : 1;
        continue;
      }
      if (operands > 0) {
        operands--;
        i++;
        continue;
      }
      break;
    }
    if (stopped) break;
    wrappers.push({ name: base, word: name });
    if (i >= args.length) {
      name = null;
      argsIndex = args.length;
      break;
    }
    name = args[i] as ShellWord;
    argsIndex = i + 1;
  }
  const view: EffectiveCommand = { command, name, args: argsIndex === 0 ? args : args.slice(argsIndex), argsIndex, wrappers, assignments };
  effectiveCache.set(command, view);
  return view;
}

/** Every command whose effective program (wrappers skipped) has one of these basenames, in source order. */
export function commandsNamed(script: ShellScript, names: string | readonly string[]): EffectiveCommand[] {
  const wanted = typeof names === 'string' ? [names] : names;
  const out: EffectiveCommand[] = [];
  for (const command of script.commands) {
    if (command.name === null) continue;
    const view = effectiveCommand(command);
    const name = commandName(view);
    if (name !== null && wanted.includes(name)) out.push(view);
  }
  return out;
}

export interface Subcommand {
  /** The subcommand's literal value, or null when it is an expansion. */
  readonly name: string | null;
  readonly word: ShellWord;
  /** The arguments after the subcommand. */
  readonly args: readonly ShellWord[];
  /** Index of `word` in the arguments given to `subcommand`. */
  readonly index: number;
}

/**
 * The first operand after the options: `install` in `apt-get -y install x`. `spec` names the
 * options that take a value (`-o Dpkg::…`, `-t release`), so their values are not mistaken for it.
 */
export function subcommand(command: { readonly args: readonly ShellWord[] }, spec: OptionSpec = {}): Subcommand | null {
  const parsed = parseOptions(command.args, { ...spec, stopAtPositional: true });
  const word = parsed.positionals[0];
  const index = parsed.positionalIndexes[0];
  if (word === undefined || index === undefined) return null;
  return { name: word.value, word, args: command.args.slice(index + 1), index };
}

/** A program as invoked: `pip install x` and `python3 -m pip install x` both give program `pip`. */
export interface Invocation {
  readonly program: string;
  /** How it was started: directly, or as `python -m module`. */
  readonly via: 'command' | 'python-module';
  readonly args: readonly ShellWord[];
  /** Index of the first of `args` in the effective command's arguments. */
  readonly argsIndex: number;
}

const PYTHON = /^(python|pypy)[0-9.]*$/;
/** Python tools installed with a version suffix (`pip3.12`, `python3`, `easy_install-3.8`). */
const VERSIONED = /^(python|pip|pypy|easy_install|pydoc|idle)-?[0-9][0-9.]*$/;

/** A Python tool's name without its version suffix: `pip3.12` → `pip`; other names unchanged. */
export function programFamily(name: string): string {
  const m = VERSIONED.exec(name);
  return m ? (m[1] as string) : name;
}

/** The program the command runs, looking through wrappers and `python -m`; null when unknown. */
export function invocation(command: SimpleCommand): Invocation | null {
  const view = effectiveCommand(command);
  const name = commandName(view);
  if (name === null) return null;
  const args = view.args;
  if (PYTHON.test(name)) {
    for (let i = 0; i < args.length; i++) {
      const v = (args[i] as ShellWord).value;
      if (v === null || v === '-c' || v === '-' || !v.startsWith('-')) break;
      if (v === '-m' || (v.startsWith('-m') && !v.startsWith('--'))) {
        const module = v === '-m' ? args[i + 1]?.value : v.slice(2);
        if (module === undefined || module === null) return null;
        const argsIndex = v === '-m' ? i + 2 : i + 1;
        return { program: programFamily(module), via: 'python-module', args: args.slice(argsIndex), argsIndex };
      }
      if (v === '-W' || v === '-X' || v === '--check-hash-based-pycs') i++;
    }
  }
  return { program: programFamily(name), via: 'command', args, argsIndex: 0 };
}
