/** `FROM --platform=…`: constants, the redundant `$TARGETPLATFORM`, and base images built for another platform. */
import { defineRule } from '../../engine/rule.js';
import type { Flag } from '../../parser/ast.js';
import { processWord } from '../../model/expand.js';
import { skipBlanks } from './util.js';

const KNOWN_OS = new Set(['aix', 'android', 'darwin', 'dragonfly', 'freebsd', 'hurd', 'illumos', 'ios', 'js', 'linux', 'nacl', 'netbsd', 'openbsd', 'plan9', 'solaris', 'wasip1', 'windows', 'zos']);
const ARCH_ALIASES: Readonly<Record<string, string>> = { x86_64: 'amd64', 'x86-64': 'amd64', amd64: 'amd64', i386: '386', '386': '386', aarch64: 'arm64', arm64: 'arm64', armhf: 'arm', armel: 'arm', arm: 'arm' };
const KNOWN_ARCH = new Set(['386', 'amd64', 'amd64p32', 'arm', 'armbe', 'arm64', 'arm64be', 'loong64', 'mips', 'mipsle', 'mips64', 'mips64le', 'mips64p32', 'mips64p32le', 'ppc', 'ppc64', 'ppc64le', 'riscv', 'riscv64', 's390', 's390x', 'sparc', 'sparc64', 'wasm']);
const COMPONENT = /^[A-Za-z0-9_.-]+$/;

export interface Platform {
  readonly os: string;
  readonly arch: string;
}

/** containerd's `platforms.Parse` (os[/arch[/variant]]), normalised; null when it does not parse. */
export function parsePlatform(spec: string): Platform | null {
  if (spec.includes('*')) return null;
  const parts = (spec.split('(')[0] ?? '').split('/');
  if (parts.some((p) => !COMPONENT.test(p))) return null;
  const os = (parts[0] ?? '').toLowerCase() === 'macos' ? 'darwin' : (parts[0] ?? '').toLowerCase();
  const arch = (a: string): string => ARCH_ALIASES[a.toLowerCase()] ?? a.toLowerCase();
  if (parts.length === 1) {
    if (KNOWN_OS.has(os)) return { os, arch: 'amd64' };
    const a = arch(parts[0] ?? '');
    return KNOWN_ARCH.has(a) ? { os: 'linux', arch: a } : null;
  }
  if (parts.length === 2 || parts.length === 3) return { os, arch: arch(parts[1] ?? '') };
  return null;
}

export const fromPlatformConstant = defineRule({
  name: 'from-platform-constant',
  practices: [],
  severity: 'warning',
  instructions: ['FROM'],
  aliases: ['DL3029', 'FromPlatformFlagConstDisallowed'],
  summary: '`FROM --platform` with a fixed platform',
  docs: {
    what: 'Reports `FROM --platform=linux/amd64 …` (a constant platform, no variable) unless the stage is named after that platform (`AS build-amd64`), which shows the pinning is deliberate.',
    why: 'A fixed platform makes the image wrong for every other target: built on an ARM laptop or for `--platform linux/arm64`, the stage still runs amd64 binaries (slowly, under emulation, or not at all). Use `$BUILDPLATFORM` for build tools and let the target platform default.',
  },
  examples: {
    bad: [{ code: 'FROM --platform=linux/amd64 python:3.12-slim\n' }],
    good: [
      { code: 'FROM --platform=$BUILDPLATFORM python:3.12-slim AS build\n' },
      { code: 'FROM --platform=linux/amd64 python:3.12-slim AS build-amd64\n' },
      { code: 'FROM python:3.12-slim\n' },
    ],
  },
  create(ctx) {
    return {
      instruction({ instruction: ins, stage }) {
        if (ins.name !== 'FROM' || !stage?.platform) return;
        const flag = stage.platform;
        const value = flag.value ?? '';
        if (!value || value.includes('$')) return;
        const platform = parsePlatform(value);
        if (!platform) return;
        if (stage.name && (stage.name.includes(platform.os) || stage.name.includes(platform.arch))) return;
        ctx.report({ span: flag.valueSpan ?? flag.span, message: `FROM --platform is the constant "${value}": the stage ignores the build's target platform; use $BUILDPLATFORM or $TARGETPLATFORM, or drop the flag` });
      },
    };
  },
});

/** Is the flag value exactly the builtin `$TARGETPLATFORM` (however written)? */
function isTargetPlatform(flag: Flag): boolean {
  const value = flag.value;
  if (!value?.includes('$')) return false;
  const r = processWord(value, (n) => (n === 'TARGETPLATFORM' ? '\u0000target\u0000' : undefined));
  return r.ok && r.value === '\u0000target\u0000' && r.unmatched.length === 0 && r.matched.length === 1;
}

export const platformTargetRedundant = defineRule({
  name: 'platform-target-redundant',
  practices: [],
  severity: 'info',
  instructions: ['FROM'],
  aliases: ['DL3065', 'RedundantTargetPlatform'],
  fixable: 'safe',
  summary: '`FROM --platform=$TARGETPLATFORM` says what is already the default',
  docs: {
    what: 'Reports `FROM --platform=$TARGETPLATFORM` (or `${TARGETPLATFORM}`).',
    why: 'Every stage is built for the target platform unless told otherwise, so the flag only adds noise, and it suggests to readers that the stage is special when it is not.',
    fixSafety: 'Safe: the flag is removed; the stage is built for the target platform either way. No fix when a global ARG redefines TARGETPLATFORM.',
  },
  examples: {
    bad: [{ code: 'FROM --platform=$TARGETPLATFORM python:3.12-slim\n' }, { code: 'FROM --platform=${TARGETPLATFORM} python:3.12-slim\n' }],
    good: [{ code: 'FROM python:3.12-slim\n' }, { code: 'FROM --platform=$BUILDPLATFORM python:3.12-slim AS build\n' }],
    fixed: [{ input: 'FROM --platform=$TARGETPLATFORM python:3.12-slim\n', output: 'FROM python:3.12-slim\n' }],
  },
  create(ctx) {
    return {
      instruction({ instruction: ins, stage }) {
        if (ins.name !== 'FROM' || !stage?.platform || !isTargetPlatform(stage.platform)) return;
        const flag = stage.platform;
        const redefined = ctx.model.globalScope.get('TARGETPLATFORM')?.kind === 'global-arg';
        const text = ctx.file.text;
        const end = skipBlanks(text, flag.span.end);
        const single = !text.slice(flag.span.start, end).includes('\n');
        ctx.report({
          span: flag.span,
          message: `--platform=${flag.value ?? ''} is the default: every stage is built for the target platform`,
          fix: redefined || !single ? null : { safety: 'safe', title: 'Remove the redundant `--platform` flag', edits: [{ start: flag.span.start, end, text: '' }], textChecked: true },
        });
      },
    };
  },
});

export const baseImagePlatformMismatch = defineRule({
  name: 'base-image-platform-mismatch',
  practices: ['base-pinned-tag'],
  severity: 'warning',
  instructions: ['FROM'],
  aliases: ['InvalidBaseImagePlatform'],
  summary: 'The base image is not published for the platform the stage is built for',
  docs: {
    what: "Reports a base image whose platform differs from the stage's platform. Which platforms an image exists for is registry metadata, which a static linter does not have: the rule only fires when that metadata is given in its `imagePlatforms` option (BuildKit checks it while pulling). Without it the rule stays silent.",
    why: 'A base image pulled for the wrong platform runs under emulation (slow) or fails with `exec format error` at run time, long after the build looked fine.',
    options: '`imagePlatforms`: a map from base image (as written after ARG expansion) to the platform it is published for, e.g. `{ "example.com/app:1": "linux/arm64" }`. `platform`: the target platform of the build (default `linux/amd64`); a constant `FROM --platform` takes precedence.',
  },
  examples: {
    bad: [{ code: 'FROM example.com/tools:1\n', options: { imagePlatforms: { 'example.com/tools:1': 'linux/arm64' } } }],
    good: [{ code: 'FROM example.com/tools:1\n' }, { code: 'FROM example.com/tools:1\n', options: { imagePlatforms: { 'example.com/tools:1': 'linux/amd64' } } }],
  },
  create(ctx) {
    const known = ctx.options['imagePlatforms'];
    const platforms: Readonly<Record<string, unknown>> = known && typeof known === 'object' ? (known as Record<string, unknown>) : {};
    const target = typeof ctx.options['platform'] === 'string' ? ctx.options['platform'] : 'linux/amd64';
    return {
      instruction({ instruction: ins, stage }) {
        if (ins.name !== 'FROM' || !stage || stage.parent || stage.image.scratch || !stage.image.word) return;
        const image = stage.image.expanded.value;
        const pulled = platforms[image];
        if (typeof pulled !== 'string') return;
        const flag = stage.platform?.value;
        const expected = flag && !flag.includes('$') ? flag : target;
        const a = parsePlatform(pulled);
        const b = parsePlatform(expected);
        if (!a || !b || (a.os === b.os && a.arch === b.arch)) return;
        ctx.report({ span: stage.image.word.span, message: `Base image ${image} is published for "${pulled}", but this stage is built for "${expected}"` });
      },
    };
  },
});
