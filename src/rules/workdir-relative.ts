import { defineRule } from '../engine/rule.js';
import type { Stage } from '../model/model.js';

export function isAbsolutePath(p: string): boolean {
  const s = p.replace(/^["']|["']$/g, '');
  return s.startsWith('/') || s.startsWith('$') || /^[A-Za-z]:[\\/]?/.test(s) || s.startsWith('\\');
}

export default defineRule({
  name: 'workdir-relative',
  practices: ['workdir-absolute'],
  severity: 'warning',
  aliases: ['DL3000', 'WorkdirRelativePath'],
  summary: 'WORKDIR with a relative path before any absolute one',
  docs: {
    what: 'Reports a relative `WORKDIR` (after expanding variables) when no WORKDIR came before it in the stage or in the stages it builds on. A relative WORKDIR after an absolute one is fine: it is resolved against a directory the Dockerfile itself set.',
    why: 'A first relative WORKDIR is resolved against the working directory of the base image, which the Dockerfile does not show and which can change when the base does. An absolute path says where files go, whatever the base.',
  },
  examples: {
    bad: [{ code: 'FROM python:3.12-slim\nWORKDIR app\n' }],
    good: [
      { code: 'FROM python:3.12-slim\nWORKDIR /app\n' },
      { code: 'FROM python:3.12-slim\nARG APP=/app\nWORKDIR $APP\n' },
      { code: 'FROM python:3.12-slim AS base\nWORKDIR /srv\nFROM base\nWORKDIR app\n' },
    ],
  },
  create(ctx) {
    const withWorkdir = new Set<Stage>();
    let globalWorkdir = false;
    return {
      instruction(info) {
        const ins = info.instruction;
        const stage = info.stage;
        if (ins.name === 'FROM') {
          if (stage?.parent && withWorkdir.has(stage.parent)) withWorkdir.add(stage);
          return;
        }
        if (ins.name !== 'WORKDIR' || !ins.value) return;
        const first = stage ? !withWorkdir.has(stage) : !globalWorkdir;
        if (stage) withWorkdir.add(stage);
        else globalWorkdir = true;
        if (!first) return;
        if (isAbsolutePath(ins.value.text)) {
          if (!ins.value.text.startsWith('$')) return;
          const e = ctx.expand(ins.value.text, info);
          if (!e.resolved || e.error || e.undefinedVars.length > 0 || isAbsolutePath(e.value)) return;
        }
        const path = ins.value.text.replace(/^(["'])(.*)\1$/, '$2');
        ctx.report({ span: ins.value.span, message: `Relative WORKDIR '${path}' is resolved against the base image's working directory: use an absolute path such as '/app'` });
      },
    };
  },
});
