/**
 * The practice IDs of ../shared/PRACTICES.md (the product's specification). They are a public
 * interface: rule metadata names them and `explain --format json` reports each one.
 */
export const PRACTICE_IDS = [
  'base-official-minimal',
  'base-pinned-tag',
  'base-supported-python',
  'base-trusted-registry',
  'env-no-bytecode',
  'env-unbuffered',
  'env-production-mode',
  'user-non-root',
  'user-owned-files',
  'apt-no-recommends',
  'apt-clean-lists',
  'apt-update-with-install',
  'pip-no-cache',
  'pip-requirements-file',
  'venv-isolation',
  'cache-deps-before-code',
  'layers-combined',
  'copy-only-needed',
  'copy-not-add',
  'multi-stage',
  'workdir-absolute',
  'expose-port',
  'cmd-exec-form',
  'cmd-single',
  'server-production',
  'healthcheck',
  'labels-metadata',
  'image-inspected',
] as const;

export type PracticeId = (typeof PRACTICE_IDS)[number];

const IDS: ReadonlySet<string> = new Set(PRACTICE_IDS);

export function isPracticeId(s: string): s is PracticeId {
  return IDS.has(s);
}
