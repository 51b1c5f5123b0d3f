/** DL3026: images may only come from the registries the config trusts. */
import { defineRule } from '../../engine/rule.js';
import type { Span } from '../../parser/source.js';
import { parseImageReference, type ImageReference } from '../../model/image-ref.js';
import type { Stage } from '../../model/model.js';
import { copyArgs, mounts } from '../../model/instructions.js';

/** `*`, `*.example.com`, `registry.example.*` or an exact host. */
function matches(pattern: string, host: string): boolean {
  if (pattern === '*') return true;
  if (pattern.startsWith('*')) return host.endsWith(pattern.slice(1));
  if (pattern.endsWith('*')) return host.startsWith(pattern.slice(0, -1));
  return pattern === host;
}

export function isTrusted(ref: ImageReference, trusted: readonly string[]): boolean {
  const hosts = ref.domain === 'docker.io' ? ['docker.io', 'hub.docker.com', ...(ref.registry ? [ref.registry] : [])] : [ref.registry ?? ref.domain];
  return trusted.some((p) => hosts.some((h) => matches(p, h)));
}

export const untrustedRegistry = defineRule({
  name: 'untrusted-registry',
  practices: ['base-trusted-registry'],
  severity: 'error',
  aliases: ['DL3026'],
  summary: 'An image from a registry the config does not trust',
  docs: {
    what: 'With `trustedRegistries` configured, reports every image (FROM, `COPY --from=<image>`, `RUN --mount=…,from=<image>`) that comes from another registry. Images without a registry come from Docker Hub, trusted as `docker.io` (or `hub.docker.com`). Patterns: an exact host, `*`, `*.example.com`, `registry.example.*`. Stages and `scratch` always pass. Silent when `trustedRegistries` is not configured.',
    why: 'A base image runs with full access to everything built on top of it. Organisations mirror and scan the images they allow; pulling from anywhere else bypasses that review and is a supply-chain risk.',
    options: 'Configured with the top-level `trustedRegistries` list (also read from `.hadolint.yaml`).',
  },
  examples: {
    bad: [{ code: 'FROM example.org/python:3.12-slim\n', settings: { trustedRegistries: ['docker.io'] } }],
    good: [
      { code: 'FROM python:3.12-slim\n', settings: { trustedRegistries: ['docker.io'] } },
      { code: 'FROM registry.example.com/python:3.12-slim AS base\nFROM base\n', settings: { trustedRegistries: ['*.example.com'] } },
      { code: 'FROM example.org/python:3.12-slim\n' },
    ],
  },
  create(ctx) {
    const trusted = ctx.settings.trustedRegistries;
    if (!trusted || trusted.length === 0) return {};
    const stageRef = (ref: string, current: Stage | null): boolean => {
      const before = ctx.model.stages.filter((s) => current === null || s.index < current.index);
      if (/^\d+$/.test(ref)) return true;
      return before.some((s) => s.name === ref.toLowerCase());
    };
    const check = (image: string, span: Span): void => {
      if (!image || image.includes('$') || image === 'scratch') return;
      const r = parseImageReference(image);
      if (!r.ok || isTrusted(r.ref, trusted)) return;
      ctx.report({ span, message: `'${r.ref.familiar}' comes from ${r.ref.domain}, which is not a trusted registry (${trusted.join(', ')})` });
    };
    return {
      instruction({ instruction: ins, stage }) {
        if (ins.name === 'FROM') {
          if (!stage || stage.parent || stage.image.scratch || !stage.image.word || !stage.image.expanded.resolved) return;
          check(stage.image.expanded.value, stage.image.word.span);
        } else if (ins.name === 'COPY') {
          const from = copyArgs(ins).from;
          if (from?.value && !stageRef(from.value, stage)) check(from.value, from.valueSpan ?? from.span);
        } else if (ins.name === 'RUN') {
          for (const m of mounts(ins)) {
            if (m.from && !stageRef(m.from, stage)) check(m.from, m.flag.valueSpan ?? m.flag.span);
          }
        }
      },
    };
  },
});
