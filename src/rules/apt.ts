/** apt-get / apt / aptitude and apk as rules see them. */
import type { OptionSpec, ShellWord } from '../shell/index.js';
import type { ProgramUse } from './commands.js';
import { subcommandOf } from './commands.js';

export const APT_OPTIONS: OptionSpec = {
  short: 'otca',
  long: ['option', 'target-release', 'default-release', 'config-file', 'host-architecture', 'build-profiles'],
  aliases: { y: 'yes', 'assume-yes': 'yes', o: 'option', t: 'target-release', q: 'quiet', c: 'config-file' },
};

export const APK_OPTIONS: OptionSpec = {
  short: 'tXpU',
  long: ['virtual', 'repository', 'root', 'arch', 'cache-dir', 'keys-dir', 'repositories-file', 'timeout', 'cache-max-age'],
  aliases: { t: 'virtual', X: 'repository', p: 'root' },
};

export const APT_PROGRAMS = new Set(['apt-get', 'apt', 'aptitude']);

export interface AptUse {
  readonly use: ProgramUse;
  readonly program: string;
  readonly sub: string | null;
  readonly subWord: ShellWord | null;
  readonly options: ReturnType<typeof subcommandOf>['options'];
  /** Packages (positionals after the subcommand). */
  readonly packages: readonly ShellWord[];
}

export function aptUse(use: ProgramUse): AptUse | null {
  if (!APT_PROGRAMS.has(use.program)) return null;
  const sub = subcommandOf(use.args, APT_OPTIONS);
  const rest = sub.options.positionals.slice(1);
  return { use, program: use.program, sub: sub.name, subWord: sub.word, options: sub.options, packages: rest };
}

/** `-o APT::Install-Recommends=false` (or `=0`) given to apt. */
export function optionSetting(a: AptUse, key: string): string | null {
  let value: string | null = null;
  for (const o of a.options.all('option')) {
    const v = o.value ?? '';
    const eq = v.indexOf('=');
    if (eq > 0 && v.slice(0, eq).toLowerCase() === key.toLowerCase()) value = v.slice(eq + 1);
  }
  return value;
}

/** apt-get's quiet level: `-q` counts once each, `-qq` twice, `-q=2` sets it. */
export function quietLevel(a: AptUse): number {
  let level = 0;
  for (const o of a.options.all('quiet')) {
    if (o.value !== null && /^\d+$/.test(o.value)) level = Number(o.value);
    else level++;
  }
  return level;
}

export interface ApkUse {
  readonly use: ProgramUse;
  readonly sub: string | null;
  readonly subWord: ShellWord | null;
  readonly options: ReturnType<typeof subcommandOf>['options'];
  readonly packages: readonly ShellWord[];
}

export function apkUse(use: ProgramUse): ApkUse | null {
  if (use.program !== 'apk') return null;
  const sub = subcommandOf(use.args, APK_OPTIONS);
  return { use, sub: sub.name, subWord: sub.word, options: sub.options, packages: sub.options.positionals.slice(1) };
}

/** Does a `rm` remove the apt lists (`rm -rf /var/lib/apt/lists/*`)? */
export function removesAptLists(use: ProgramUse): boolean {
  if (use.program !== 'rm') return false;
  return use.args.some((w) => /^\/var\/lib\/apt\/lists(?:\/\*?|\/\.\*)?$/.test(w.raw.replace(/["']/g, '')));
}
