import { defineRule } from '../engine/rule.js';
import { isPythonImage, newestSupported } from '../model/python.js';

export default defineRule({
  name: 'base-image-untagged',
  practices: ['base-pinned-tag'],
  severity: 'warning',
  instructions: ['FROM'],
  aliases: ['DL3006'],
  fixable: 'suggestion',
  summary: 'The base image has no tag, so it means `latest`',
  docs: {
    what: 'Reports `FROM image` with neither a tag nor a digest, after ARG defaults are applied. `scratch` and earlier stages are exempt.',
    why: 'An image without a tag is `image:latest`: whatever the publisher pushed last. Builds stop being reproducible and can break on a new major version of the base.',
    fixSafety: 'A suggestion only: for Python images it proposes the newest supported `-slim` tag.',
  },
  examples: {
    bad: [{ code: 'FROM python\n' }, { code: 'FROM debian AS build\nRUN make\n' }],
    good: [{ code: 'FROM python:3.13-slim\n' }, { code: 'FROM scratch\n' }, { code: 'FROM python:3.13 AS base\nFROM base\n' }, { code: 'ARG IMAGE\nFROM ${IMAGE}\n' }],
  },
  create(ctx) {
    return {
      instruction({ instruction, stage }) {
        if (instruction.name !== 'FROM' || !stage || stage.parent || stage.image.scratch) return;
        const ref = stage.image.ref;
        if (!ref || ref.tag || ref.digest || !stage.image.expanded.resolved) return;
        const word = stage.image.word;
        if (!word) return;
        const literal = word.text === stage.image.expanded.value;
        const suggestion = isPythonImage(ref) ? `${newestSupported(ctx.settings.today)}-slim` : null;
        ctx.report({
          span: word.span,
          message: `\`${ref.familiar}\` has no tag, so it is \`${ref.familiar}:latest\`: pin a version${suggestion ? ` such as \`${ref.familiar}:${suggestion}\`` : ''}`,
          fix:
            suggestion && literal
              ? { safety: 'suggestion', title: `Pin \`${ref.familiar}:${suggestion}\``, edits: [{ start: word.span.end, end: word.span.end, text: `:${suggestion}` }] }
              : null,
        });
      },
    };
  },
});
