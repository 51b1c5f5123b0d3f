import { defineRule } from '../engine/rule.js';
import { pythonVariant } from '../model/python.js';
import { tagSpan } from './base-image.js';
import { isRuntime } from './util.js';

/** `3.12` → `3.12-slim`, `3.12-bookworm` → `3.12-slim-bookworm`, `latest` → `slim`. */
export function slimTag(tag: string | null): string {
  if (!tag || tag === 'latest') return 'slim';
  const m = /^(.*?)(-(?:bookworm|bullseye|buster|trixie|stretch|jessie))?$/.exec(tag);
  const version = m?.[1] ?? tag;
  const codename = m?.[2] ?? '';
  if (!version) return `slim${codename}`;
  return `${version}-slim${codename}`;
}

export default defineRule({
  name: 'base-image-full-variant',
  practices: ['base-official-minimal'],
  severity: 'warning',
  instructions: ['FROM'],
  aliases: [],
  fixable: 'suggestion',
  summary: 'The runtime image starts from the full Python image instead of `-slim`',
  docs: {
    what: 'Reports a final (runtime) stage based on the full official `python` image (`python:3.12`, `python:3.12-bookworm`). Builder stages may use it: that is what multi-stage builds are for.',
    why: 'The full image carries compilers, headers and hundreds of Debian packages (about 1 GB); `-slim` has what a Python app needs at run time (about 150 MB). Less software means a smaller download, a faster deploy and fewer vulnerabilities to patch.',
    fixSafety: 'A suggestion: `-slim` lacks build tools, so a dependency that compiles at install time needs a builder stage first.',
  },
  examples: {
    bad: [{ code: 'FROM python:3.12\nCMD ["python"]\n' }, { code: 'FROM python:3.12-bookworm\n' }],
    good: [
      { code: 'FROM python:3.12-slim\n' },
      { code: 'FROM python:3.12 AS build\nRUN pip wheel -w /w .\nFROM python:3.12-slim\nCOPY --from=build /w /w\n' },
      { code: 'FROM python:3.12-alpine\n' },
    ],
  },
  create(ctx) {
    return {
      instruction({ instruction, stage }) {
        if (instruction.name !== 'FROM' || !isRuntime(ctx, stage) || stage.parent) return;
        const ref = stage.image.ref;
        if (!ref || ref.repository !== 'library/python' || pythonVariant(ref) !== 'full') return;
        const slim = slimTag(ref.tag);
        const span = tagSpan(stage);
        ctx.report({
          span: span ?? stage.image.word?.span ?? instruction.keyword.span,
          message: `The runtime image uses the full \`${ref.familiar}\` image: \`python:${slim}\` is about a sixth of its size`,
          fix: span ? { safety: 'suggestion', title: `Use \`python:${slim}\``, edits: [{ start: span.start, end: span.end, text: slim }] } : null,
        });
      },
    };
  },
});
