import type { Dockerfile } from './ast.js';

/** Prints a syntax tree back to text: every item's extent, in order (lossless by construction). */
export function print(file: Dockerfile): string {
  let out = '';
  for (const extent of file.extents) out += file.text.slice(extent.start, extent.end);
  return out;
}
