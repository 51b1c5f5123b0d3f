/**
 * Suppression comments: `# dockwise ignore=rule,…` (the next instruction), `# dockwise global
 * ignore=…` (the whole file), `# dockwise stage ignore=…` (one stage), the same with `hadolint`,
 * and BuildKit's per-instruction `# check=skip=…` comment. Each code remembers whether it
 * suppressed anything, so unused ones can be reported.
 */
import type { Comment, Dockerfile, Instruction } from '../parser/ast.js';
import type { Span } from '../parser/source.js';
import type { Rule } from './rule.js';
import { buildkitName, parseCheckDirective, type RuleIndex } from './selection.js';

export interface SuppressionCode {
  readonly code: string;
  readonly span: Span;
  /** The rules it names (empty when the code is unknown). */
  readonly rules: readonly Rule[];
  used: boolean;
}

export interface Suppression {
  readonly tool: 'dockwise' | 'hadolint' | 'buildkit';
  readonly comment: Comment;
  readonly global: boolean;
  /** `stage ignore=…`: the stage below the comment (or the rest of the stage it is in). */
  readonly stage?: boolean;
  /** Lines it covers (the next instruction's lines), or null for global. */
  readonly lines: { readonly start: number; readonly end: number } | null;
  readonly codes: readonly SuppressionCode[];
  /** `check=skip=all`. */
  readonly all: boolean;
  /** A hadolint pragma with a token that is not a rule code: hadolint ignores the whole comment, and so do we. */
  readonly invalid?: SuppressionCode;
}

const PRAGMA = /^(dockwise|hadolint)\s+(?:(global|stage)\s+)?ignore\s*=\s*(.*)$/;
/** hadolint accepts only code-like tokens; one other token makes it ignore the whole comment. */
const HADOLINT_CODE = /^[DLSC0-9]+$/;

/** The lines a stage pragma on `line` covers: the stage whose FROM follows it, or the rest of the current stage. */
function stageLines(instructions: readonly Instruction[], line: number): { start: number; end: number } {
  const next = nextInstruction(instructions, line);
  const nextFrom = (after: number): Instruction | undefined => instructions.find((i) => i.name === 'FROM' && i.startLine > after);
  const last = instructions.at(-1)?.endLine ?? line;
  if (next?.name === 'FROM') {
    const following = nextFrom(next.endLine);
    return { start: next.endLine + 1, end: following ? following.startLine - 1 : last };
  }
  const following = nextFrom(line);
  return { start: line + 1, end: following ? following.startLine - 1 : last };
}

/** The codes of a comma/space separated list that starts at source offset `from` and runs to `to`. */
function codesIn(text: string, from: number, to: number, index: RuleIndex): SuppressionCode[] {
  const codes: SuppressionCode[] = [];
  const re = /[^,\s;]+/g;
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && m.index < to) {
    const end = Math.min(m.index + m[0].length, to);
    const code = text.slice(m.index, end);
    codes.push({ code, span: { start: m.index, end }, rules: index.match(code), used: false });
  }
  return codes;
}

/** The source offset just after `marker` (and following blanks) inside the comment, or -1. */
function after(text: string, comment: Comment, marker: RegExp): number {
  const src = text.slice(comment.span.start, comment.span.end);
  const m = marker.exec(src);
  return m ? comment.span.start + m.index + m[0].length : -1;
}

function nextInstruction(instructions: readonly Instruction[], line: number): Instruction | undefined {
  let lo = 0;
  let hi = instructions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((instructions[mid] as Instruction).startLine <= line) lo = mid + 1;
    else hi = mid;
  }
  return instructions[lo];
}

export function collectSuppressions(file: Dockerfile, index: RuleIndex, pragmasEnabled: boolean): Suppression[] {
  const out: Suppression[] = [];
  if (pragmasEnabled) {
    for (const item of file.items) {
      if (item.kind !== 'comment') continue;
      const m = PRAGMA.exec(item.text);
      if (!m) continue;
      const global = m[2] === 'global';
      const stage = m[2] === 'stage';
      const target = global || stage ? undefined : nextInstruction(file.instructions, item.line);
      const listStart = after(file.text, item, /ignore\s*=\s*/);
      // A trailing `# reason` is not part of the list.
      const hash = listStart < 0 ? -1 : file.text.slice(listStart, item.span.end).indexOf('#');
      const listEnd = hash >= 0 ? listStart + hash : item.span.end;
      let codes = listStart < 0 ? [] : codesIn(file.text, listStart, listEnd, index);
      const tool = m[1] as 'dockwise' | 'hadolint';
      const bad = tool === 'hadolint' ? codes.find((c) => !HADOLINT_CODE.test(c.code)) : undefined;
      if (bad) codes = codes.map((c) => ({ ...c, rules: [], used: true }));
      out.push({
        tool,
        comment: item,
        global,
        stage,
        lines: global ? null : stage ? stageLines(file.instructions, item.line) : target ? { start: target.startLine, end: target.endLine } : { start: -1, end: -1 },
        codes,
        all: false,
        ...(bad ? { invalid: bad } : {}),
      });
    }
  }
  // BuildKit: a `check=skip=…` comment attached to an instruction applies to it alone.
  for (const ins of file.instructions) {
    for (const c of ins.leadingComments) {
      if (!c.text.startsWith('check=')) continue;
      const d = parseCheckDirective(c.text.slice('check='.length));
      if (!d) continue;
      if (d.skip === 'all') {
        out.push({ tool: 'buildkit', comment: c, global: false, lines: { start: ins.startLine, end: ins.endLine }, codes: [], all: true });
      } else {
        const listStart = after(file.text, c, /skip\s*=\s*/);
        let listEnd = listStart;
        while (listEnd < c.span.end && !/[\s;]/.test(file.text[listEnd] ?? ' ')) listEnd++;
        const codes = listStart < 0 ? [] : codesIn(file.text, listStart, listEnd, index);
        out.push({ tool: 'buildkit', comment: c, global: false, lines: { start: ins.startLine, end: ins.endLine }, codes, all: false });
      }
      break;
    }
  }
  return out;
}

/** True (and marks the code used) when a diagnostic of `rule` on `line` is suppressed. */
export function isSuppressed(suppressions: readonly Suppression[], rule: Rule, line: number): boolean {
  let hit = false;
  for (const s of suppressions) {
    if (s.lines && (line < s.lines.start || line > s.lines.end)) continue;
    if (s.all) {
      // BuildKit's skip=all leaves experimental checks on.
      if (buildkitName(rule) && !rule.experimental) hit = true;
      continue;
    }
    for (const c of s.codes) {
      if (c.rules.includes(rule)) {
        c.used = true;
        hit = true;
      }
    }
  }
  return hit;
}
