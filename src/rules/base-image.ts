/** Shared reading of a stage's base image for the base-image rules. */
import type { Span } from '../parser/source.js';
import type { DockerfileModel, Stage } from '../model/model.js';
import { parseImageReference } from '../model/image-ref.js';

/** Is the FROM word literal text (no variables), so offsets inside it map one to one? */
function literalWord(stage: Stage): boolean {
  const word = stage.image.word;
  return word !== null && word.text === stage.image.expanded.value && word.span.end - word.span.start === word.text.length;
}

/**
 * Where to point at a part (`needle`) of the base image: inside the FROM word when it is literal;
 * when it came from a global ARG default (`ARG PY=3.8` + `FROM python:${PY}`), inside that default.
 */
export function locateInImage(model: DockerfileModel, stage: Stage, needle: string | null): Span {
  const word = stage.image.word;
  if (!word) return stage.from.keyword.span;
  if (needle) {
    const i = word.text.indexOf(needle);
    if (i >= 0 && literalWord(stage)) return { start: word.span.start + i, end: word.span.start + i + needle.length };
    for (const name of stage.image.expanded.usedVars) {
      const decl = model.globalScope.get(name)?.declaration;
      if (!decl || decl.name !== 'ARG') continue;
      for (const a of decl.args) {
        if (a.name !== name || a.value === null || !a.valueSpan) continue;
        const k = a.value.indexOf(needle);
        if (k >= 0 && a.valueSpan.end - a.valueSpan.start === a.value.length) return { start: a.valueSpan.start + k, end: a.valueSpan.start + k + needle.length };
      }
    }
  }
  return word.span;
}

/** The span of the tag inside a literal FROM word, or null. */
export function tagSpan(stage: Stage): Span | null {
  const word = stage.image.word;
  if (!word || !literalWord(stage)) return null;
  const r = parseImageReference(word.text);
  if (!r.ok || !r.spans.tag) return null;
  return { start: word.span.start + r.spans.tag.start, end: word.span.start + r.spans.tag.end };
}
