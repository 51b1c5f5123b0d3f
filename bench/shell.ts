/**
 * Shell parser benchmark: parses every distinct RUN script of the corpus (built the way BuildKit
 * hands it to `/bin/sh -c`), full command model included, several passes over the whole set.
 * Pass 1 is cold (V8 still interprets most of the parser); pass 2 runs while V8 is still
 * optimizing; the warm figures are the median over passes 2…N, the steady state of a process
 * that lints many files. Run: node --import tsx bench/shell.ts [passes, default 10, at least 2]
 */
import { parseShell } from '../src/shell/index.js';
import { corpusScripts } from '../test/shell/corpus.js';

const scripts = corpusScripts().map((s) => s.text);
const chars = scripts.reduce((n, s) => n + s.length, 0);
const bytes = scripts.reduce((n, s) => n + new TextEncoder().encode(s).length, 0);
const passes = Math.max(2, Number(process.argv[2] ?? 10));

let commands = 0;
const times: number[] = [];
for (let pass = 0; pass < passes; pass++) {
  const t0 = performance.now();
  let n = 0;
  for (const s of scripts) n += parseShell(s).commands.length;
  times.push(performance.now() - t0);
  commands = n;
}

const perScript = (ms: number): string => `${((ms * 1000) / scripts.length).toFixed(2)} µs per script`;
const warm = times.slice(1).sort((a, b) => a - b);
const median = warm[Math.floor(warm.length / 2)] as number;
console.log(`shell parser: ${scripts.length} RUN scripts, ${(bytes / 1024).toFixed(0)} KiB (${chars} chars, average ${(chars / scripts.length).toFixed(0)}), ${commands} simple commands`);
console.log(`pass 1 (cold): ${(times[0] as number).toFixed(1)} ms, ${perScript(times[0] as number)}`);
console.log(`pass 2: ${(times[1] as number).toFixed(1)} ms, ${perScript(times[1] as number)}`);
console.log(`warm (median of passes 2-${passes}): ${median.toFixed(1)} ms`);
console.log(`  ${((scripts.length / median) * 1000).toFixed(0)} scripts/s`);
console.log(`  ${perScript(median)}`);
console.log(`  ${(bytes / 1024 / 1024 / (median / 1000)).toFixed(1)} MB/s`);
