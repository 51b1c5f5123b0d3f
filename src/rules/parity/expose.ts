/** EXPOSE port specs: range, protocol casing, host mappings. */
import { defineRule } from '../../engine/rule.js';
import type { ExposeInstruction, Word } from '../../parser/ast.js';
import type { Span } from '../../parser/source.js';
import type { InstructionInfo } from '../../model/model.js';
import { expandWords } from '../../model/expansion.js';
import type { RuleContext } from '../../engine/rule.js';
import { isLiteralWord } from './util.js';

export interface PortSpec {
  /** The expanded spec as written (`127.0.0.1:80:80/TCP`). */
  readonly text: string;
  readonly word: Word;
  /** True when the word was written without variables, so offsets in `text` are offsets in the word. */
  readonly literal: boolean;
  readonly ip: string | null;
  readonly hostPort: string | null;
  readonly containerPort: string;
  readonly proto: string | null;
  /** Offset of the `/proto` part's protocol in `text`. */
  readonly protoOffset: number;
}

/** Splits `[ip:][hostPort:]containerPort[/proto]` (IPv6 addresses in brackets). */
export function parsePortSpec(text: string, word: Word, literal: boolean): PortSpec {
  let rest = text;
  let proto: string | null = null;
  let protoOffset = -1;
  const slash = rest.lastIndexOf('/');
  if (slash >= 0) {
    proto = rest.slice(slash + 1);
    protoOffset = slash + 1;
    rest = rest.slice(0, slash);
  }
  let ip: string | null = null;
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    if (close > 0) {
      ip = rest.slice(0, close + 1);
      rest = rest.slice(close + 1).replace(/^:/, '');
    }
  }
  const parts = rest.split(':');
  let hostPort: string | null = null;
  if (parts.length >= 3 && ip === null) {
    ip = parts.slice(0, parts.length - 2).join(':');
    hostPort = parts[parts.length - 2] ?? null;
  } else if (parts.length === 2) {
    hostPort = parts[0] ?? null;
  }
  return { text, word, literal, ip, hostPort, containerPort: parts[parts.length - 1] ?? '', proto, protoOffset };
}

/** Every port spec of an EXPOSE, after expansion (one word can hold several); unresolved words are skipped. */
export function portSpecs(ctx: RuleContext, info: InstructionInfo): PortSpec[] {
  const ins = info.instruction as ExposeInstruction;
  const out: PortSpec[] = [];
  for (const word of ins.args) {
    if (!word.text.includes('$')) {
      out.push(parsePortSpec(word.text, word, isLiteralWord(ctx.file.text, word)));
      continue;
    }
    const e = expandWords(word.text, info.scope, ctx.file.escapeChar);
    if (!e.resolved || e.error || e.undefinedVars.length > 0) continue;
    for (const w of e.words) out.push(parsePortSpec(w, word, false));
  }
  return out;
}

function partSpan(ctx: RuleContext, spec: PortSpec, offset: number, length: number): Span {
  return spec.literal && offset >= 0 ? { start: spec.word.span.start + offset, end: spec.word.span.start + offset + length } : spec.word.span;
}

const PORT = /^\d+$/;

export const exposeInvalidPort = defineRule({
  name: 'expose-invalid-port',
  practices: ['expose-port'],
  severity: 'error',
  instructions: ['EXPOSE'],
  aliases: ['DL3011'],
  summary: 'EXPOSE a port that does not exist (above 65535, or not a number)',
  docs: {
    what: 'Reports an EXPOSE port or port range whose numbers are above 65535 or that is not a number at all (after expanding variables; specs with unknown variables are skipped).',
    why: 'TCP and UDP ports go from 0 to 65535. BuildKit refuses the instruction (`invalid containerPort`), so the build fails.',
  },
  examples: {
    bad: [{ code: 'FROM python:3.12-slim\nEXPOSE 80000\n' }, { code: 'FROM python:3.12-slim\nEXPOSE 8000-70000/tcp\n' }],
    good: [{ code: 'FROM python:3.12-slim\nEXPOSE 8000\n' }, { code: 'FROM python:3.12-slim\nEXPOSE 8000-8010/udp\n' }, { code: 'FROM python:3.12-slim\nARG PORT\nEXPOSE $PORT\n' }],
  },
  create(ctx) {
    return {
      instruction(info) {
        if (info.instruction.name !== 'EXPOSE') return;
        for (const spec of portSpecs(ctx, info)) {
          const range = spec.containerPort.split('-');
          const bad = range.length > 2 || range.some((p) => !PORT.test(p) || Number(p) > 65535);
          if (!bad) continue;
          const numeric = range.every((p) => PORT.test(p));
          ctx.report({
            span: partSpan(ctx, spec, spec.text.lastIndexOf(spec.containerPort), spec.containerPort.length),
            message: numeric ? `Port ${spec.containerPort} is out of range: ports go from 0 to 65535` : `'${spec.containerPort}' is not a port number or range`,
          });
        }
      },
    };
  },
});

export const exposeProtocolUppercase = defineRule({
  name: 'expose-protocol-uppercase',
  practices: ['expose-port'],
  severity: 'warning',
  instructions: ['EXPOSE'],
  aliases: ['ExposeProtoCasing'],
  fixable: 'safe',
  summary: 'EXPOSE with an upper-case protocol (`80/TCP`)',
  docs: {
    what: 'Reports an EXPOSE protocol that is not lower-case, e.g. `8000/TCP`.',
    why: 'Docker stores the protocol as written in the image config, and tools that read it (Compose, Kubernetes generators, scanners) expect `tcp`, `udp` or `sctp`; an upper-case one may be ignored or treated as a different port.',
    fixSafety: 'Safe: the protocol is lower-cased, which is what Docker means by it.',
  },
  examples: {
    bad: [{ code: 'FROM python:3.12-slim\nEXPOSE 8000/TCP\n' }],
    good: [{ code: 'FROM python:3.12-slim\nEXPOSE 8000/tcp\n' }],
    fixed: [{ input: 'FROM python:3.12-slim\nEXPOSE 8000/TCP 9000/Udp\n', output: 'FROM python:3.12-slim\nEXPOSE 8000/tcp 9000/udp\n' }],
  },
  create(ctx) {
    return {
      instruction(info) {
        if (info.instruction.name !== 'EXPOSE') return;
        for (const spec of portSpecs(ctx, info)) {
          if (!spec.proto || spec.proto === spec.proto.toLowerCase()) continue;
          const span = partSpan(ctx, spec, spec.protoOffset, spec.proto.length);
          const lower = spec.proto.toLowerCase();
          ctx.report({
            span,
            message: `Protocol of '${spec.text}' should be lower-case: '${lower}'`,
            fix: spec.literal ? { safety: 'safe', title: `Write \`${lower}\``, edits: [{ start: span.start, end: span.end, text: lower }] } : null,
          });
        }
      },
    };
  },
});

export const exposeHostMapping = defineRule({
  name: 'expose-host-mapping',
  practices: ['expose-port'],
  severity: 'warning',
  instructions: ['EXPOSE'],
  aliases: ['ExposeInvalidFormat'],
  summary: 'EXPOSE with an IP address or a host port (`8000:8000`)',
  docs: {
    what: 'Reports an EXPOSE spec that names an IP address or a host port (`127.0.0.1:80:80`, `8000:8000`).',
    why: 'EXPOSE only documents which container port the app listens on; publishing to a host port is decided by `docker run -p` or Compose. Docker drops the host part silently today, and BuildKit announces it will become an error.',
  },
  examples: {
    bad: [{ code: 'FROM python:3.12-slim\nEXPOSE 8000:8000\n' }, { code: 'FROM python:3.12-slim\nEXPOSE 127.0.0.1:8000:8000\n' }],
    good: [{ code: 'FROM python:3.12-slim\nEXPOSE 8000\n' }],
  },
  create(ctx) {
    return {
      instruction(info) {
        if (info.instruction.name !== 'EXPOSE') return;
        for (const spec of portSpecs(ctx, info)) {
          if (spec.ip === null && spec.hostPort === null) continue;
          const cut = spec.text.lastIndexOf(spec.containerPort);
          ctx.report({
            span: partSpan(ctx, spec, 0, cut > 0 ? cut : spec.text.length),
            message: `EXPOSE '${spec.text}' names ${spec.ip !== null ? 'an IP address' : 'a host port'}: expose only the container port (${spec.containerPort}${spec.proto ? `/${spec.proto}` : ''}) and publish with \`docker run -p\``,
          });
        }
      },
    };
  },
});
