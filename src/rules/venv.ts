import { defineRule } from '../engine/rule.js';
import type { InstructionInfo, Stage } from '../model/model.js';
import { programUses, wordSpan } from './commands.js';
import { pipInstall } from './pip.js';
import { chainInfos, isRuntime } from './util.js';

/** Has a virtualenv been created or put on PATH before `info` in the stage chain? */
function venvActive(stage: Stage, info: InstructionInfo): boolean {
  const path = info.scope.get('PATH')?.value ?? '';
  if (/venv|virtualenv|\/\.venv\//.test(path) || info.scope.has('VIRTUAL_ENV')) return true;
  for (const i of chainInfos(stage)) {
    if (i === info) break;
    const ins = i.instruction;
    if (ins.name === 'COPY' && ins.list?.items.slice(-1).some((w) => /venv/.test(w.text))) return true;
  }
  return false;
}

export const pipSystemPython = defineRule({
  name: 'pip-system-python',
  practices: ['venv-isolation'],
  severity: 'info',
  instructions: ['RUN'],
  aliases: [],
  fixable: 'suggestion',
  summary: 'Dependencies installed into the system Python of the runtime image instead of a virtualenv',
  docs: {
    what: 'Reports `pip install` into the system interpreter in a stage of the final image: no virtualenv on PATH (`ENV PATH=/opt/venv/bin:$PATH`), none created in the same RUN, and no `--target`/`--prefix`/`--user`; also `uv pip install --system`.',
    why: 'Installing into the interpreter\'s own site-packages mixes the app\'s dependencies with the distribution\'s and pip\'s own packages, and makes a multi-stage build awkward. A virtualenv (e.g. `/opt/venv`) is one folder that a builder stage fills and the final stage copies whole.',
    fixSafety: 'A suggestion: where the virtualenv lives and which stage builds it is a design choice.',
  },
  examples: {
    bad: [{ code: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir -r requirements.txt\n' }],
    good: [
      { code: 'FROM python:3.12-slim\nRUN python -m venv /opt/venv\nENV PATH=/opt/venv/bin:$PATH\nRUN pip install --no-cache-dir -r requirements.txt\n' },
      { code: 'FROM python:3.12-slim\nRUN python -m venv /opt/venv && /opt/venv/bin/pip install --no-cache-dir -r requirements.txt\n' },
      { code: 'FROM python:3.12-slim AS build\nRUN pip install --no-cache-dir --prefix=/install -r requirements.txt\nFROM python:3.12-slim\nCOPY --from=build /install /usr/local\n' },
    ],
  },
  create(ctx) {
    return {
      instruction(info) {
        if (info.instruction.name !== 'RUN' || !isRuntime(ctx, info.stage)) return;
        const script = ctx.script(info);
        if (!script || venvActive(info.stage, info)) return;
        const uses = programUses(script);
        let created = false;
        for (const use of uses) {
          if ((use.program === 'python' || use.program === 'python3') && use.args.some((a) => a.value === 'venv' || a.value === 'virtualenv')) created = true;
          if (use.program === 'virtualenv' || (use.program === 'uv' && use.args[0]?.value === 'venv')) created = true;
          if ((use.program === 'source' || use.program === '.') && use.args.some((a) => /activate$/.test(a.value ?? ''))) created = true;
          const p = pipInstall(use);
          if (!p || p.tool === 'pipx') continue;
          const name = use.command.name?.value ?? '';
          if (name.includes('/') && !/^\/usr\/(?:local\/)?bin\//.test(name)) continue; // /opt/venv/bin/pip
          if (created || p.options.has('target') || p.options.has('prefix') || p.options.has('user') || p.options.has('root')) continue;
          if (p.tool === 'uv-pip' && !p.options.has('system')) continue;
          ctx.report({
            span: wordSpan(script, use.command.name ?? p.install),
            message: 'Packages go into the system Python: install them into a virtualenv (e.g. `/opt/venv`, with its bin on PATH)',
            fix: { safety: 'suggestion', title: 'Create `/opt/venv` (`RUN python -m venv /opt/venv`) and put it first on PATH (`ENV PATH=/opt/venv/bin:$PATH`)', edits: [] },
          });
        }
      },
    };
  },
});
