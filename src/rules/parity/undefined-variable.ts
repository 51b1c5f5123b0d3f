/** BuildKit's UndefinedVar: a `$VAR` in an instruction BuildKit expands, with no ARG or ENV behind it. */
import { defineRule } from '../../engine/rule.js';
import type { Instruction } from '../../parser/ast.js';
import type { Span } from '../../parser/source.js';
import { processWord, type ExpandOptions } from '../../model/expand.js';
import type { InstructionInfo, Stage } from '../../model/model.js';
import type { Scope } from '../../model/scope.js';
import { suggest, variableSpan } from './util.js';

/**
 * The ENV names some official base images set (BuildKit reads them from the image config; we
 * cannot pull, so the common ones are listed). Every Linux image has PATH.
 */
const IMAGE_ENV: Readonly<Record<string, readonly string[]>> = {
  'library/python': ['LANG', 'GPG_KEY', 'PYTHON_VERSION', 'PYTHON_SHA256', 'PYTHON_PIP_VERSION', 'PYTHON_SETUPTOOLS_VERSION', 'PYTHON_GET_PIP_URL', 'PYTHON_GET_PIP_SHA256'],
  'library/node': ['NODE_VERSION', 'YARN_VERSION'],
  'library/golang': ['GOLANG_VERSION', 'GOPATH', 'GOTOOLCHAIN'],
  'library/rust': ['RUSTUP_HOME', 'CARGO_HOME', 'RUST_VERSION'],
  'library/ruby': ['LANG', 'RUBY_VERSION', 'RUBY_DOWNLOAD_SHA256', 'GEM_HOME', 'BUNDLE_SILENCE_ROOT_WARNING', 'BUNDLE_APP_CONFIG'],
  'library/php': ['PHPIZE_DEPS', 'PHP_INI_DIR', 'PHP_CFLAGS', 'PHP_CPPFLAGS', 'PHP_LDFLAGS', 'GPG_KEYS', 'PHP_VERSION', 'PHP_URL', 'PHP_ASC_URL', 'PHP_SHA256'],
  'library/nginx': ['NGINX_VERSION', 'NJS_VERSION', 'NJS_RELEASE', 'PKG_RELEASE', 'DYNPKG_RELEASE'],
  'library/openjdk': ['JAVA_HOME', 'LANG', 'JAVA_VERSION'],
  'library/eclipse-temurin': ['JAVA_HOME', 'LANG', 'LANGUAGE', 'LC_ALL', 'JAVA_VERSION'],
  'library/maven': ['MAVEN_HOME', 'MAVEN_CONFIG', 'JAVA_HOME', 'LANG', 'LANGUAGE', 'LC_ALL', 'JAVA_VERSION'],
  'library/gradle': ['GRADLE_HOME', 'GRADLE_VERSION', 'JAVA_HOME', 'LANG', 'LANGUAGE', 'LC_ALL', 'JAVA_VERSION'],
  'library/postgres': ['GOSU_VERSION', 'LANG', 'PG_MAJOR', 'PG_VERSION', 'PGDATA', 'PATH'],
  'library/redis': ['REDIS_VERSION', 'REDIS_DOWNLOAD_URL', 'REDIS_DOWNLOAD_SHA'],
  'library/httpd': ['HTTPD_PREFIX', 'HTTPD_VERSION', 'HTTPD_SHA256', 'HTTPD_PATCHES'],
};
/** Base images that set nothing but PATH. */
const PATH_ONLY = new Set(['library/alpine', 'library/busybox', 'library/debian', 'library/ubuntu', 'library/fedora', 'library/centos', 'library/rockylinux', 'library/almalinux', 'library/archlinux', 'library/amazonlinux', 'library/oraclelinux']);

interface BaseEnv {
  readonly names: ReadonlySet<string>;
  /** The base image's ENV is not known (an image we have no table for). */
  readonly image: string | null;
  /** The base is not known at all (its name depends on build args): nothing is reported. */
  readonly unknown?: boolean;
}

function baseEnv(stage: Stage): BaseEnv {
  let root = stage;
  const seen = new Set<Stage>();
  while (root.parent && !seen.has(root)) {
    seen.add(root);
    root = root.parent;
  }
  const names = new Set<string>(root.windows ? [] : ['PATH']);
  // `FROM base-$TARGETARCH`: possibly an earlier stage, whose variables we then do not know.
  if (!root.image.expanded.resolved) return { names, image: null, unknown: true };
  if (root.image.scratch) return { names, image: null };
  const repo = root.image.ref?.repository ?? null;
  if (repo && PATH_ONLY.has(repo)) return { names, image: null };
  const extra = repo ? IMAGE_ENV[repo] : undefined;
  if (extra) {
    for (const n of extra) names.add(n);
    return { names, image: null };
  }
  return { names, image: root.image.ref?.familiar ?? root.image.expanded.value };
}

const RAW: ExpandOptions = { escape: '\\', rawQuotes: true, rawEscapes: true };

export const undefinedVariable = defineRule({
  name: 'undefined-variable',
  practices: [],
  severity: 'warning',
  aliases: ['UndefinedVar'],
  summary: 'A variable is used before any ARG or ENV defines it',
  docs: {
    what: 'Reports `$NAME` / `${NAME}` in the instructions BuildKit expands (COPY, ADD, ENV, LABEL, ARG defaults, USER, WORKDIR, VOLUME, STOPSIGNAL, `RUN --mount` options, COPY/ADD heredocs) when no ARG or ENV of the stage (or of a stage it builds on) declares NAME before that line. RUN commands are left alone: the shell expands those. The base image\'s own ENV counts as defined for the common official images; for other images the message says the base image may set it. A close name is suggested.',
    why: 'An undefined variable silently expands to nothing: `COPY $APP_DIR/ /srv` copies the whole context, `WORKDIR $HOME/app` becomes `/app`. It is usually a typo, or an ARG declared in another stage (each stage starts with no variables: re-declare `ARG NAME` inside it).',
  },
  examples: {
    bad: [
      { code: 'FROM python:3.12-slim\nARG APP_DIR=/app\nWORKDIR $APP_DRI\n' },
      { code: 'ARG VERSION=1.0\nFROM python:3.12-slim\nLABEL org.opencontainers.image.version=$VERSION\n' },
    ],
    good: [
      { code: 'FROM python:3.12-slim\nARG APP_DIR=/app\nWORKDIR $APP_DIR\n' },
      { code: 'ARG VERSION=1.0\nFROM python:3.12-slim\nARG VERSION\nLABEL org.opencontainers.image.version=$VERSION\n' },
      { code: 'FROM python:3.12-slim\nENV PATH=/venv/bin:$PATH\nRUN echo "$UNDECLARED_IN_SHELL"\n' },
    ],
  },
  create(ctx) {
    const text = ctx.file.text;
    const envs = new Map<Stage, BaseEnv>();
    return {
      instruction(info) {
        const stage = info.stage;
        if (!stage) return;
        let env = envs.get(stage);
        if (!env) {
          env = baseEnv(stage);
          envs.set(stage, env);
        }
        const base = env;
        if (base.unknown) return;
        const fold = stage.windows;
        const defined = (scope: Scope, name: string): boolean => {
          if (scope.has(name) || base.names.has(name)) return true;
          if (!fold) return false;
          const up = name.toUpperCase();
          for (const n of scope.names()) if (n.toUpperCase() === up) return true;
          for (const n of base.names) if (n.toUpperCase() === up) return true;
          return false;
        };
        const check = (word: string, span: Span, scope: Scope, options?: ExpandOptions): void => {
          if (!word.includes('$')) return;
          const r = processWord(word, (n) => scope.get(n)?.value ?? undefined, options ?? { escape: ctx.file.escapeChar });
          if (!r.ok) return;
          for (const name of r.unmatched) {
            if (defined(scope, name)) continue;
            const hint = suggest(name, [...scope.names(), ...base.names], fold);
            const where = base.image ? ` (unless the base image ${base.image} sets it)` : '';
            ctx.report({
              span: variableSpan(text, span, name),
              message: `'$${name}' is not defined: no ARG or ENV sets it before this line${where}${hint ? `; did you mean $${hint}?` : ''}`,
            });
          }
        };
        visitWords(info, check);
      },
    };
  },
});

type Check = (word: string, span: Span, scope: Scope, options?: ExpandOptions) => void;

function visitWords(info: InstructionInfo, check: Check): void {
  const ins: Instruction = info.instruction;
  const scope = info.scope;
  switch (ins.name) {
    case 'COPY':
    case 'ADD': {
      for (const f of ins.flags) {
        if ((f.name === 'chown' || f.name === 'chmod' || (f.name === 'checksum' && ins.name === 'ADD')) && f.value) check(f.value, f.valueSpan ?? f.span, scope);
      }
      const heredocs = new Map(ins.heredocs.map((h) => [h.marker.text, h] as const));
      for (const item of ins.list?.items ?? []) {
        const h = ins.list?.json ? undefined : heredocs.get(item.text);
        if (h) {
          if (h.expand) check(h.content, h.bodySpan, scope, RAW);
        } else check(item.text, item.span, scope);
      }
      return;
    }
    case 'ENV':
    case 'LABEL':
      for (const p of ins.pairs) {
        check(p.key.text, p.key.span, scope);
        check(p.value.text, p.value.span, scope);
      }
      return;
    case 'ARG': {
      let s = scope;
      for (const a of ins.args) {
        if (a.value !== null) check(a.value, a.valueSpan ?? a.word.span, s);
        if (a.name) s = s.with({ name: a.name, value: null, kind: 'arg', declaration: ins });
      }
      return;
    }
    case 'USER':
    case 'WORKDIR':
    case 'STOPSIGNAL':
      if (ins.value) check(ins.value.text, ins.value.span, scope);
      return;
    case 'VOLUME':
      for (const item of ins.list?.items ?? []) check(item.text, item.span, scope);
      return;
    case 'RUN':
      for (const f of ins.flags) if (f.name === 'mount' && f.value) check(f.value, f.valueSpan ?? f.span, scope);
      return;
    default:
      return;
  }
}
