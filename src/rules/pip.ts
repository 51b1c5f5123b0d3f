/** How pip, uv and friends install Python packages in a RUN. */
import type { OptionSpec, ShellWord } from '../shell/index.js';
import type { ProgramUse } from './commands.js';
import { subcommandOf } from './commands.js';

export const PIP_OPTIONS: OptionSpec = {
  short: 'rcetifCbd',
  long: [
    'requirement', 'constraint', 'editable', 'target', 'prefix', 'root', 'index-url', 'extra-index-url', 'find-links', 'trusted-host',
    'platform', 'python-version', 'implementation', 'abi', 'src', 'upgrade-strategy', 'progress-bar', 'cache-dir', 'log', 'proxy',
    'retries', 'timeout', 'exists-action', 'cert', 'client-cert', 'global-option', 'install-option', 'config-settings', 'root-user-action',
    'report', 'only-binary', 'no-binary', 'python', 'use-feature', 'use-deprecated', 'keyring-provider', 'group', 'build', 'dest', 'download',
  ],
  aliases: { r: 'requirement', c: 'constraint', e: 'editable', t: 'target', i: 'index-url', f: 'find-links', C: 'config-settings', U: 'upgrade' },
};

export const UV_PIP_OPTIONS: OptionSpec = {
  short: 'rcetifCpPo',
  long: [...(PIP_OPTIONS.long ?? []), 'python', 'override', 'cache-dir', 'index', 'default-index', 'index-strategy', 'resolution', 'prerelease', 'link-mode', 'compile-bytecode', 'target', 'prefix', 'exclude-newer', 'extra'],
  aliases: { ...PIP_OPTIONS.aliases, p: 'python' },
};

export interface PipInstall {
  readonly use: ProgramUse;
  readonly tool: 'pip' | 'uv-pip' | 'pipx';
  /** The `install` word. */
  readonly install: ShellWord;
  readonly options: ReturnType<typeof subcommandOf>['options'];
  /** Requirement arguments after `install` (package specs, paths, URLs). */
  readonly packages: readonly ShellWord[];
}

/** `pip install …`, `python -m pip install …`, `uv pip install …`, `pipx install …` (null for anything else). */
export function pipInstall(use: ProgramUse): PipInstall | null {
  if (use.program === 'pip' || use.program === 'pip3' || use.program === 'pipx') {
    const sub = subcommandOf(use.args, PIP_OPTIONS);
    if (sub.name !== 'install' || !sub.word) return null;
    const rest = subcommandOf(sub.rest, PIP_OPTIONS);
    const options = mergeOptions(sub.options, rest.options);
    return { use, tool: use.program === 'pipx' ? 'pipx' : 'pip', install: sub.word, options, packages: rest.options.positionals };
  }
  if (use.program === 'uv') {
    const first = subcommandOf(use.args, UV_PIP_OPTIONS);
    if (first.name !== 'pip') return null;
    const sub = subcommandOf(first.rest, UV_PIP_OPTIONS);
    if (sub.name !== 'install' || !sub.word) return null;
    const rest = subcommandOf(sub.rest, UV_PIP_OPTIONS);
    return { use, tool: 'uv-pip', install: sub.word, options: mergeOptions(first.options, sub.options, rest.options), packages: rest.options.positionals };
  }
  return null;
}

function mergeOptions(...all: ReturnType<typeof subcommandOf>['options'][]): ReturnType<typeof subcommandOf>['options'] {
  const options = all.flatMap((o) => o.options);
  const last = all[all.length - 1] as ReturnType<typeof subcommandOf>['options'];
  const canon = (n: string): string => n.replace(/^--?/, '');
  return {
    ...last,
    options,
    has: (name) => all.some((o) => o.has(name)) || options.some((o) => o.name === canon(name)),
    get: (name) => {
      for (let i = all.length - 1; i >= 0; i--) {
        const g = all[i]?.get(name);
        if (g) return g;
      }
      return undefined;
    },
    all: (name) => all.flatMap((o) => o.all(name)),
  };
}

const VCS = /^(?:git|hg|svn|bzr)\+[a-z]+:\/\//i;

/** Is this requirement argument pinned (a version specifier, a file, a path, a URL, a VCS URL with a ref)? */
export function isPinnedRequirement(value: string): boolean {
  const vcs = VCS.exec(value);
  if (vcs) {
    let rest = value.slice(vcs[0].length).split('#')[0] ?? '';
    const slash = rest.indexOf('/');
    const at = rest.indexOf('@');
    if (at >= 0 && (slash < 0 || at < slash)) rest = rest.slice(at + 1); // user@host
    return rest.includes('@');
  }
  const requirement = value.split(';')[0] ?? value;
  if (/(?:===|==|~=|!=|>=|<=|>|<)/.test(requirement)) return true;
  if (requirement.includes('@')) return true; // PEP 508 direct reference: name @ url
  if (/^(?:https?|ftp|file):\/\//i.test(value)) return true;
  if (/\.(?:whl|tar\.gz|tgz|zip|tar\.bz2|tar)$/i.test(value)) return true;
  return value.startsWith('.') || value.includes('/') || value.startsWith('~');
}

/** Unpinned package arguments of an install (none when a requirements or constraints file governs them). */
export function unpinnedPackages(p: PipInstall): ShellWord[] {
  if (p.options.has('requirement') || p.options.has('constraint') || p.options.has('editable')) return [];
  return p.packages.filter((w) => w.value !== null && w.value !== '' && !isPinnedRequirement(w.value));
}
