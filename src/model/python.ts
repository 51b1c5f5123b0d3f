/**
 * What a base image says about Python: the version in its tag, its variant (slim, alpine, full),
 * and whether that version is still supported on a given day.
 */
import type { ImageReference } from './image-ref.js';

export interface PythonVersion {
  readonly major: number;
  readonly minor: number;
  /** The version text as found in the tag (e.g. `3.12.4`). */
  readonly text: string;
}

/** End of upstream support (python.org release cycle / PEP release schedules). */
export const PYTHON_END_OF_LIFE: Readonly<Record<string, string>> = {
  '2.7': '2020-01-01',
  '3.0': '2009-06-27',
  '3.1': '2012-04-09',
  '3.2': '2016-02-20',
  '3.3': '2017-09-29',
  '3.4': '2019-03-18',
  '3.5': '2020-09-30',
  '3.6': '2021-12-23',
  '3.7': '2023-06-27',
  '3.8': '2024-10-07',
  '3.9': '2025-10-31',
  '3.10': '2026-10-31',
  '3.11': '2027-10-31',
  '3.12': '2028-10-31',
  '3.13': '2029-10-31',
  '3.14': '2030-10-31',
  '3.15': '2031-10-31',
};

/** Release dates of feature versions, to know which are out yet on a given day. */
export const PYTHON_RELEASED: Readonly<Record<string, string>> = {
  '3.8': '2019-10-14',
  '3.9': '2020-10-05',
  '3.10': '2021-10-04',
  '3.11': '2022-10-24',
  '3.12': '2023-10-02',
  '3.13': '2024-10-07',
  '3.14': '2025-10-07',
  '3.15': '2026-10-01',
};

export function endOfLife(v: PythonVersion): string | null {
  return PYTHON_END_OF_LIFE[`${v.major}.${v.minor}`] ?? null;
}

export function isEndOfLife(v: PythonVersion, today: string): boolean {
  const eol = endOfLife(v);
  if (eol) return eol <= today;
  return v.major < 3;
}

/** The newest version released and still supported on `today`. */
export function newestSupported(today: string): string {
  let best = '3.12';
  for (const [version, released] of Object.entries(PYTHON_RELEASED)) {
    const eol = PYTHON_END_OF_LIFE[version];
    if (released <= today && (!eol || eol > today)) {
      const [a, b] = version.split('.').map(Number) as [number, number];
      const [c, d] = best.split('.').map(Number) as [number, number];
      if (a > c || (a === c && b > d)) best = version;
    }
  }
  return best;
}

const PYTHON_REPOS = new Set(['library/python', 'library/pypy', 'circleci/python', 'cimg/python', 'bitnami/python']);

/** Is this image a Python runtime image (official or a well-known Python base)? */
export function isPythonImage(ref: ImageReference): boolean {
  if (PYTHON_REPOS.has(ref.repository)) return true;
  const name = ref.name.toLowerCase();
  return name === 'python' || name === 'pypy' || /(?:^|[-_/])python/.test(ref.repository) || /^python\d/.test(ref.tag ?? '');
}

/** The Python version a tag names: `3.12-slim` → 3.12, `python3.11-bookworm-slim` (uv images) → 3.11. */
export function pythonVersionOfImage(ref: ImageReference): PythonVersion | null {
  const tag = ref.tag;
  if (!tag) return null;
  const official = ref.repository === 'library/python' || ref.name === 'python';
  const m = official ? /^(\d+)\.(\d+)(?:\.\d+)?(?:[a-z]+\d*)?(?=$|[-_])/.exec(tag) : /(?:^|[-_])(?:python|py|cp)-?(\d)\.?(\d{1,2})(?:\.\d+)?(?=$|[-_])/.exec(tag);
  if (!m) return null;
  const major = Number(m[1]);
  const minor = Number(m[2]);
  if (major < 2 || major > 3) return null;
  return { major, minor, text: m[0].replace(/^[-_]?(?:python|py|cp)?-?/, '') };
}

export type ImageVariant = 'slim' | 'alpine' | 'full' | 'windows' | 'other';

/** The variant of an official python image tag. */
export function pythonVariant(ref: ImageReference): ImageVariant {
  const tag = ref.tag ?? 'latest';
  if (/(?:^|-)slim(?:-|$)/.test(tag)) return 'slim';
  if (/(?:^|-)alpine/.test(tag)) return 'alpine';
  if (/windowsservercore|nanoserver/.test(tag)) return 'windows';
  // `3.12`, `3.12-bookworm`, `latest`, `bookworm`: the full image with compilers and headers.
  if (/^(?:\d+(?:\.\d+)*(?:[a-z]+\d*)?)?(?:-?(?:bookworm|bullseye|buster|trixie|stretch|jessie))?$/.test(tag) || tag === 'latest') return 'full';
  return 'other';
}
