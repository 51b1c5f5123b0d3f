/**
 * The Dockerfile parser: text → lossless syntax tree, following BuildKit's parser
 * (frontend/dockerfile/parser) rule for rule, and never throwing. Where BuildKit would reject the
 * file, the error is recorded with its location and parsing goes on, so that tools can still
 * report everything else.
 */
import type {
  ArgDeclaration,
  Comment,
  CommandArgs,
  Directive,
  Dockerfile,
  EscapeChar,
  Flag,
  Heredoc,
  Instruction,
  Item,
  KeyValue,
  ListArgs,
  ParseError,
  Word,
} from './ast.js';
import { isAsciiDigit, isAsciiLetter, isGoSpace, isSplitSpace, skipGoSpace, trimGoSpaceEnd } from './chars.js';
import { findHeredocs } from './heredoc.js';
import { scanJsonArray } from './json.js';
import { LogicalLine } from './logical-line.js';
import type { Span } from './source.js';
import { extractFlags, parseWords, splitWhitespace } from './words.js';
import { goQuote } from './quote.js';

/** BuildKit's scanner refuses physical lines of 64 KiB or more. */
const MAX_LINE_BYTES = 65536;


interface Frame {
  readonly text: string;
  readonly logical: LogicalLine;
  readonly escape: number;
  readonly errors: ParseError[];
  readonly startLine: number;
  readonly endLine: number;
  readonly span: Span;
  readonly leadingComments: readonly Comment[];
  readonly continuations: readonly Span[];
  readonly innerComments: readonly Comment[];
  readonly emptyContinuationLines: readonly Span[];
}

/** Parses a decoded Dockerfile. Never throws; problems BuildKit would reject are in `errors`. */
export function parse(text: string): Dockerfile {
  return new Parser(text).run();
}

function utf8Length(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
      n += 4;
      i++;
    } else if (c >= 0xdc80 && c <= 0xdcff) n += 1; // a raw byte kept by the decoder
    else n += 3;
  }
  return n;
}

class Parser {
  private readonly text: string;
  private readonly items: Item[] = [];
  private readonly extents: Span[] = [];
  private readonly instructions: Instruction[] = [];
  private readonly comments: Comment[] = [];
  private readonly directives: Directive[] = [];
  private readonly errors: ParseError[] = [];
  private escape: EscapeChar = '\\';
  private directivesDone = false;
  private readonly seenDirectives = new Set<string>();
  private pendingComments: Comment[] = [];

  // The current physical line.
  private lineNo = 0;
  private lineStart = 0;
  private contentEnd = 0;
  private lineEnd = 0;

  constructor(text: string) {
    this.text = text;
  }

  /** Advances to the next physical line; false at the end of the text. */
  private nextLine(): boolean {
    const text = this.text;
    if (this.lineEnd >= text.length && this.lineNo > 0) return false;
    this.lineStart = this.lineEnd;
    this.lineNo++;
    const nl = text.indexOf('\n', this.lineStart);
    this.lineEnd = nl < 0 ? text.length : nl + 1;
    let ce = nl < 0 ? text.length : nl;
    while (ce > this.lineStart && text.charCodeAt(ce - 1) === 13) ce--;
    this.contentEnd = ce;
    if (this.lineEnd - this.lineStart >= MAX_LINE_BYTES / 3 && utf8Length(text, this.lineStart, this.lineEnd) > MAX_LINE_BYTES) {
      this.error(`dockerfile line greater than max allowed size of ${MAX_LINE_BYTES - 1}`, { start: this.lineStart, end: this.contentEnd }, this.lineNo);
    }
    return true;
  }

  private error(message: string, span: Span, line: number): void {
    this.errors.push({ message, span, line });
  }

  private isCommentAt(from: number, to: number): boolean {
    const i = skipGoSpace(this.text, from, to);
    return i < to && this.text.charCodeAt(i) === 35;
  }

  private makeComment(hash: number, end: number, line: number): Comment {
    const body = this.text.slice(hash + 1, end);
    const a = skipGoSpace(body, 0, body.length);
    const b = trimGoSpaceEnd(body, a, body.length);
    return { kind: 'comment', text: body.slice(a, b), span: { start: hash, end }, line };
  }

  /** The offset of the escape character ending [from, to) as a line continuation, or -1. */
  private continuationAt(from: number, to: number): number {
    const text = this.text;
    const esc = this.escape.charCodeAt(0);
    let k = to;
    while (k > from) {
      const c = text.charCodeAt(k - 1);
      if (c !== 32 && c !== 9) break;
      k--;
    }
    if (k === from || text.charCodeAt(k - 1) !== esc) return -1;
    if (k - 1 > from && text.charCodeAt(k - 2) === esc) return -1;
    return k - 1;
  }

  run(): Dockerfile {
    const text = this.text;
    const bom = text.charCodeAt(0) === 0xfeff;
    if (bom) {
      this.items.push({ kind: 'bom', span: { start: 0, end: 1 } });
      this.extents.push({ start: 0, end: 1 });
      this.lineEnd = 1;
    }
    if (text.length > (bom ? 1 : 0)) {
      while (this.nextLine()) this.topLevelLine();
    } else {
      this.lineNo = text.length === 0 ? 0 : 1;
    }
    if (this.instructions.length === 0) {
      const end = text.length;
      this.error('file with no instructions', { start: end, end }, Math.max(this.lineNo, 1));
    }
    return {
      text,
      bom,
      escapeChar: this.escape,
      directives: this.directives,
      items: this.items,
      extents: this.extents,
      instructions: this.instructions,
      comments: this.comments,
      errors: this.errors,
    };
  }

  private topLevelLine(): void {
    const text = this.text;
    const ls = this.lineStart;
    const ce = this.contentEnd;
    const ws = skipGoSpace(text, ls, ce);
    const extentStart = ls;
    if (ws === ce) {
      if (!this.directivesDone) this.directivesDone = true;
      this.items.push({ kind: 'blank', span: { start: ls, end: ce }, line: this.lineNo });
      this.extents.push({ start: extentStart, end: this.lineEnd });
      return;
    }
    if (text.charCodeAt(ws) === 35) {
      if (!this.directivesDone && this.tryDirective(ws, ce)) {
        this.extents.push({ start: extentStart, end: this.lineEnd });
        return;
      }
      this.directivesDone = true;
      const comment = this.makeComment(ws, ce, this.lineNo);
      this.comments.push(comment);
      if (comment.text === '') this.pendingComments = [];
      else this.pendingComments.push(comment);
      this.items.push(comment);
      this.extents.push({ start: extentStart, end: this.lineEnd });
      return;
    }
    this.directivesDone = true;
    const instruction = this.instruction(ws);
    this.items.push(instruction);
    this.extents.push({ start: extentStart, end: this.lineEnd });
    this.pendingComments = [];
  }

  /** Matches `#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$` by hand (the regex backtracks quadratically). */
  private tryDirective(ws: number, ce: number): boolean {
    const text = this.text;
    const isRe2Space = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 12 || c === 13;
    let i = ws + 1;
    while (i < ce && isRe2Space(text.charCodeAt(i))) i++;
    const nameStart = i;
    if (i >= ce || !isAsciiLetter(text.charCodeAt(i))) return false;
    while (i < ce && (isAsciiLetter(text.charCodeAt(i)) || isAsciiDigit(text.charCodeAt(i)))) i++;
    const nameEnd = i;
    while (i < ce && isRe2Space(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) !== 61 || i >= ce) return false;
    i++;
    while (i < ce && isRe2Space(text.charCodeAt(i))) i++;
    let valueEnd = ce;
    while (valueEnd > i && isRe2Space(text.charCodeAt(valueEnd - 1))) valueEnd--;
    if (valueEnd <= i) return false;
    const nameText = text.slice(nameStart, nameEnd);
    const key = nameText.toLowerCase();
    if (key !== 'syntax' && key !== 'escape' && key !== 'check') return false;
    const value = text.slice(i, valueEnd);
    const span = { start: ws, end: ce };
    if (this.seenDirectives.has(key)) {
      this.error(`only one ${key} parser directive can be used`, span, this.lineNo);
    }
    this.seenDirectives.add(key);
    if (key === 'escape') {
      if (value === '\\' || value === '`') this.escape = value;
      else this.error(`invalid escape token '${value}' does not match \` or \\`, span, this.lineNo);
    }
    const directive: Directive = {
      kind: 'directive',
      name: key,
      nameText,
      value,
      span,
      nameSpan: { start: nameStart, end: nameEnd },
      valueSpan: { start: i, end: valueEnd },
      line: this.lineNo,
    };
    this.directives.push(directive);
    this.items.push(directive);
    return true;
  }

  private instruction(ws: number): Instruction {
    const text = this.text;
    const startLine = this.lineNo;
    const segs: number[] = [];
    // Most instructions are one line: the lists below stay the shared empty array.
    let continuations: Span[] | null = null;
    let innerComments: Comment[] | null = null;
    let emptyLines: Span[] | null = null;
    let joined = '';

    let p = this.continuationAt(ws, this.contentEnd);
    const firstEnd = p < 0 ? this.contentEnd : p;
    if (firstEnd > ws) {
      segs.push(0, ws);
      joined = text.slice(ws, firstEnd);
    }
    if (p >= 0) continuations = [{ start: p, end: this.contentEnd }];
    let end = this.contentEnd;
    while (p >= 0) {
      if (!this.nextLine()) break;
      const ls = this.lineStart;
      const ce = this.contentEnd;
      end = ce;
      if (this.isCommentAt(ls, ce)) {
        const c = this.makeComment(skipGoSpace(text, ls, ce), ce, this.lineNo);
        (innerComments ??= []).push(c);
        this.comments.push(c);
        continue;
      }
      if (skipGoSpace(text, ls, ce) === ce) {
        (emptyLines ??= []).push({ start: ls, end: ce });
        continue;
      }
      p = this.continuationAt(ls, ce);
      const pieceEnd = p < 0 ? ce : p;
      if (pieceEnd > ls) {
        segs.push(joined.length, ls);
        joined += text.slice(ls, pieceEnd);
      }
      if (p >= 0) (continuations ??= []).push({ start: p, end: ce });
    }
    if (segs.length === 0) segs.push(0, ws);
    const logical = new LogicalLine(joined, segs);
    const frame: Frame = {
      text: joined,
      logical,
      escape: this.escape.charCodeAt(0),
      errors: this.errors,
      startLine,
      endLine: this.lineNo,
      span: { start: ws, end },
      leadingComments: this.pendingComments,
      continuations: continuations ?? EMPTY,
      innerComments: innerComments ?? EMPTY,
      emptyContinuationLines: emptyLines ?? EMPTY,
    };
    const node = buildInstruction(frame, 0, joined.length, false, EMPTY);
    if (canContainHeredoc(node) && joined.includes('<<')) {
      const heredocs = this.readHeredocs(frame, startLine);
      if (heredocs.length > 0) {
        const last = heredocs[heredocs.length - 1] as Heredoc;
        const spanEnd = last.terminatorSpan ? last.terminatorSpan.end : last.bodySpan.end;
        const withDocs = node as unknown as MutableInstruction;
        withDocs.heredocs = heredocs;
        withDocs.endLine = this.lineNo;
        withDocs.span = { start: ws, end: spanEnd };
        if (withDocs.trigger) {
          const trigger = withDocs.trigger as unknown as MutableInstruction;
          trigger.heredocs = heredocs;
          trigger.endLine = this.lineNo;
        }
      }
    }
    this.instructions.push(node);
    return node;
  }

  private readHeredocs(frame: Frame, startLine: number): Heredoc[] {
    const markers = findHeredocs(frame.text, 0, frame.text.length);
    const text = this.text;
    const heredocs: Heredoc[] = [];
    for (const marker of markers) {
      const bodyStart = this.lineEnd;
      const bodyStartLine = this.lineNo + 1;
      let content = '';
      let terminator: Span | null = null;
      let bodyEnd = bodyStart;
      while (this.nextLine()) {
        let ls = this.lineStart;
        const ce = this.contentEnd;
        if (marker.chomp) while (ls < ce && text.charCodeAt(ls) === 9) ls++;
        if (ce - ls === marker.name.length && text.startsWith(marker.name, ls)) {
          terminator = { start: this.lineStart, end: ce };
          break;
        }
        content += text.slice(this.lineStart, this.lineEnd);
        bodyEnd = this.lineEnd;
      }
      heredocs.push({
        name: marker.name,
        expand: marker.expand,
        chomp: marker.chomp,
        fileDescriptor: marker.fileDescriptor,
        marker: { text: marker.word.text, span: frame.logical.span(marker.word.start, marker.word.end) },
        content,
        bodySpan: { start: bodyStart, end: bodyEnd },
        terminatorSpan: terminator,
        bodyStartLine,
      });
      if (!terminator) {
        this.error('unterminated heredoc', frame.logical.span(marker.word.start, marker.word.end), startLine);
        break;
      }
    }
    return heredocs;
  }
}

function canContainHeredoc(node: Instruction): boolean {
  let n: Instruction = node;
  if (n.name === 'ONBUILD' && n.trigger) n = n.trigger;
  switch (n.name) {
    case 'RUN':
      return n.command?.form !== 'exec';
    case 'COPY':
    case 'ADD':
      return !n.list?.json;
    default:
      return false;
  }
}

const DISPATCH = new Set(['ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR']);

/** BuildKit's newNodeFromLine over joined[from, to). */
function buildInstruction(f: Frame, from: number, to: number, onbuild: boolean, comments: readonly Comment[]): Instruction {
  const s = f.text;
  const a = skipGoSpace(s, from, to);
  const b = trimGoSpaceEnd(s, a, to);
  let k = a;
  while (k < b && !isSplitSpace(s.charCodeAt(k))) k++;
  const keyword: Word = { text: s.slice(a, k), span: f.logical.span(a, k) };
  let flags: readonly Flag[] = EMPTY;
  let ra = b;
  let rb = b;
  if (k < b) {
    let restStart = k;
    while (restStart < b && isSplitSpace(s.charCodeAt(restStart))) restStart++;
    const extracted = extractFlags(s, restStart, b, f.escape);
    if (extracted.flags.length > 0) flags = extracted.flags.map((fl) => makeFlag(f, fl.text, fl.start, fl.end));
    ra = skipGoSpace(s, extracted.rest, b);
    rb = trimGoSpaceEnd(s, ra, b);
  }
  const upper = keyword.text.toUpperCase();
  const name = DISPATCH.has(upper) ? (upper as Instruction['name']) : 'UNKNOWN';
  // One object shape for every instruction keeps property access monomorphic in the hot paths
  // of the parser and the rules; the kind-specific fields are simply absent (undefined) elsewhere.
  const node: MutableInstruction = {
    kind: 'instruction',
    name,
    keyword,
    flags,
    argsSpan: ra < rb ? f.logical.span(ra, rb) : null,
    heredocs: EMPTY,
    leadingComments: onbuild ? comments : f.leadingComments,
    span: onbuild ? f.logical.span(a, b) : f.span,
    startLine: f.startLine,
    endLine: f.endLine,
    logical: f.logical,
    continuations: onbuild ? EMPTY : f.continuations,
    innerComments: onbuild ? EMPTY : f.innerComments,
    emptyContinuationLines: onbuild ? EMPTY : f.emptyContinuationLines,
    onbuild,
    args: undefined,
    command: undefined,
    type: undefined,
    list: undefined,
    pairs: undefined,
    value: undefined,
    trigger: undefined,
  };
  switch (name) {
    case 'FROM':
    case 'EXPOSE':
      node.args = splitWhitespace(s, ra, rb).map((x) => word(f, x.start, x.end));
      break;
    case 'RUN':
    case 'CMD':
    case 'ENTRYPOINT':
    case 'SHELL':
      node.command = parseCommand(f, ra, rb);
      break;
    case 'HEALTHCHECK': {
      if (ra >= rb) {
        node.type = null;
        node.command = null;
        break;
      }
      let sep = ra;
      while (sep < rb && !isGoSpace(s.charCodeAt(sep))) sep++;
      const next = skipGoSpace(s, sep, rb);
      node.type = word(f, ra, sep);
      node.command = parseCommand(f, next, rb);
      break;
    }
    case 'COPY':
    case 'ADD':
    case 'VOLUME':
      node.list = parseList(f, ra, rb);
      break;
    case 'ENV':
    case 'LABEL':
      node.pairs = parseKeyValues(f, name, ra, rb);
      break;
    case 'ARG':
      node.args = parseArgs(f, ra, rb);
      break;
    case 'MAINTAINER':
    case 'USER':
    case 'WORKDIR':
    case 'STOPSIGNAL':
      node.value = ra < rb ? word(f, ra, rb) : null;
      break;
    case 'ONBUILD':
      node.trigger = ra < rb ? buildInstruction(f, ra, rb, true, EMPTY) : null;
      break;
    case 'UNKNOWN':
      break;
  }
  return node as unknown as Instruction;
}

const EMPTY: readonly never[] = Object.freeze([]);

/** The runtime shape of every instruction node (see buildInstruction). */
interface MutableInstruction {
  kind: 'instruction';
  name: Instruction['name'];
  keyword: Word;
  flags: readonly Flag[];
  argsSpan: Span | null;
  heredocs: readonly Heredoc[];
  leadingComments: readonly Comment[];
  span: Span;
  startLine: number;
  endLine: number;
  logical: LogicalLine;
  continuations: readonly Span[];
  innerComments: readonly Comment[];
  emptyContinuationLines: readonly Span[];
  onbuild: boolean;
  args: readonly Word[] | readonly ArgDeclaration[] | undefined;
  command: CommandArgs | null | undefined;
  type: Word | null | undefined;
  list: ListArgs | null | undefined;
  pairs: readonly KeyValue[] | undefined;
  value: Word | null | undefined;
  trigger: Instruction | null | undefined;
}

function word(f: Frame, x: number, y: number): Word {
  return { text: f.text.slice(x, y), span: f.logical.span(x, y) };
}

function makeFlag(f: Frame, processed: string, start: number, end: number): Flag {
  const body = processed.slice(2);
  const eq = body.indexOf('=');
  const span = f.logical.span(start, end);
  const rawText = f.text.slice(start, end);
  const rawEq = rawText.indexOf('=');
  const name = eq < 0 ? body : body.slice(0, eq);
  const nameSpan = f.logical.span(start, start + 2 + (rawEq < 0 ? rawText.length - 2 : rawEq - 2));
  return {
    name,
    value: eq < 0 ? null : body.slice(eq + 1),
    text: processed,
    span,
    nameSpan,
    valueSpan: rawEq < 0 ? null : f.logical.span(start + rawEq + 1, end),
  };
}

function nonStringError(f: Frame, ra: number, rb: number): void {
  f.errors.push({
    message: 'when using JSON array syntax, arrays must be comprised of strings only',
    span: f.logical.span(ra, rb),
    line: f.startLine,
  });
}

/** parseMaybeJSON: a JSON array of strings, or the whole rest as one shell-form string. */
function parseCommand(f: Frame, ra: number, rb: number): CommandArgs | null {
  if (ra >= rb) return null;
  const s = f.text;
  if (s.charCodeAt(ra) === 91) {
    const r = scanJsonArray(s, ra, rb);
    if (r.kind === 'strings') {
      return {
        form: 'exec',
        json: { elements: r.elements.map((e) => ({ value: e.value, span: f.logical.span(e.start, e.end) })), span: f.logical.span(ra, r.end) },
        span: f.logical.span(ra, rb),
      };
    }
    if (r.kind === 'non-string') nonStringError(f, ra, rb);
  }
  return { form: 'shell', text: s.slice(ra, rb), span: f.logical.span(ra, rb), offset: ra };
}

/** parseMaybeJSONToList: a JSON array of strings, or whitespace-separated words. */
function parseList(f: Frame, ra: number, rb: number): ListArgs | null {
  if (ra >= rb) return null;
  const s = f.text;
  if (s.charCodeAt(ra) === 91) {
    const r = scanJsonArray(s, ra, rb);
    if (r.kind === 'strings') {
      return { json: true, items: r.elements.map((e) => ({ text: e.value, span: f.logical.span(e.start, e.end) })) };
    }
    if (r.kind === 'non-string') {
      nonStringError(f, ra, rb);
    }
  }
  return { json: false, items: splitWhitespace(s, ra, rb).map((x) => ({ text: x.text, span: f.logical.span(x.start, x.end) })) };
}

function parseKeyValues(f: Frame, name: 'ENV' | 'LABEL', ra: number, rb: number): KeyValue[] {
  const s = f.text;
  const words = parseWords(s, ra, rb, f.escape);
  const first = words[0];
  if (!first) return [];
  if (!first.text.includes('=')) {
    // Legacy `KEY value`: the key is the first run of non-blanks, the value the raw rest.
    let k = ra;
    while (k < rb && !isSplitSpace(s.charCodeAt(k))) k++;
    let v = k;
    while (v < rb && isSplitSpace(s.charCodeAt(v))) v++;
    const key: Word = { text: s.slice(ra, k), span: f.logical.span(ra, k) };
    if (v >= rb) {
      f.errors.push({ message: `${name} must have two arguments`, span: f.logical.span(ra, rb), line: f.startLine });
      return [{ key, value: { text: '', span: f.logical.span(rb, rb) }, legacy: true, span: f.logical.span(ra, rb) }];
    }
    return [{ key, value: { text: s.slice(v, rb), span: f.logical.span(v, rb) }, legacy: true, span: f.logical.span(ra, rb) }];
  }
  const pairs: KeyValue[] = [];
  for (const word of words) {
    const eq = word.text.indexOf('=');
    if (eq < 0) {
      f.errors.push({
        message: `Syntax error - can't find = in ${goQuote(word.text)}. Must be of the form: name=value`,
        span: f.logical.span(word.start, word.end),
        line: f.startLine,
      });
      continue;
    }
    pairs.push({
      key: { text: word.text.slice(0, eq), span: f.logical.span(word.start, word.start + eq) },
      value: { text: word.text.slice(eq + 1), span: f.logical.span(word.start + eq + 1, word.end) },
      legacy: false,
      span: f.logical.span(word.start, word.end),
    });
  }
  return pairs;
}

function parseArgs(f: Frame, ra: number, rb: number): ArgDeclaration[] {
  return parseWords(f.text, ra, rb, f.escape).map((word) => {
    const eq = word.text.indexOf('=');
    const span = f.logical.span(word.start, word.end);
    return {
      word: { text: word.text, span },
      name: eq < 0 ? word.text : word.text.slice(0, eq),
      nameSpan: eq < 0 ? span : f.logical.span(word.start, word.start + eq),
      value: eq < 0 ? null : word.text.slice(eq + 1),
      valueSpan: eq < 0 ? null : f.logical.span(word.start + eq + 1, word.end),
    };
  });
}
