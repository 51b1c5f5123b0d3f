/**
 * What BuildKit rejects after parsing (its `instructions.Parse` layer): unknown instructions,
 * flags an instruction does not take or with bad values, wrong argument counts. hadolint fails the
 * whole file on most of these; here each is one diagnostic on the offending token.
 */
import { defineRule } from '../../engine/rule.js';
import type { Flag, Instruction } from '../../parser/ast.js';
import { KNOWN_INSTRUCTIONS } from '../../parser/ast.js';
import type { InstructionInfo } from '../../model/model.js';
import type { RuleContext } from '../../engine/rule.js';
import { parseMount } from '../../model/instructions.js';
import { casingOf, suggest } from './util.js';

export const unknownInstruction = defineRule({
  name: 'unknown-instruction',
  practices: [],
  severity: 'error',
  instructions: ['UNKNOWN'],
  aliases: [],
  onbuild: true,
  summary: 'An instruction Docker does not know',
  docs: {
    what: 'Reports a line whose first word is not a Dockerfile instruction, with the closest instruction as a suggestion (`FORM` → `FROM`).',
    why: 'BuildKit stops at it ("unknown instruction"), so nothing after it is built. It is usually a typo, or the continuation of the previous line with a missing `\\`.',
  },
  examples: {
    bad: [{ code: 'FROM python:3.12-slim\nCOPPY . /app\n' }, { code: 'FROM python:3.12-slim\nRUN apt-get update &&\n    apt-get install -y curl\n' }],
    good: [{ code: 'FROM python:3.12-slim\nCOPY . /app\n' }],
  },
  create(ctx) {
    return {
      instruction({ instruction: ins }) {
        if (ins.name !== 'UNKNOWN') return;
        const word = ins.keyword.text;
        const hint = suggest(word.toUpperCase(), KNOWN_INSTRUCTIONS);
        const shown = hint ? (casingOf(word) === 'lower' ? hint.toLowerCase() : hint) : null;
        ctx.report({ span: ins.keyword.span, message: `Unknown instruction '${word}'${shown ? ` (did you mean ${shown}?)` : ''}` });
      },
    };
  },
});

type FlagKind = 'string' | 'bool' | 'list';

const FLAGS: Readonly<Partial<Record<Instruction['name'], Readonly<Record<string, FlagKind>>>>> = {
  FROM: { platform: 'string' },
  COPY: { from: 'string', chown: 'string', chmod: 'string', link: 'bool', parents: 'bool', exclude: 'list' },
  ADD: { chown: 'string', chmod: 'string', checksum: 'string', link: 'bool', 'keep-git-dir': 'bool', unpack: 'bool', exclude: 'list' },
  RUN: { mount: 'list', network: 'string', security: 'string', device: 'list' },
  HEALTHCHECK: { interval: 'string', timeout: 'string', 'start-period': 'string', 'start-interval': 'string', retries: 'string' },
};

/** Instructions whose flags BuildKit never looks at. */
function ignoresFlags(ins: Instruction): boolean {
  if (ins.name === 'ARG' || ins.name === 'STOPSIGNAL' || ins.name === 'UNKNOWN') return true;
  return ins.name === 'HEALTHCHECK' && ins.type?.text.toUpperCase() === 'NONE';
}

const DURATION = /^(?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+$/;
const UNIT_MS: Readonly<Record<string, number>> = { ns: 1e-6, us: 1e-3, µs: 1e-3, μs: 1e-3, ms: 1, s: 1000, m: 60000, h: 3600000 };

/** Go's time.ParseDuration, in milliseconds; null when it does not parse. */
export function goDurationMs(v: string): number | null {
  if (v === '0') return 0;
  if (!DURATION.test(v)) return null;
  let total = 0;
  for (const m of v.matchAll(/(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/g)) total += Number(m[1]) * (UNIT_MS[m[2] as string] ?? 0);
  return total;
}

const SYMBOLIC_CHMOD = /^[ugoa]*[-+=](?:[rwxXst]*|[ugo])(?:[-+=](?:[rwxXst]*|[ugo]))*(?:,[ugoa]*[-+=](?:[rwxXst]*|[ugo])(?:[-+=](?:[rwxXst]*|[ugo]))*)*$/;
const MOUNT_TYPES = new Set(['bind', 'cache', 'tmpfs', 'secret', 'ssh']);
const MOUNT_KEYS = new Set(['type', 'from', 'source', 'src', 'target', 'dst', 'destination', 'readonly', 'ro', 'readwrite', 'rw', 'id', 'sharing', 'required', 'size', 'mode', 'uid', 'gid', 'env']);

function flagProblems(ctx: RuleContext, info: InstructionInfo, ins: Instruction): { flag: Flag; onValue: boolean; message: string }[] {
  if (ignoresFlags(ins)) return [];
  const allowed = FLAGS[ins.name] ?? {};
  const out: { flag: Flag; onValue: boolean; message: string }[] = [];
  const seen = new Set<string>();
  const labs = ctx.file.directives.some((d) => d.name === 'syntax' && /labs/.test(d.value));
  for (const flag of ins.flags) {
    const kind = Object.hasOwn(allowed, flag.name) ? allowed[flag.name] : undefined;
    if (!kind || (flag.name === 'device' && !labs)) {
      const hint = kind ? null : suggest(flag.name, Object.keys(allowed));
      out.push({
        flag,
        onValue: false,
        message:
          flag.name === 'device'
            ? '`--device` needs the labs Dockerfile frontend (`# syntax=docker/dockerfile:1-labs`)'
            : `${ins.keyword.text} has no flag --${flag.name}${hint ? ` (did you mean --${hint}?)` : ''}`,
      });
      continue;
    }
    if (kind !== 'list' && seen.has(flag.name)) {
      out.push({ flag, onValue: false, message: `--${flag.name} is given twice` });
      continue;
    }
    seen.add(flag.name);
    if (kind === 'bool') {
      if (flag.value !== null && !/^(?:true|false)$/i.test(flag.value)) {
        out.push({ flag, onValue: true, message: flag.value === '' ? `--${flag.name}= needs a value (or write --${flag.name} alone)` : `--${flag.name} takes true or false, not '${flag.value}'` });
      }
      continue;
    }
    if (flag.value === null) {
      out.push({ flag, onValue: false, message: `--${flag.name} needs a value (--${flag.name}=…)` });
      continue;
    }
    const problem = valueProblem(ctx, info, ins, flag, flag.value);
    if (problem) out.push({ flag, onValue: true, message: problem });
  }
  return out;
}

function valueProblem(ctx: RuleContext, info: InstructionInfo, ins: Instruction, flag: Flag, value: string): string | null {
  switch (flag.name) {
    case 'network':
      return ['default', 'none', 'host'].includes(value) ? null : `--network must be default, none or host, not '${value}'`;
    case 'security':
      return ['sandbox', 'insecure'].includes(value) ? null : `--security must be sandbox or insecure, not '${value}'`;
    case 'from':
      return ins.name === 'COPY' && value.includes('$') ? '--from does not expand variables: define a stage `FROM ${VAR} AS name` with a global ARG and copy from it' : null;
    case 'chmod': {
      let v = value;
      if (v.includes('$')) {
        const e = ctx.expand(v, info);
        if (!e.resolved || e.error || e.undefinedVars.length > 0) return null;
        v = e.value;
      }
      if (/^[0-7]+$/.test(v) && parseInt(v, 8) <= 0o7777) return null;
      if (SYMBOLIC_CHMOD.test(v)) return null;
      return `--chmod='${v}' is not a mode: use octal between 0 and 7777 (or u=rwX,go=rX)`;
    }
    case 'checksum': {
      if (ins.name !== 'ADD') return null;
      const items = ins.list?.items ?? [];
      const sources = items.slice(0, -1);
      const remote = sources.length === 1 && /^(?:https?:\/\/|git@|git:\/\/|ssh:\/\/)/i.test(sources[0]?.text ?? '');
      return remote ? null : '--checksum only works when ADD fetches a single URL or Git repository';
    }
    case 'mount': {
      const m = parseMount(flag);
      if (!MOUNT_TYPES.has(m.type)) return `Unknown mount type '${m.type}' (bind, cache, tmpfs, secret or ssh)`;
      for (const key of m.fields.keys()) {
        if (!MOUNT_KEYS.has(key)) {
          const hint = suggest(key, MOUNT_KEYS);
          return `Unknown mount option '${key}'${hint ? ` (did you mean ${hint}?)` : ''}`;
        }
      }
      if (m.from?.includes('$')) return "The mount's `from` does not expand variables: define a stage with FROM and mount from it";
      const sharing = m.fields.get('sharing');
      if (sharing !== undefined && !['shared', 'private', 'locked'].includes(sharing)) return `Mount sharing must be shared, private or locked, not '${sharing}'`;
      return null;
    }
    case 'interval':
    case 'timeout':
    case 'start-period':
    case 'start-interval': {
      if (value.includes('$')) return null;
      const ms = goDurationMs(value);
      if (ms === null) return `--${flag.name}='${value}' is not a duration (30s, 1m30s, 500ms)`;
      if (ms > 0 && ms < 1) return `--${flag.name} cannot be less than 1ms`;
      return null;
    }
    case 'retries':
      if (value.includes('$')) return null;
      return /^\d+$/.test(value) && Number(value) <= 2147483647 ? null : `--retries must be a whole number of at least 0, not '${value}'`;
    default:
      return null;
  }
}

export const invalidFlag = defineRule({
  name: 'invalid-flag',
  practices: [],
  severity: 'error',
  aliases: [],
  onbuild: true,
  summary: 'A flag the instruction does not take, given twice, or with a bad value',
  docs: {
    what: 'Checks instruction flags the way BuildKit does before building: flags an instruction does not have (`COPY --chmown`, with a suggestion), flags given twice, missing values, booleans that are not true/false, `RUN --network` / `--security` / `--mount` options, `--chmod` modes, `ADD --checksum` on local files, `COPY --from=$VAR`, HEALTHCHECK durations and retries.',
    why: 'BuildKit rejects each of these and the build stops. hadolint cannot parse many of them at all and then reports nothing for the file.',
  },
  examples: {
    bad: [
      { code: 'FROM python:3.12-slim\nCOPY --chmown=app:app . /app\n' },
      { code: 'FROM python:3.12-slim\nRUN --mount=type=cahce,target=/root/.cache pip install flask\n' },
      { code: 'FROM python:3.12-slim\nHEALTHCHECK --interval=30 CMD curl -f http://localhost:8000/\n' },
    ],
    good: [
      { code: 'FROM python:3.12-slim\nCOPY --chown=app:app --chmod=755 . /app\n' },
      { code: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache pip install flask\n' },
      { code: 'FROM python:3.12-slim\nHEALTHCHECK --interval=30s --retries=3 CMD curl -f http://localhost:8000/\n' },
    ],
  },
  create(ctx) {
    return {
      instruction(info) {
        for (const p of flagProblems(ctx, info, info.instruction)) {
          ctx.report({ span: p.onValue ? (p.flag.valueSpan ?? p.flag.span) : p.flag.nameSpan, message: p.message });
        }
      },
    };
  },
});

const STAGE_NAME = /^[a-z][a-z0-9-_.]*$/;

export const invalidArguments = defineRule({
  name: 'invalid-arguments',
  practices: [],
  severity: 'error',
  aliases: [],
  onbuild: true,
  summary: 'An instruction with missing, extra or malformed arguments',
  docs: {
    what: 'Reports what BuildKit rejects in instruction arguments: FROM with other than one image (plus `AS name`), an invalid stage name, COPY/ADD without a destination or with a heredoc as destination, ENV/LABEL/ARG without a name, USER/WORKDIR/STOPSIGNAL/MAINTAINER without a value, EXPOSE/VOLUME/ONBUILD/HEALTHCHECK with nothing, SHELL not in JSON form, HEALTHCHECK types other than CMD and NONE.',
    why: 'Each of these stops the build with an error, at the line reported here.',
  },
  examples: {
    bad: [
      { code: 'FROM python:3.12-slim AS 2nd\n' },
      { code: 'FROM python:3.12-slim\nCOPY requirements.txt\n' },
      { code: 'FROM python:3.12-slim\nSHELL /bin/bash -c\n' },
    ],
    good: [{ code: 'FROM python:3.12-slim AS second\nCOPY requirements.txt /app/\nSHELL ["/bin/bash", "-c"]\n' }],
  },
  create(ctx) {
    return {
      instruction({ instruction: ins }) {
        const problem = argumentProblem(ins);
        if (problem) ctx.report(problem);
      },
    };
  },
});

function argumentProblem(ins: Instruction): { span: { start: number; end: number }; message: string } | null {
  const whole = ins.argsSpan ?? ins.keyword.span;
  const kw = ins.keyword.text;
  switch (ins.name) {
    case 'FROM': {
      const n = ins.args.length;
      const as = ins.args[1];
      if (n !== 1 && !(n === 3 && as?.text.toLowerCase() === 'as')) {
        return { span: n === 3 && as ? as.span : whole, message: `${kw} takes an image and optionally \`AS name\`: ${n === 3 ? `'${as?.text ?? ''}' should be AS` : `found ${n} words`}` };
      }
      const name = ins.args[2];
      if (name && !STAGE_NAME.test(name.text.toLowerCase())) {
        return { span: name.span, message: `'${name.text}' is not a valid stage name: start with a letter and use only letters, digits, '-', '_' and '.'` };
      }
      return null;
    }
    case 'ENV':
    case 'LABEL':
      if (ins.pairs.length === 0 && !ins.argsSpan) return { span: whole, message: `${kw} needs at least one name=value` };
      for (const p of ins.pairs) if (p.key.text === '') return { span: p.span, message: `${kw} names cannot be empty` };
      return null;
    case 'ARG':
      if (ins.args.length === 0) return { span: whole, message: `${kw} needs at least one name` };
      for (const a of ins.args) if (a.name === '') return { span: a.word.span, message: `${kw} names cannot be empty` };
      return null;
    case 'MAINTAINER':
    case 'USER':
    case 'WORKDIR':
    case 'STOPSIGNAL':
      return ins.value ? null : { span: whole, message: `${kw} needs exactly one argument` };
    case 'COPY':
    case 'ADD': {
      const items = ins.list?.items ?? [];
      if (items.length < 2) return { span: whole, message: `${kw} needs a source and a destination: the destination is missing` };
      const dest = items[items.length - 1];
      if (dest && !ins.list?.json && ins.heredocs.some((h) => h.marker.text === dest.text)) return { span: dest.span, message: `${kw} cannot use a heredoc as its destination` };
      return null;
    }
    case 'VOLUME': {
      const items = ins.list?.items ?? [];
      if (items.length === 0) return { span: whole, message: `${kw} needs at least one path` };
      for (const it of items) if (it.text.trim() === '') return { span: it.span, message: 'A VOLUME path cannot be empty' };
      return null;
    }
    case 'EXPOSE':
      return ins.args.length === 0 ? { span: whole, message: `${kw} needs at least one port` } : null;
    case 'ONBUILD':
      return ins.trigger ? null : { span: whole, message: `${kw} needs an instruction to trigger` };
    case 'SHELL':
      if (!ins.command) return { span: whole, message: `${kw} needs a command in JSON form, e.g. ["/bin/bash", "-c"]` };
      if (ins.command.form !== 'exec') return { span: ins.command.span, message: `${kw} must be written in JSON form, e.g. ["/bin/bash", "-c"]` };
      return ins.command.json.elements.length === 0 ? { span: ins.command.span, message: `${kw} needs at least one element` } : null;
    case 'HEALTHCHECK': {
      if (!ins.type) return { span: whole, message: `${kw} needs CMD <command> or NONE` };
      const type = ins.type.text.toUpperCase();
      if (type === 'NONE') return ins.command ? { span: ins.command.span, message: 'HEALTHCHECK NONE takes no arguments' } : null;
      if (type !== 'CMD') return { span: ins.type.span, message: `Unknown HEALTHCHECK type '${ins.type.text}' (use CMD or NONE)` };
      const empty = !ins.command || (ins.command.form === 'exec' ? ins.command.json.elements.length === 0 : ins.command.text.trim() === '');
      return empty ? { span: ins.type.span, message: 'HEALTHCHECK CMD needs a command' } : null;
    }
    default:
      return null;
  }
}
