/** yum, dnf and microdnf as the rules see them: the action, its packages, pins and clean-up. */
import { hasCacheMount } from '../../model/instructions.js';
import type { InstructionInfo } from '../../model/model.js';
import type { RunScript } from '../../model/run-script.js';
import { parseOptions, type OptionSpec, type ParsedOptions, type ShellWord, type SimpleCommand } from '../../shell/index.js';
import { exportedBefore, type ProgramUse } from '../commands.js';
import type { Resolve } from './shared.js';

export const RPM_OPTIONS: OptionSpec = {
  short: 'cdeRx',
  long: [
    'config', 'debuglevel', 'errorlevel', 'randomwait', 'exclude', 'excludepkgs', 'installroot', 'releasever', 'setopt', 'repo', 'repoid',
    'enablerepo', 'disablerepo', 'forcearch', 'color', 'comment', 'downloaddir', 'destdir', 'disableexcludes', 'disableexcludepkgs',
    'repofrompath', 'enableplugin', 'disableplugin', 'rpmverbosity', 'advisory', 'advisories', 'bz', 'bzs', 'cve', 'cves', 'secseverity',
    'sec-severity', 'from-repo', 'installonly-limit',
  ],
  aliases: { y: 'assumeyes', x: 'exclude' },
};

export type RpmProgram = 'yum' | 'dnf' | 'microdnf';
export type RpmKind = 'package' | 'group' | 'module';

export interface RpmUse {
  readonly use: ProgramUse;
  readonly program: RpmProgram;
  /** `install` for `install`/`in`/`localinstall`, `upgrade` for `update`/`up`, …; null when unknown. */
  readonly action: string | null;
  readonly kind: RpmKind;
  /** The last word naming the action (`install` in `dnf module install`). */
  readonly actionWord: ShellWord | null;
  readonly options: ParsedOptions;
  /** Package, group or module specs after the action. */
  readonly specs: readonly ShellWord[];
}

const ACTIONS: Readonly<Record<string, string>> = {
  install: 'install', in: 'install', localinstall: 'install',
  reinstall: 'reinstall', rei: 'reinstall',
  upgrade: 'upgrade', up: 'upgrade', update: 'upgrade', localupdate: 'upgrade',
  'upgrade-minimal': 'upgrade-minimal', 'update-minimal': 'upgrade-minimal', 'up-min': 'upgrade-minimal',
  downgrade: 'downgrade', dg: 'downgrade',
  'distro-sync': 'distro-sync', dsync: 'distro-sync', 'distribution-synchronization': 'distro-sync',
  remove: 'remove', rm: 'remove', erase: 'remove', autoremove: 'autoremove',
  swap: 'swap', clean: 'clean',
  enable: 'enable', disable: 'disable', reset: 'reset', 'switch-to': 'switch-to',
};

const GROUP_SHORTHANDS: Readonly<Record<string, string>> = {
  groupinstall: 'install', groupupdate: 'upgrade', groupupgrade: 'upgrade', groupremove: 'remove', grouperase: 'remove',
};

function isRpmProgram(p: string): p is RpmProgram {
  return p === 'yum' || p === 'dnf' || p === 'microdnf' || p === 'dnf5' || p === 'dnf-3';
}

/** A yum/dnf/microdnf command with its action and specs, or null for other programs. */
export function rpmUse(use: ProgramUse): RpmUse | null {
  if (!isRpmProgram(use.program)) return null;
  const program: RpmProgram = use.program === 'yum' || use.program === 'microdnf' ? use.program : 'dnf';
  const options = parseOptions(use.args, RPM_OPTIONS);
  const words = options.positionals;
  const first = words[0] ?? null;
  const name = first?.value ?? null;
  if (name === 'module' || name === 'group' || name === 'groups') {
    const second = words[1] ?? null;
    const action = second?.value ?? null;
    return { use, program, action: action === null ? null : (ACTIONS[action] ?? action), kind: name === 'module' ? 'module' : 'group', actionWord: second ?? first, options, specs: words.slice(2) };
  }
  if (name !== null && GROUP_SHORTHANDS[name] !== undefined) {
    return { use, program, action: GROUP_SHORTHANDS[name] ?? null, kind: 'group', actionWord: first, options, specs: words.slice(1) };
  }
  return { use, program, action: name === null ? null : (ACTIONS[name] ?? name), kind: 'package', actionWord: first, options, specs: words.slice(1) };
}

/** How the command was written, for messages: `dnf module install`. */
export function rpmCommandText(r: RpmUse): string {
  const head = r.options.positionals.slice(0, r.options.positionals.length - r.specs.length);
  return [r.program, ...head.map((w) => w.value ?? w.raw)].join(' ');
}

/** Actions that ask "Is this ok [y/N]" unless `-y` is given. */
const PROMPTS: ReadonlySet<string> = new Set(['install', 'reinstall', 'upgrade', 'upgrade-minimal', 'downgrade', 'distro-sync', 'remove', 'autoremove', 'swap', 'enable', 'disable', 'reset', 'switch-to']);

/** Does the command stop at a confirmation prompt in a build (no `-y`, `--assumeyes` or `--setopt=assumeyes=1`)? */
export function promptsForConfirmation(r: RpmUse): boolean {
  if (r.action === null || !PROMPTS.has(r.action)) return false;
  if (r.kind === 'module' && !['install', 'enable', 'disable', 'remove', 'reset', 'switch-to', 'upgrade'].includes(r.action)) return false;
  if (r.options.has('assumeyes') || r.options.has('assumeno')) return false;
  return !r.options.all('setopt').some((o) => /^assumeyes=(?:1|true|yes|on)$/i.test(o.value ?? ''));
}

/** Actions that download metadata and packages into the cache. */
const FETCHES: ReadonlySet<string> = new Set(['install', 'reinstall', 'upgrade', 'upgrade-minimal', 'downgrade', 'distro-sync', 'swap']);

export function fillsCache(r: RpmUse): boolean {
  return r.action !== null && FETCHES.has(r.action) && (r.kind !== 'module' || r.action === 'install');
}

const CACHE_DIRS = /^\/var\/cache\/(?:yum|dnf|libdnf5)(?:\/\*?)?$/;

/** `clean all` by a tool sharing the cache (yum and dnf share theirs; microdnf cleans its own), or `rm` of the cache folder. */
export function cleansCache(use: ProgramUse, program: RpmProgram): boolean {
  if (use.program === 'rm') return use.args.some((w) => w.value !== null && CACHE_DIRS.test(w.value));
  const r = rpmUse(use);
  if (!r || r.action !== 'clean' || r.kind !== 'package') return false;
  if ((program === 'microdnf') !== (r.program === 'microdnf')) return false;
  return r.specs.some((w) => w.value === 'all');
}

export function hasRpmCacheMount(info: InstructionInfo): boolean {
  return hasCacheMount(info.instruction, (t) => /^\/var\/cache\/(?:yum|dnf|libdnf5)$/.test(t));
}

/**
 * Is an rpm package spec pinned? `name-version[-release][.arch]` (the last `-` part starts with a
 * digit, an epoch allowed), a local `.rpm` file or URL, a group (`@name`) or a capability
 * (`dnf-command(config-manager)`), which have no version to pin.
 */
export function rpmSpecPinned(spec: string): boolean {
  if (spec.endsWith('.rpm') || spec.includes('/') || spec.startsWith('@') || spec.includes('(')) return true;
  const dash = spec.lastIndexOf('-');
  return dash > 0 && /^(?:\d+:)?\d/.test(spec.slice(dash + 1));
}

/** Is a module spec pinned to a stream (`nodejs:20`, `nodejs:20/minimal`)? */
export function moduleSpecPinned(spec: string): boolean {
  return spec.replace(/^@/, '').includes(':');
}

/**
 * Which variables a RUN's package words may use as versions. Like hadolint, an ARG declared
 * anywhere earlier in the file counts, and so does an ENV of the stage (or the stages it builds
 * on); a variable set earlier in the same script counts too. Known values are used as they are.
 */
export function versionVariables() {
  const args = new Set<string>();
  const preStageEnv = new Set<string>();
  return {
    observe(info: InstructionInfo): void {
      const ins = info.instruction;
      if (ins.onbuild) return;
      if (ins.name === 'ARG') for (const a of ins.args) args.add(a.name);
      if (ins.name === 'ENV' && info.stage === null) for (const p of ins.pairs) preStageEnv.add(p.key.text);
    },
    resolver(info: InstructionInfo, script: RunScript, command: SimpleCommand): Resolve {
      return (name) => {
        const v = info.scope.get(name);
        if (v) return v.value;
        if (args.has(name) || (info.stage === null && preStageEnv.has(name))) return null;
        const set = exportedBefore(script, command, name);
        if (set !== undefined) return set;
        return '';
      };
    },
  };
}
