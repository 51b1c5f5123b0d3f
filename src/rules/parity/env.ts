/** ENV, LABEL and ARG: the legacy `key value` form, self-references, secrets. */
import { defineRule } from '../../engine/rule.js';
import type { FixDescriptor } from '../../engine/rule.js';
import type { KeyValue, KeyValueInstruction } from '../../parser/ast.js';
import { processWord } from '../../model/expand.js';
import { variableSpan } from './util.js';

/**
 * `ENV key value` → `ENV key=value`. The legacy value is the raw rest of the line, expanded as one
 * word; written after `=` it must stay one word: unchanged when it has no blank outside quotes,
 * wrapped in double quotes when it has blanks but no quotes or backslashes. Otherwise no fix.
 */
function legacyFix(text: string, ins: KeyValueInstruction, pair: KeyValue): FixDescriptor | null {
  const gap = text.slice(pair.key.span.end, pair.value.span.start);
  if (!/^[ \t]+$/.test(gap) || /["'\\`]/.test(pair.key.text) || pair.key.text.includes('$')) return null;
  const value = pair.value.text;
  const raw = text.slice(pair.value.span.start, pair.value.span.end);
  if (raw !== value) return null; // crosses a line continuation or comment
  const title = `Write \`${ins.keyword.text} ${pair.key.text}=…\``;
  if (!hasBlankOutsideQuotes(value)) return { safety: 'safe', title, edits: [{ start: pair.key.span.end, end: pair.value.span.start, text: '=' }] };
  if (/["'\\`]/.test(value)) return null;
  return {
    safety: 'safe',
    title,
    edits: [
      { start: pair.key.span.end, end: pair.value.span.start, text: '="' },
      { start: pair.value.span.end, end: pair.value.span.end, text: '"' },
    ],
  };
}

function hasBlankOutsideQuotes(s: string): boolean {
  let quote = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i] as string;
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = '';
    } else if (c === '\\') i++;
    else if (c === '"' || c === "'") quote = c;
    else if (c === ' ' || c === '\t') return true;
  }
  // An unterminated quote: treat it as a blank, so the value is not rewritten.
  return quote !== '';
}

export const legacyKeyValueFormat = defineRule({
  name: 'legacy-key-value-format',
  practices: [],
  severity: 'warning',
  instructions: ['ENV', 'LABEL'],
  aliases: ['LegacyKeyValueFormat'],
  fixable: 'safe',
  summary: '`ENV key value` / `LABEL key value`: the legacy form without `=`',
  docs: {
    what: 'Reports `ENV` and `LABEL` written in the legacy `KEY value` form (no `=`).',
    why: 'In the legacy form everything after the key is one value: `ENV A 1 B 2` sets A to `1 B 2`, not two variables, and a second pair can never be added. Docker documents it as deprecated; `KEY=value` says exactly what is set.',
    fixSafety: 'Safe: the space becomes `=`, and a value with blanks is wrapped in double quotes so it stays one value. No fix when the value has quotes or backslashes as well as blanks, or spans lines.',
  },
  examples: {
    bad: [{ code: 'FROM python:3.12-slim\nENV PYTHONUNBUFFERED 1\n' }, { code: 'FROM python:3.12-slim\nLABEL description A small web app\n' }],
    good: [{ code: 'FROM python:3.12-slim\nENV PYTHONUNBUFFERED=1\nLABEL description="A small web app"\n' }],
    fixed: [
      { input: 'FROM python:3.12-slim\nENV PYTHONUNBUFFERED 1\n', output: 'FROM python:3.12-slim\nENV PYTHONUNBUFFERED=1\n' },
      { input: 'FROM python:3.12-slim\nLABEL description A small $NAME app\n', output: 'FROM python:3.12-slim\nLABEL description="A small $NAME app"\n' },
    ],
  },
  create(ctx) {
    return {
      instruction({ instruction: ins }) {
        if (ins.name !== 'ENV' && ins.name !== 'LABEL') return;
        const pair = ins.pairs[0];
        if (!pair?.legacy || !pair.value.text) return;
        ctx.report({
          span: { start: pair.key.span.start, end: pair.value.span.end },
          message: `Legacy "${ins.keyword.text} ${pair.key.text} value" form: write "${ins.keyword.text} ${pair.key.text}=value"`,
          fix: legacyFix(ctx.file.text, ins, pair),
        });
      },
    };
  },
});

export const envSelfReference = defineRule({
  name: 'env-self-reference',
  practices: [],
  severity: 'warning',
  instructions: ['ENV'],
  aliases: ['DL3044'],
  summary: 'An ENV value uses a variable set earlier in the same ENV instruction',
  docs: {
    what: 'Reports `ENV A=1 B=$A`: a value that refers to a variable assigned earlier in the same instruction. Re-exporting an ARG unchanged (`ENV A=$A B=$A/x`) is fine: the old and new values are the same.',
    why: 'All pairs of one ENV are expanded with the variables from before the instruction, so `B` gets the previous value of `A` (often empty), not `1`. Split it into two ENV instructions.',
  },
  examples: {
    bad: [{ code: 'FROM python:3.12-slim\nENV APP_HOME=/app APP_DATA=$APP_HOME/data\n' }],
    good: [
      { code: 'FROM python:3.12-slim\nENV APP_HOME=/app\nENV APP_DATA=$APP_HOME/data\n' },
      { code: 'FROM python:3.12-slim\nENV PATH=/venv/bin:$PATH\n' },
      { code: 'FROM python:3.12-slim\nARG APP_HOME=/app\nENV APP_HOME=$APP_HOME APP_DATA=$APP_HOME/data\n' },
    ],
  },
  create(ctx) {
    return {
      instruction(info) {
        const ins = info.instruction;
        if (ins.name !== 'ENV' || ins.pairs.length < 2) return;
        // name → whether its new value differs from the old one (`A=$A` re-exports an ARG unchanged).
        const assigned = new Map<string, boolean>();
        for (const p of ins.pairs) {
          if (assigned.size > 0 && p.value.text.includes('$')) {
            const r = processWord(p.value.text, () => undefined, { escape: ctx.file.escapeChar });
            if (r.ok) {
              for (const name of r.unmatched) {
                if (!assigned.get(name)) continue;
                ctx.report({
                  span: variableSpan(ctx.file.text, p.value.span, name),
                  message: `'$${name}' is set earlier in this same ENV, but here it still has its value from before the instruction: move ${p.key.text} to its own ENV`,
                });
              }
            }
          }
          const same = info.scope.has(p.key.text) && /^"?\$\{?([\p{L}\p{N}_]+)\}?"?$/u.exec(p.value.text)?.[1] === p.key.text;
          assigned.set(p.key.text, !same);
        }
      },
    };
  },
});

const SECRET = /(?:_|^)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)/i;
const NOT_SECRET = /(?:_|^)(?:public|file|version)(?:_|$)/i;

export function isSecretName(name: string): boolean {
  return SECRET.test(name) && !NOT_SECRET.test(name);
}

export const secretInArgOrEnv = defineRule({
  name: 'secret-in-arg-or-env',
  practices: [],
  severity: 'warning',
  aliases: ['DL3064', 'SecretsUsedInArgOrEnv'],
  summary: 'A secret passed through ARG or ENV',
  docs: {
    what: 'Reports an ENV, or an ARG inside a stage, whose name looks like a secret: a `_`-separated part is `password`, `passwd`, `pword`, `secret`, `token`, `key`, `apikey`, `auth`, `credential(s)` (`AWS_SECRET_ACCESS_KEY`, `GITHUB_TOKEN`), unless another part says it is not the secret itself (`public`, `file`, `version`: `SSH_KEY_FILE`, `PUBLIC_KEY`). Global ARGs used only by FROM lines are left alone: their values reach neither the image nor its history.',
    why: 'ENV values are stored in the image config, readable by anyone who can pull it (`docker inspect`). ARG values used by a RUN end up in the image history (`docker history`) and in build caches. Use a secret mount (`RUN --mount=type=secret,id=token …`), which leaves nothing behind.',
  },
  examples: {
    bad: [{ code: 'FROM python:3.12-slim\nENV DJANGO_SECRET_KEY=changeme\n' }, { code: 'FROM python:3.12-slim\nARG PIP_INDEX_TOKEN\nRUN pip install --index-url https://$PIP_INDEX_TOKEN@example.com/simple app\n' }],
    good: [
      { code: 'FROM python:3.12-slim\nRUN --mount=type=secret,id=pip_token PIP_INDEX_TOKEN=$(cat /run/secrets/pip_token) pip install app\n' },
      { code: 'FROM python:3.12-slim\nENV GPG_PUBLIC_KEY=0xABCDEF SECRET_KEY_FILE=/run/secrets/key\n' },
    ],
  },
  create(ctx) {
    return {
      instruction(info) {
        const ins = info.instruction;
        if (ins.name === 'ARG' && info.stage) {
          for (const a of ins.args) {
            if (a.name && isSecretName(a.name)) ctx.report({ span: a.nameSpan, message: `ARG ${a.name} looks like a secret: build args are kept in the image history; use a secret mount (RUN --mount=type=secret)` });
          }
        } else if (ins.name === 'ENV') {
          for (const p of ins.pairs) {
            const name = ctx.expand(p.key.text, info).value;
            if (name && isSecretName(name)) ctx.report({ span: p.key.span, message: `ENV ${name} looks like a secret: ENV values are stored in the image for anyone to read; use a secret mount (RUN --mount=type=secret)` });
          }
        }
      },
    };
  },
});
