import { defineRule } from '../engine/rule.js';
import { chainInfos } from './util.js';

export default defineRule({
  name: 'missing-oci-labels',
  practices: ['labels-metadata'],
  severity: 'info',
  aliases: [],
  fixable: 'suggestion',
  summary: 'The image carries no OCI `org.opencontainers.image.*` labels',
  docs: {
    what: 'Reports a final stage that sets no `org.opencontainers.image.*` label (source, version, revision, title…), in it or a stage it builds on.',
    why: 'Labels travel with the image: registries, scanners and `docker inspect` use `org.opencontainers.image.source` to link an image to its code and `version`/`revision` to say which build it is. Without them an image in production is anonymous.',
    fixSafety: 'A suggestion: the values (repository URL, version) are yours.',
  },
  examples: {
    bad: [{ code: 'FROM python:3.12-slim\nCMD ["python"]\n' }],
    good: [{ code: 'FROM python:3.12-slim\nLABEL org.opencontainers.image.source="https://github.com/acme/app"\n' }],
  },
  create(ctx) {
    return {
      stageEnd(stage) {
        if (!stage.isFinal) return;
        const has = chainInfos(stage).some((i) => i.instruction.name === 'LABEL' && i.instruction.pairs.some((p) => p.key.text.replace(/^["']|["']$/g, '').startsWith('org.opencontainers.image.')));
        if (has) return;
        ctx.report({
          span: stage.image.word?.span ?? stage.from.keyword.span,
          message: 'The image has no OCI labels: add `org.opencontainers.image.source`, `.version` and friends',
          fix: { safety: 'suggestion', title: 'Add `LABEL org.opencontainers.image.source="<repository URL>"`', edits: [] },
        });
      },
    };
  },
});
