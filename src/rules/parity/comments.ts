/** Rules about comments: inline ignore pragmas, and BuildKit's description comments. */
import { defineRule } from '../../engine/rule.js';
import type { Comment } from '../../parser/ast.js';

const INLINE_PRAGMA = /^(?:hadolint|dockwise)\s+ignore\s*=/;

export const inlineIgnorePragma = defineRule({
  name: 'inline-ignore-pragma',
  practices: [],
  severity: 'info',
  aliases: ['DL1001'],
  enabledByDefault: false,
  summary: 'An inline `# dockwise ignore=` / `# hadolint ignore=` comment',
  docs: {
    what: 'Reports every inline suppression comment (`# dockwise ignore=…`, `# hadolint ignore=…`). File-wide (`global`) and stage suppressions are not reported. Off by default, as in hadolint: turn it on where suppressions must go through the shared config instead.',
    why: 'Inline suppressions let anyone silence a rule for one line without review. Teams that want every exception visible in one place (the config file) use this rule to forbid them.',
  },
  examples: {
    bad: [{ code: 'FROM python:3.12-slim\n# hadolint ignore=DL3013\nRUN pip install flask\n' }],
    good: [{ code: '# dockwise global ignore=pip-install-unpinned\nFROM python:3.12-slim\nRUN pip install flask\n' }],
  },
  create(ctx) {
    return {
      fileEnd() {
        for (const c of ctx.file.comments) {
          if (INLINE_PRAGMA.test(c.text)) ctx.report({ span: c.span, message: 'Inline ignore comment: record exceptions in the config file instead' });
        }
      },
    };
  },
});

function firstToken(c: Comment): string {
  return c.text.split(' ')[0] ?? '';
}

export const descriptionCommentInvalid = defineRule({
  name: 'description-comment-invalid',
  practices: [],
  severity: 'info',
  aliases: ['InvalidDefinitionDescription'],
  experimental: true,
  summary: 'The comment above a named stage or an ARG does not start with its name',
  docs: {
    what: 'Reports a `FROM … AS name` or an `ARG` whose comment block directly above does not have the form `# <name> <description>` on its last line. A BuildKit experimental check: off unless selected or enabled with `# check=experimental=InvalidDefinitionDescription`.',
    why: 'Docker tools (`docker buildx build --call=outline`, IDEs) read `# name description` comments as the documentation of build arguments and targets. A comment in another shape is not picked up; if it is not meant as a description, separate it with an empty `#` line.',
  },
  examples: {
    bad: [{ code: '# the Python version\nARG PYTHON_VERSION=3.12\nFROM python:${PYTHON_VERSION}-slim\n' }, { code: '# compiles the wheels\nFROM python:3.12 AS build\n' }],
    good: [{ code: '# PYTHON_VERSION the Python version\nARG PYTHON_VERSION=3.12\n# build builds the wheels\nFROM python:3.12 AS build\n' }, { code: '# installs things\n#\nARG PYTHON_VERSION=3.12\nFROM python:${PYTHON_VERSION}-slim\n' }],
  },
  create(ctx) {
    return {
      instruction({ instruction: ins, stage }) {
        const last = ins.leadingComments.at(-1);
        if (!last) return;
        if (ins.name === 'FROM') {
          if (!stage?.name || !stage.nameWord || firstToken(last) === stage.name) return;
          ctx.report({ span: stage.nameWord.span, message: `The comment above this stage should read \`# ${stage.name} <description>\`` });
        } else if (ins.name === 'ARG') {
          const names = ins.args.map((a) => a.name).filter(Boolean);
          const first = ins.args[0];
          if (!first || names.length === 0 || names.includes(firstToken(last))) return;
          const shown = names.length === 1 ? (names[0] as string) : '<arg_key>';
          ctx.report({ span: first.nameSpan, message: `The comment above this ARG should read \`# ${shown} <description>\`` });
        }
      },
    };
  },
});
