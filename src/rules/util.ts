/** Small helpers shared by rules (anything two rules need lives here or in the model). */
import type { Instruction, InstructionName } from '../parser/ast.js';
import type { Span } from '../parser/source.js';
import type { TextEdit } from '../engine/types.js';
import type { InstructionInfo, Stage } from '../model/model.js';
import type { RuleContext } from '../engine/rule.js';

export function replace(span: Span, text: string): TextEdit {
  return { start: span.start, end: span.end, text };
}

export function insert(offset: number, text: string): TextEdit {
  return { start: offset, end: offset, text };
}

/** The instructions of a stage with a given name (FROM excluded). */
export function stageInstructions<N extends InstructionName>(stage: Stage, name: N): Extract<Instruction, { name: N }>[] {
  const out: Extract<Instruction, { name: N }>[] = [];
  for (const info of stage.instructions) if (info.instruction.name === name) out.push(info.instruction as Extract<Instruction, { name: N }>);
  return out;
}

/** The stage and the stages it builds on (`FROM <stage>`), nearest first. */
export function stageChain(stage: Stage): Stage[] {
  const out: Stage[] = [];
  for (let s: Stage | null = stage; s && !out.includes(s); s = s.parent) out.push(s);
  return out;
}

/** The last instruction with this name in the stage or, failing that, in the stages it builds on. */
export function lastInChain<N extends InstructionName>(stage: Stage, name: N): { ins: Extract<Instruction, { name: N }>; stage: Stage } | null {
  for (const s of stageChain(stage)) {
    const list = stageInstructions(s, name);
    const last = list.at(-1);
    if (last) return { ins: last, stage: s };
  }
  return null;
}

/** Does the runtime image (the final stage and what it builds on) contain this stage? */
export function isRuntime(ctx: RuleContext, stage: Stage | null): stage is Stage {
  return stage !== null && ctx.model.runtimeStages.has(stage);
}

/** The final stage, when the file has one. */
export function finalStage(ctx: RuleContext): Stage | null {
  return ctx.model.finalStage;
}

/** The stage's instruction infos, including those inherited through `FROM <stage>`, oldest first. */
const chainCache = new WeakMap<Stage, InstructionInfo[]>();

export function chainInfos(stage: Stage): InstructionInfo[] {
  let infos = chainCache.get(stage);
  if (!infos) {
    infos = stageChain(stage)
      .reverse()
      .flatMap((s) => s.instructions);
    chainCache.set(stage, infos);
  }
  return infos;
}

/** The instruction's span without its heredoc bodies (for reports about the instruction itself). */
export function headSpan(text: string, ins: Instruction): Span {
  const first = ins.heredocs[0];
  if (!first) return ins.span;
  let end = first.bodySpan.start - 1;
  if (text.charCodeAt(end - 1) === 13) end--;
  return { start: ins.span.start, end: Math.max(ins.span.start, end) };
}

export function keywordSpan(ins: Instruction): Span {
  return ins.keyword.span;
}

/** `ENV name=value` lines for the stage chain: the last value of each name. */
export function envValue(stage: Stage, name: string): { value: string; ins: Instruction } | null {
  const infos = chainInfos(stage);
  let found: { value: string; ins: Instruction } | null = null;
  for (const info of infos) {
    const ins = info.instruction;
    if (ins.name !== 'ENV') continue;
    for (const p of ins.pairs) if (p.key.text === name) found = { value: unquote(p.value.text), ins };
  }
  return found;
}

/** Removes one level of matching quotes (ENV/LABEL values keep them in the AST). */
export function unquote(s: string): string {
  if (s.length >= 2 && (s[0] === '"' || s[0] === "'") && s[s.length - 1] === s[0]) return s.slice(1, -1);
  return s;
}

export function isTruthy(v: string): boolean {
  return /^(?:1|true|yes|on)$/i.test(v.trim());
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The file's line ending (CRLF when its first line break is one). */
export function eolOf(text: string): string {
  const i = text.indexOf('\n');
  return i > 0 && text.charCodeAt(i - 1) === 13 ? '\r\n' : '\n';
}

/** An edit adding a whole line after an instruction (after its heredoc bodies too). */
export function insertLineAfter(text: string, ins: Instruction, line: string): TextEdit {
  return insert(ins.span.end, eolOf(text) + line);
}

/** An edit adding a whole line before an instruction, with the instruction's indentation. */
export function insertLineBefore(text: string, ins: Instruction, line: string): TextEdit {
  let lineStart = ins.span.start;
  while (lineStart > 0 && text.charCodeAt(lineStart - 1) !== 10) lineStart--;
  const indent = text.slice(lineStart, ins.span.start);
  return insert(lineStart, indent + line + eolOf(text));
}

const PY_COMMANDS = new Set(['python', 'python3', 'gunicorn', 'uvicorn', 'hypercorn', 'daphne', 'uwsgi', 'flask', 'django-admin', 'celery', 'fastapi', 'streamlit', 'waitress-serve', 'granian', 'pip', 'pip3', 'uv', 'poetry', 'pipenv']);

/** The program an argv starts (basename, `python3.12` → `python3`). */
export function programName(argv0: string | undefined): string {
  if (!argv0) return '';
  const base = argv0.replace(/^.*\//, '');
  return /^python\d(\.\d+)?$/.test(base) ? 'python3' : base;
}

/** Does the runtime image run Python? (A Python base image, a Python CMD, or a venv copied in.) */
export function runsPython(stage: Stage, isPythonBase: (s: Stage) => boolean): boolean {
  for (const s of stageChain(stage)) {
    if (!s.parent && isPythonBase(s)) return true;
    for (const info of s.instructions) {
      const ins = info.instruction;
      if ((ins.name === 'CMD' || ins.name === 'ENTRYPOINT') && ins.command) {
        const argv0 = ins.command.form === 'exec' ? ins.command.json.elements[0]?.value : ins.command.text.trim().split(/\s+/)[0];
        if (PY_COMMANDS.has(programName(argv0))) return true;
      }
      if (ins.name === 'ENV' && ins.pairs.some((p) => /^PYTHON|^PIP_|^VIRTUAL_ENV$/.test(p.key.text))) return true;
      if (ins.name === 'COPY' && ins.list?.items.some((w) => /venv|site-packages/.test(w.text))) return true;
    }
  }
  return false;
}
