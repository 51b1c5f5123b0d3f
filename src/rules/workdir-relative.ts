import { defineRule } from '../engine/rule.js';

export function isAbsolutePath(p: string): boolean {
  const s = p.replace(/^["']|["']$/g, '');
  return s.startsWith('/') || s.startsWith('$') || /^[A-Za-z]:[\\/]?/.test(s) || s.startsWith('\\');
}

export default defineRule({
  name: 'workdir-relative',
  practices: ['workdir-absolute'],
  severity: 'warning',
  aliases: ['DL3000'],
  summary: 'WORKDIR with a relative path',
  docs: {
    what: 'Reports `WORKDIR` whose path (after expanding variables) is relative.',
    why: 'A relative WORKDIR is resolved against the previous one, which comes from the base image and can change when the base does. An absolute path says where files go, whatever the base.',
  },
  examples: {
    bad: [{ code: 'FROM python:3.12-slim\nWORKDIR app\n' }],
    good: [{ code: 'FROM python:3.12-slim\nWORKDIR /app\n' }, { code: 'FROM python:3.12-slim\nARG APP=/app\nWORKDIR $APP\n' }],
  },
  create(ctx) {
    return {
      instruction(info) {
        const ins = info.instruction;
        if (ins.name !== 'WORKDIR' || !ins.value) return;
        if (isAbsolutePath(ins.value.text)) {
          if (!ins.value.text.startsWith('$')) return;
          const e = ctx.expand(ins.value.text, info);
          if (!e.resolved || isAbsolutePath(e.value)) return;
        }
        ctx.report({ span: ins.value.span, message: `WORKDIR \`${ins.value.text}\` is relative: use an absolute path such as \`/app\`` });
      },
    };
  },
});
