/**
 * Where a value of a parsed config sits in its text, so that errors point at the offending
 * key or value rather than at the file.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter } from 'yaml';
import type { Document, Node } from 'yaml';

export type PathKey = string | number;

/** `key` points at the key of a table entry, `value` at its value. */
export type PathOrigin = 'key' | 'value';

/** 1-based line and column (UTF-16 code units). */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

export interface SourceLocator {
  /** The position of the entry at `path`, or of its closest existing ancestor. */
  locate(path: readonly PathKey[], origin: PathOrigin): SourcePosition;
}

/** A LineCounter filled from a text the `yaml` parser has not seen (TOML). */
export function lineCounterFor(text: string): LineCounter {
  const lc = new LineCounter();
  lc.addNewLine(0);
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lc.addNewLine(i + 1);
  return lc;
}

export function positionAt(lc: LineCounter, offset: number): SourcePosition {
  const { line, col } = lc.linePos(offset);
  return { line: Math.max(line, 1), column: Math.max(col, 1) };
}

export function yamlLocator(doc: Document, lc: LineCounter): SourceLocator {
  const start = (node: unknown): number | undefined => (isNodeWithRange(node) ? node.range[0] : undefined);
  return {
    locate(path, origin) {
      let node: unknown = doc.contents;
      let best = start(node) ?? 0;
      for (let i = 0; i < path.length; i++) {
        const key = path[i];
        if (isAlias(node)) node = node.resolve(doc);
        if (isMap(node)) {
          const pair = node.items.find((p) => keyText(p.key) === String(key));
          if (pair === undefined) break;
          const keyStart = start(pair.key) ?? best;
          if (i === path.length - 1 && origin === 'key') return positionAt(lc, keyStart);
          node = pair.value;
          // An empty value (`select:`) has no text of its own: point at the key.
          best = isNodeWithRange(node) && node.range[0] < node.range[1] ? node.range[0] : keyStart;
        } else if (isSeq(node) && typeof key === 'number') {
          node = node.items[key];
          const s = start(node);
          if (s === undefined) break;
          best = s;
        } else {
          break;
        }
      }
      return positionAt(lc, best);
    },
  };
}

function keyText(key: unknown): string {
  if (isScalar(key)) return String(key.value);
  return String(key);
}

function isNodeWithRange(node: unknown): node is Node & { range: [number, number, number] } {
  return typeof node === 'object' && node !== null && 'range' in node && Array.isArray(node.range);
}
