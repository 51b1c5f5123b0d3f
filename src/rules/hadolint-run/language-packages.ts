/** Packages installed by language tools straight from a RUN: npm, gem, go (pins) and yarn (cache). */
import { defineRule } from '../../engine/rule.js';
import { hasCacheMount } from '../../model/instructions.js';
import { parseOptions, type OptionSpec, type ShellWord } from '../../shell/index.js';
import { programUses, shipsLayers, subcommandOf, wordSpan, type ProgramUse } from '../commands.js';
import { appendCommand, commandSpan, literalText, runScript, shown } from './shared.js';

// ---------------------------------------------------------------------------------------------
// npm

const NPM_OPTIONS: OptionSpec = {
  short: 'wC',
  long: ['loglevel', 'registry', 'prefix', 'cache', 'userconfig', 'globalconfig', 'tag', 'omit', 'include', 'install-strategy', 'workspace', 'scope', 'otp', 'location', 'before', 'cpu', 'os', 'libc', 'save-prefix', 'script-shell'],
  aliases: { w: 'workspace', C: 'prefix' },
};

const NPM_INSTALL = new Set(['install', 'i', 'add', 'in', 'ins', 'inst', 'insta', 'instal', 'isnt', 'isnta', 'isntal', 'isntall']);
/** dist-tags name a moving release, not a version. */
const FLOATING_TAGS = new Set(['latest', 'next', '*', '']);

/** Is an `npm install` argument pinned: `name@version`, a tarball, a folder, or a git URL with `#ref`? */
export function npmSpecPinned(spec: string): boolean {
  if (/^(?:\.{0,2}\/|~\/|\.$|\.\.$)/.test(spec) || /^file:/.test(spec)) return true;
  if (/\.(?:tgz|tar|tar\.gz)$/.test(spec)) return true;
  const git = /^(?:git\+[a-z]+:\/\/|git:\/\/|github:|gitlab:|bitbucket:|gist:)/.test(spec) || /^[\w.-]+\/[\w.-]+(?:#.*)?$/.test(spec);
  if (git) return /#./.test(spec);
  if (/^https?:\/\//.test(spec)) return true;
  const name = spec.startsWith('@') ? spec.slice(spec.indexOf('/') + 1) : spec;
  const at = name.indexOf('@');
  if (at < 0) return false;
  return !FLOATING_TAGS.has(name.slice(at + 1));
}

export const npmInstallUnpinned = defineRule({
  name: 'npm-install-unpinned',
  practices: ['pip-requirements-file'],
  severity: 'warning',
  aliases: ['DL3016'],
  onbuild: true,
  fixable: 'suggestion',
  summary: '`npm install <package>` without a version',
  docs: {
    what: 'Reports each package named on `npm install` (`npm i`, `npm add`) without `@version`, and git URLs without `#ref`. A bare `npm install` (the lock file decides), folders, tarballs and URLs are fine; `@latest` and `@next` are tags that move, not versions.',
    why: 'An unpinned package installs whatever the registry has on the day of the build: two builds of one Dockerfile get different code, and a new release of any dependency can break the image. Declare dependencies in `package.json` with a lock file and run `npm ci`, or pin the version on the command line.',
    fixSafety: 'A suggestion: the version to pin is yours to choose (`npm view <package> version` shows the newest).',
  },
  examples: {
    bad: [{ code: 'FROM node:22-slim\nRUN npm install -g pnpm\n' }],
    good: [{ code: 'FROM node:22-slim\nRUN npm install -g pnpm@9.12.3\n' }, { code: 'FROM node:22-slim\nCOPY package.json package-lock.json ./\nRUN npm ci\n' }],
  },
  create(ctx) {
    return {
      instruction(info) {
        const script = runScript(ctx, info);
        if (!script) return;
        for (const use of programUses(script)) {
          if (use.program !== 'npm') continue;
          const sub = subcommandOf(use.args, NPM_OPTIONS);
          if (sub.name === null || !NPM_INSTALL.has(sub.name)) continue;
          for (const w of sub.options.positionals.slice(1)) {
            const text = literalText(w);
            if (text === null || npmSpecPinned(text)) continue;
            const git = /^(?:git[+:]|github:|gitlab:|bitbucket:|gist:)|^[\w.-]+\/[\w.-]+(?:#.*)?$/.test(text);
            const bare = shown(w).replace(/#.*$/, '').replace(/(.)@[^@/]*$/, '$1');
            ctx.report({
              span: wordSpan(script, w),
              message: git ? `\`${shown(w)}\` is a git dependency without a ref: pin a tag or commit, \`${bare}#<ref>\`` : `\`${shown(w)}\` is installed without a version: pin it as \`${bare}@<version>\``,
              fix: { safety: 'suggestion', title: git ? `Pin \`${bare}#<ref>\`` : `Pin \`${bare}@<version>\``, edits: [] },
            });
          }
        }
      },
    };
  },
});

// ---------------------------------------------------------------------------------------------
// gem

/** gem install options that take a value; other unknown long options are assumed to take one too, as hadolint does. */
const GEM_VALUED = new Set(['version', 'platform', 'install-dir', 'bindir', 'document', 'trust-policy', 'build-root', 'source', 'http-proxy', 'file', 'without', 'with', 'target-rbconfig', 'config-file']);
const GEM_SHORT_VALUED = 'viInPspg';
const GEM_BOOLEAN = /^(?:no-|user-install|conservative|force|local|remote|both|minimal-deps|ignore-dependencies|development|development-all|prerelease|pre$|env-shebang|lock|suggestions|default|explain|verbose|quiet|silent|norc|backtrace|debug|clear-sources|wrappers|vendor|post-install-message|update-sources|format-executable|ri$|rdoc$|user$|system$)/;

interface GemInstall {
  readonly gems: readonly ShellWord[];
  readonly versioned: boolean;
}

function gemInstall(args: readonly ShellWord[]): GemInstall | null {
  const gems: ShellWord[] = [];
  let versioned = false;
  let sub: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const w = args[i] as ShellWord;
    const v = w.value;
    if (v === '--') break; // build options for the gem's extension follow
    if (v !== null && v.startsWith('--') && v.length > 2) {
      const eq = v.indexOf('=');
      const name = v.slice(2, eq < 0 ? undefined : eq);
      if (name === 'version') versioned = true;
      if (eq < 0 && (GEM_VALUED.has(name) || !GEM_BOOLEAN.test(name))) i++;
      continue;
    }
    if (v !== null && v.startsWith('-') && v.length > 1) {
      const letters = v.slice(1);
      for (let j = 0; j < letters.length; j++) {
        const l = letters.charAt(j);
        if (l === 'v') versioned = true;
        if (GEM_SHORT_VALUED.includes(l)) {
          if (j === letters.length - 1) i++;
          break;
        }
      }
      continue;
    }
    if (sub === null) {
      sub = v;
      if (sub !== 'install' && sub !== 'i') return null;
      continue;
    }
    gems.push(w);
  }
  return sub === null ? null : { gems, versioned };
}

export const gemInstallUnpinned = defineRule({
  name: 'gem-install-unpinned',
  practices: ['pip-requirements-file'],
  severity: 'warning',
  aliases: ['DL3028'],
  onbuild: true,
  fixable: 'suggestion',
  summary: '`gem install <gem>` without a version',
  docs: {
    what: 'Reports each gem named on `gem install` (`gem i`) without `:version` when no `-v` / `--version` is given. Local `.gem` files and paths are fine.',
    why: 'An unpinned gem installs whatever rubygems.org has on the day of the build: builds stop being reproducible and a new release can break the image. Pin the version (`gem install bundler:2.5.22`, or `-v`), or declare gems in a `Gemfile.lock` and run `bundle install`.',
    fixSafety: 'A suggestion: the version to pin is yours to choose.',
  },
  examples: {
    bad: [{ code: 'FROM ruby:3.3-slim\nRUN gem install bundler\n' }],
    good: [{ code: 'FROM ruby:3.3-slim\nRUN gem install bundler:2.5.22\n' }, { code: 'FROM ruby:3.3-slim\nRUN gem install bundler -v 2.5.22 --no-document\n' }],
  },
  create(ctx) {
    return {
      instruction(info) {
        const script = runScript(ctx, info);
        if (!script) return;
        for (const use of programUses(script)) {
          if (use.program !== 'gem') continue;
          const g = gemInstall(use.args);
          if (!g || g.versioned) continue;
          for (const w of g.gems) {
            const text = literalText(w);
            if (text === null || text.includes(':') || text.includes('/') || text.endsWith('.gem')) continue;
            ctx.report({
              span: wordSpan(script, w),
              message: `\`${shown(w)}\` is installed without a version: pin it as \`${shown(w)}:<version>\` (or with \`-v\`)`,
              fix: { safety: 'suggestion', title: `Pin \`${shown(w)}:<version>\``, edits: [] },
            });
          }
        }
      },
    };
  },
});

// ---------------------------------------------------------------------------------------------
// go

/** go build flags that take a value (`-tags netgo`); `-flag=value` needs no lookup. */
const GO_VALUED = new Set(['C', 'p', 'asmflags', 'buildmode', 'compiler', 'gccgoflags', 'gcflags', 'installsuffix', 'ldflags', 'mod', 'modfile', 'overlay', 'pgo', 'pkgdir', 'tags', 'toolexec', 'o', 'exec', 'coverpkg', 'covermode']);
/** Module queries that float: they name no fixed version. */
const GO_FLOATING = new Set(['latest', 'upgrade', 'patch', 'none', '']);

/** The package arguments of `go install`/`go get`, and the package of `go run` (its other arguments belong to the program). */
function goPackages(args: readonly ShellWord[]): { sub: ShellWord; packages: ShellWord[] } | null {
  let sub: ShellWord | null = null;
  const packages: ShellWord[] = [];
  for (let i = 0; i < args.length; i++) {
    const w = args[i] as ShellWord;
    const v = w.value;
    if (v === '--') continue;
    if (v !== null && v.startsWith('-') && v.length > 1) {
      const name = v.replace(/^--?/, '');
      if (!name.includes('=') && GO_VALUED.has(name)) i++;
      continue;
    }
    if (!sub) {
      if (v !== 'install' && v !== 'get' && v !== 'run') return null;
      sub = w;
      continue;
    }
    packages.push(w);
    if (sub.value === 'run') break;
  }
  return sub ? { sub, packages } : null;
}

/** Patterns go.mod governs: the module's tools (`tool`, Go 1.24), every package, the standard library. */
const GO_META = new Set(['tool', 'all', 'std', 'cmd']);

export function goSpecPinned(spec: string): boolean {
  if (spec.startsWith('.') || spec.startsWith('/') || spec.endsWith('.go') || GO_META.has(spec)) return true;
  const at = spec.lastIndexOf('@');
  return at >= 0 && !GO_FLOATING.has(spec.slice(at + 1));
}

export const goInstallUnpinned = defineRule({
  name: 'go-install-unpinned',
  practices: ['pip-requirements-file'],
  severity: 'warning',
  aliases: ['DL3062'],
  onbuild: true,
  fixable: 'suggestion',
  summary: '`go install`/`go get`/`go run` of a module without a fixed version',
  docs: {
    what: 'Reports the packages of `go install` and `go get`, and the package `go run` runs, named without `@version` or with a query that moves (`@latest`, `@upgrade`, `@patch`, `@none`). Local packages (`.`, `./cmd/app`, absolute paths) are fine: `go.mod` pins their dependencies.',
    why: 'Without a version the go command resolves the newest release on the day of the build: two builds get different code, and a new release can break the image. `@v1.2.3` makes the build reproducible and lets the module proxy and checksum database verify exactly that version.',
    fixSafety: 'A suggestion: the version to pin is yours to choose (`go list -m -versions <module>`).',
  },
  examples: {
    bad: [{ code: 'FROM golang:1.23\nRUN go install golang.org/x/tools/cmd/goimports@latest\n' }],
    good: [{ code: 'FROM golang:1.23\nRUN go install golang.org/x/tools/cmd/goimports@v0.26.0\n' }, { code: 'FROM golang:1.23\nWORKDIR /src\nCOPY . .\nRUN go install -ldflags "-s -w" ./cmd/app\n' }],
  },
  create(ctx) {
    return {
      instruction(info) {
        const script = runScript(ctx, info);
        if (!script) return;
        for (const use of programUses(script)) {
          if (use.program !== 'go') continue;
          const g = goPackages(use.args);
          // `go install tool …`: the packages are tools declared, with their versions, in go.mod.
          if (!g || g.packages.some((w) => w.value === 'tool')) continue;
          for (const w of g.packages) {
            const text = literalText(w);
            if (text === null || goSpecPinned(text)) continue;
            const bare = shown(w).replace(/@[^@/]*$/, '');
            ctx.report({
              span: wordSpan(script, w),
              message: text.includes('@') ? `\`${shown(w)}\` names a version that moves: pin a release, \`${bare}@v<version>\`` : `\`${shown(w)}\` has no version: pin a release, \`${bare}@v<version>\``,
              fix: { safety: 'suggestion', title: `Pin \`${bare}@v<version>\``, edits: [] },
            });
          }
        }
      },
    };
  },
});

// ---------------------------------------------------------------------------------------------
// yarn

const YARN_OPTIONS: OptionSpec = { long: ['cwd', 'cache-folder', 'modules-folder', 'network-timeout', 'mutex', 'registry', 'global-folder', 'link-folder', 'preferred-cache-folder', 'production'] };

/** `yarn install`, `yarn add`, or a bare `yarn` (which installs): the words to report, or null. */
function yarnInstall(use: ProgramUse): { label: string; last: ShellWord | null } | null {
  if (use.program !== 'yarn') return null;
  const parsed = parseOptions(use.args, YARN_OPTIONS);
  const [first, second] = parsed.positionals;
  if (!first) return ['version', 'v', 'help', 'h'].some((o) => parsed.has(o)) ? null : { label: 'yarn', last: null };
  if (first.value === 'install' || first.value === 'add') return { label: `yarn ${first.value}`, last: first };
  if (first.value === 'global' && second?.value === 'add') return { label: 'yarn global add', last: second };
  return null;
}

function cleansYarnCache(use: ProgramUse): boolean {
  if (use.program === 'yarn') {
    const p = parseOptions(use.args, YARN_OPTIONS).positionals;
    return p[0]?.value === 'cache' && p[1]?.value === 'clean';
  }
  if (use.program === 'rm') return use.args.some((w) => w.value !== null && /\.cache\/yarn(?:\/\*?)?$|\/\.yarn-cache(?:\/\*?)?$/.test(w.value));
  return false;
}

export const yarnCacheNotCleaned = defineRule({
  name: 'yarn-cache-not-cleaned',
  practices: ['pip-no-cache'],
  severity: 'info',
  aliases: ['DL3060'],
  fixable: 'unsafe',
  onbuild: true,
  summary: '`yarn install` keeps its package cache in the image',
  docs: {
    what: 'Reports `yarn install` (also a bare `yarn`, and `yarn add`), in a stage the final image is made of, that is not followed in the same RUN by `yarn cache clean`. A cache or tmpfs mount on the yarn cache (a target containing `.cache/yarn`) also satisfies it. ONBUILD triggers are always checked: they run in the image built from this one.',
    why: 'Yarn (classic) copies every package it downloads into its global cache, so the layer holds each dependency twice: once in `node_modules` and once in the cache, which nothing uses at run time. Cleaning the cache in a later RUN does not shrink the earlier layer.',
    fixSafety: 'Unsafe: appends `&& yarn cache clean` to the RUN (the image loses the cache, as intended); offered only when the RUN is a plain command list.',
  },
  examples: {
    bad: [{ code: 'FROM node:22-slim\nCOPY package.json yarn.lock ./\nRUN yarn install --frozen-lockfile\n' }],
    good: [
      { code: 'FROM node:22-slim\nCOPY package.json yarn.lock ./\nRUN yarn install --frozen-lockfile && yarn cache clean\n' },
      { code: 'FROM node:22-slim\nCOPY package.json yarn.lock ./\nRUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install --frozen-lockfile\n' },
      { code: 'FROM node:22-slim AS assets\nRUN yarn install --frozen-lockfile && yarn build\nFROM python:3.12-slim\nCOPY --from=assets /dist /app/static\n', title: 'A build stage whose files are copied selectively ships no cache' },
    ],
    fixed: [{ input: 'FROM node:22-slim\nRUN yarn install --frozen-lockfile\n', output: 'FROM node:22-slim\nRUN yarn install --frozen-lockfile && yarn cache clean\n', unsafe: true }],
  },
  create(ctx) {
    return {
      instruction(info) {
        if (!info.instruction.onbuild && !shipsLayers(ctx, info.stage)) return;
        const script = runScript(ctx, info);
        if (!script || hasCacheMount(info.instruction, (t) => t.includes('.cache/yarn'))) return;
        const uses = programUses(script);
        const found: { use: ProgramUse; label: string; last: ShellWord | null }[] = [];
        uses.forEach((use, k) => {
          const install = yarnInstall(use);
          if (!install || uses.slice(k + 1).some(cleansYarnCache)) return;
          found.push({ use, ...install });
        });
        found.forEach(({ use, label, last }, i) => {
          ctx.report({
            span: commandSpan(script, use, last),
            message: `\`${label}\` without \`yarn cache clean\` later in the same RUN leaves a second copy of every package in the image`,
            fix: i === found.length - 1 ? appendCommand(info, script, 'yarn cache clean') : null,
          });
        });
      },
    };
  },
});
