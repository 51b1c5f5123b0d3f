import { defineRule } from '../engine/rule.js';

function labelValue(s: string): string {
  return '"' + s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\$/g, '\\$') + '"';
}

export default defineRule({
  name: 'maintainer-deprecated',
  practices: ['labels-metadata'],
  severity: 'warning',
  instructions: ['MAINTAINER'],
  aliases: ['DL4000', 'MaintainerDeprecated'],
  fixable: 'unsafe',
  summary: '`MAINTAINER` is deprecated: use the OCI `org.opencontainers.image.authors` label',
  docs: {
    what: 'Reports every `MAINTAINER` instruction.',
    why: '`MAINTAINER` has been deprecated since Docker 1.13; it fills a legacy field that registries and scanners do not read. The OCI label `org.opencontainers.image.authors` is the standard place for it.',
    fixSafety: 'Unsafe: the image config changes (the author field is replaced by a label), which is what the rule asks for.',
  },
  examples: {
    bad: [{ code: 'FROM python:3.12-slim\nMAINTAINER Jane Doe <jane@example.com>\n' }],
    good: [{ code: 'FROM python:3.12-slim\nLABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"\n' }],
    fixed: [
      {
        input: 'FROM python:3.12-slim\nMAINTAINER Jane Doe <jane@example.com>\n',
        output: 'FROM python:3.12-slim\nLABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"\n',
        unsafe: true,
      },
    ],
  },
  onbuild: false,
  create(ctx) {
    return {
      instruction({ instruction: ins }) {
        if (ins.name !== 'MAINTAINER') return;
        const who = ins.value?.text ?? '';
        const single = ins.continuations.length === 0 && ins.innerComments.length === 0;
        ctx.report({
          span: ins.keyword.span,
          message: '`MAINTAINER` is deprecated: use `LABEL org.opencontainers.image.authors=…`',
          fix:
            who && single
              ? { safety: 'unsafe', title: 'Replace with an `org.opencontainers.image.authors` label', edits: [{ start: ins.span.start, end: ins.span.end, text: `LABEL org.opencontainers.image.authors=${labelValue(who)}` }] }
              : null,
        });
      },
    };
  },
});
