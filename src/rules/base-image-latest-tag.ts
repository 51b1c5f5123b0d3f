import { defineRule } from '../engine/rule.js';
import { isPythonImage, newestSupported } from '../model/python.js';
import { locateInImage } from './base-image.js';

export default defineRule({
  name: 'base-image-latest-tag',
  practices: ['base-pinned-tag'],
  severity: 'warning',
  instructions: ['FROM'],
  aliases: ['DL3007'],
  fixable: 'suggestion',
  summary: 'The base image uses the floating `latest` tag',
  docs: {
    what: 'Reports `FROM image:latest` (after ARG defaults are applied) when no digest pins the image.',
    why: '`latest` moves whenever the publisher pushes: the same Dockerfile builds a different image next week, and a major upgrade of the base can break the build or the app without any change on your side.',
    fixSafety: 'A suggestion only: the right version is yours to choose; for Python images it proposes the newest supported `-slim` tag.',
  },
  examples: {
    bad: [{ code: 'FROM python:latest\n' }, { code: 'ARG BASE=python:latest\nFROM ${BASE}\n' }],
    good: [{ code: 'FROM python:3.13-slim\n' }, { code: 'FROM python:latest@sha256:' + 'a'.repeat(64) + '\n' }],
  },
  create(ctx) {
    return {
      instruction({ instruction, stage }) {
        if (instruction.name !== 'FROM' || !stage || stage.parent) return;
        const ref = stage.image.ref;
        if (!ref || ref.tag !== 'latest' || ref.digest) return;
        const span = locateInImage(ctx.model, stage, ':latest');
        const suggestion = isPythonImage(ref) ? `${newestSupported(ctx.settings.today)}-slim` : null;
        ctx.report({
          span,
          message: `\`${ref.familiar}\` floats: pin a version tag${suggestion ? ` such as \`${suggestion}\`` : ''} (and ideally a digest)`,
          fix: suggestion
            ? { safety: 'suggestion', title: `Pin \`${ref.name}:${suggestion}\``, edits: [{ start: span.start, end: span.end, text: `:${suggestion}` }] }
            : null,
        });
      },
    };
  },
});
