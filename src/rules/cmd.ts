import { defineRule, type Rule } from '../engine/rule.js';
import type { Instruction, InstructionName } from '../parser/ast.js';
import { shellToExec } from './shell-form.js';

export const cmdShellForm = defineRule({
  name: 'cmd-shell-form',
  practices: ['cmd-exec-form'],
  severity: 'warning',
  instructions: ['CMD', 'ENTRYPOINT'],
  aliases: ['DL3025', 'JSONArgsRecommended'],
  fixable: 'unsafe',
  summary: 'CMD / ENTRYPOINT in shell form: the server is not PID 1 and misses signals',
  docs: {
    what: 'Reports `CMD` and `ENTRYPOINT` written in shell form (`CMD gunicorn app:app`) in a stage without a custom `SHELL`.',
    why: 'Shell form runs `/bin/sh -c "…"`: the shell is PID 1 and does not forward SIGTERM, so `docker stop` waits ten seconds and kills the server without a graceful shutdown; in-flight requests are dropped. Exec form (`["gunicorn", "app:app"]`) makes the server PID 1.',
    fixSafety: 'Unsafe: the command is rewritten as a JSON array when it has no shell syntax (no variables, quotes, pipes, `&&`, globs, redirections); the process tree changes, which is the point. Otherwise it is only a suggestion.',
  },
  examples: {
    bad: [{ code: 'FROM python:3.12-slim\nCMD gunicorn -b 0.0.0.0:8000 app:app\n' }, { code: 'FROM python:3.12-slim\nENTRYPOINT python app.py\n' }],
    good: [{ code: 'FROM python:3.12-slim\nCMD ["gunicorn", "-b", "0.0.0.0:8000", "app:app"]\n' }, { code: 'FROM python:3.12-slim\nSHELL ["/bin/bash", "-c"]\nCMD echo hi\n' }],
    fixed: [{ input: 'FROM python:3.12-slim\nCMD gunicorn -b 0.0.0.0:8000 app:app\n', output: 'FROM python:3.12-slim\nCMD ["gunicorn", "-b", "0.0.0.0:8000", "app:app"]\n', unsafe: true }],
  },
  create(ctx) {
    return {
      instruction(info) {
        const ins = info.instruction;
        if ((ins.name !== 'CMD' && ins.name !== 'ENTRYPOINT') || ins.command?.form !== 'shell' || info.shell.instruction) return;
        const exec = shellToExec(ins.command.text);
        ctx.report({
          span: ins.command.span,
          message: `${ins.keyword.text} in shell form runs under \`/bin/sh -c\`: the server is not PID 1 and does not get SIGTERM; use the JSON (exec) form`,
          fix: exec
            ? { safety: 'unsafe', title: 'Rewrite in exec form', edits: [{ start: ins.command.span.start, end: ins.command.span.end, text: exec }] }
            : { safety: 'suggestion', title: 'Rewrite in exec form (the command uses shell syntax: wrap it in a script or `exec` it)', edits: [] },
        });
      },
    };
  },
});

function multipleRule(o: { name: string; instruction: InstructionName; alias: string; practices: Rule['practices']; severity: Rule['severity']; why: string }): Rule {
  const kw = o.instruction;
  return defineRule({
    name: o.name,
    practices: o.practices,
    severity: o.severity,
    aliases: [o.alias, 'MultipleInstructionsDisallowed'],
    summary: `More than one ${kw} in a stage: only the last one counts`,
    docs: {
      what: `Reports every ${kw} of a stage that a later ${kw} in the same stage replaces (at the replaced one, as BuildKit does).`,
      why: o.why,
    },
    examples: {
      bad: [{ code: `FROM python:3.12-slim\n${kw} ["a"]\n${kw} ["b"]\n`, count: 1 }],
      good: [{ code: `FROM python:3.12-slim AS a\n${kw} ["a"]\nFROM a\n${kw} ["b"]\n` }],
    },
    create(ctx) {
      return {
        stageEnd(stage) {
          const list: Instruction[] = stage.instructions.map((i) => i.instruction).filter((i) => i.name === kw);
          for (let k = 0; k + 1 < list.length; k++) {
            const ins = list[k] as Instruction;
            const next = list[k + 1] as Instruction;
            ctx.report({
              span: ins.keyword.span,
              message: `Multiple ${ins.keyword.text} instructions in one stage: this one is replaced by the ${next.keyword.text} on line ${next.startLine}`,
            });
          }
        },
      };
    },
  });
}

export const multipleCmd = multipleRule({
  name: 'multiple-cmd',
  instruction: 'CMD',
  alias: 'DL4003',
  practices: ['cmd-single'],
  severity: 'warning',
  why: 'A stage has one default command. An earlier CMD is silently replaced, so whoever reads it believes the container runs something it does not.',
});

export const multipleEntrypoint = multipleRule({
  name: 'multiple-entrypoint',
  instruction: 'ENTRYPOINT',
  alias: 'DL4004',
  practices: ['cmd-single'],
  severity: 'error',
  why: 'Only the last ENTRYPOINT takes effect; the others are dead code that misleads readers and reviewers.',
});

export const multipleHealthcheck = multipleRule({
  name: 'multiple-healthcheck',
  instruction: 'HEALTHCHECK',
  alias: 'DL3012',
  practices: ['healthcheck'],
  severity: 'error',
  why: 'Only the last HEALTHCHECK is used; an earlier one gives a false idea of how the container is probed.',
});
