import { defineRule } from '../engine/rule.js';
import { lastInChain } from './util.js';

export default defineRule({
  name: 'missing-healthcheck',
  practices: ['healthcheck'],
  severity: 'info',
  aliases: ['DL3057'],
  enabledByDefault: false,
  summary: 'The image does not say how to check it is healthy',
  docs: {
    what: 'Reports a final stage with no `HEALTHCHECK` (in it or a stage it builds on). Off by default, as in hadolint: Kubernetes ignores HEALTHCHECK and uses its own probes, so the practice is met either way when the orchestrator is configured.',
    why: 'Without a health check, Docker and Compose only know whether the process is alive, not whether it answers: a deadlocked server stays "up". A HEALTHCHECK lets `docker ps`, Compose `depends_on: service_healthy` and Swarm restart or hold traffic.',
  },
  examples: {
    bad: [{ code: 'FROM python:3.12-slim\nCMD ["gunicorn", "app:app"]\n' }],
    good: [
      { code: 'FROM python:3.12-slim\nHEALTHCHECK CMD python -c "import urllib.request; urllib.request.urlopen(\'http://localhost:8000/\')"\nCMD ["gunicorn", "app:app"]\n' },
      { code: 'FROM python:3.12-slim\nHEALTHCHECK NONE\n' },
    ],
  },
  create(ctx) {
    return {
      stageEnd(stage) {
        if (!stage.isFinal || lastInChain(stage, 'HEALTHCHECK')) return;
        ctx.report({ span: stage.image.word?.span ?? stage.from.keyword.span, message: 'The final stage has no HEALTHCHECK: add one (or document the orchestrator probe)' });
      },
    };
  },
});
