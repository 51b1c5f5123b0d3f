import { defineRule } from '../engine/rule.js';
import { pythonVariant } from '../model/python.js';
import { tagSpan } from './base-image.js';

export default defineRule({
  name: 'base-image-alpine-python',
  practices: ['base-official-minimal'],
  severity: 'info',
  instructions: ['FROM'],
  aliases: [],
  fixable: 'suggestion',
  summary: 'Python on Alpine: wheels for musl are rarer, so dependencies may compile',
  docs: {
    what: 'Notes a Python stage based on `python:*-alpine`. Alpine is small and fine for pure-Python apps, so this is advice, not a ban.',
    why: 'Alpine uses musl instead of glibc. Many packages publish no musl wheels, so pip compiles them from source: the build needs compilers and headers, takes much longer and often ends up larger than `-slim`. Some packages behave differently on musl (DNS, locale, threading stack size).',
    fixSafety: 'A suggestion: switching to `-slim` changes the package manager (apk → apt-get) used by the rest of the file.',
  },
  examples: {
    bad: [{ code: 'FROM python:3.12-alpine\n' }],
    good: [{ code: 'FROM python:3.12-slim\n' }, { code: 'FROM alpine:3.20\n' }],
  },
  create(ctx) {
    return {
      instruction({ instruction, stage }) {
        if (instruction.name !== 'FROM' || !stage || stage.parent) return;
        const ref = stage.image.ref;
        if (!ref || ref.repository !== 'library/python' || pythonVariant(ref) !== 'alpine') return;
        ctx.report({
          span: tagSpan(stage) ?? stage.image.word?.span ?? instruction.keyword.span,
          message: `\`${ref.familiar}\` is musl-based: dependencies without musl wheels will compile from source; \`-slim\` avoids that`,
          fix: { safety: 'suggestion', title: `Use \`python:${(ref.tag ?? '').replace(/-?alpine[\d.]*/, '') ? (ref.tag ?? '').replace(/-?alpine[\d.]*/, '') + '-slim' : 'slim'}\``, edits: [] },
        });
      },
    };
  },
});
