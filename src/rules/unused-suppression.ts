import { defineRule } from '../engine/rule.js';

/** Reported by the engine itself after suppressions are applied; this object carries its metadata and config. */
export default defineRule({
  name: 'unused-suppression',
  practices: [],
  severity: 'warning',
  aliases: [],
  summary: 'A suppression comment that suppresses nothing',
  docs: {
    what: 'Reports each code of a `# dockwise ignore=…` / `# hadolint ignore=…` / `# check=skip=…` comment that matched no diagnostic, unknown rule names in `# dockwise ignore=…`, and `# hadolint ignore=…` comments that hadolint ignores as a whole because one token is not a rule code.',
    why: 'A stale suppression hides nothing today but will silently hide a real problem tomorrow, and it tells readers something false about the line below it.',
  },
  examples: {
    bad: [{ code: 'FROM python:3.12-slim\n# dockwise ignore=add-instead-of-copy\nCOPY . /app\n' }, { code: 'FROM python:3.12-slim\n# dockwise ignore=no-such-rule\nCOPY . /app\n' }],
    good: [{ code: 'FROM python:3.12-slim\n# dockwise ignore=add-instead-of-copy\nADD . /app\n' }],
  },
  create() {
    return {};
  },
});
