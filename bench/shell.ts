/**
 * Shell parser benchmark: parses every distinct RUN script of the corpus (built the way BuildKit
 * hands it to `/bin/sh -c`), full command model included. Pass 1 warms the JIT; the figures are
 * from the warm pass(es). Run: node --import tsx bench/shell.ts [passes, default 2]
 */
import { parseShell } from '../src/shell/index.js';
import { corpusScripts } from '../test/shell/corpus.js';

const scripts = corpusScripts().map((s) => s.text);
const chars = scripts.reduce((n, s) => n + s.length, 0);
const bytes = scripts.reduce((n, s) => n + new TextEncoder().encode(s).length, 0);
const passes = Math.max(2, Number(process.argv[2] ?? 2));

let commands = 0;
const times: number[] = [];
for (let pass = 0; pass < passes; pass++) {
  const t0 = performance.now();
  let n = 0;
  for (const s of scripts) n += parseShell(s).commands.length;
  times.push(performance.now() - t0);
  commands = n;
}

const warm = times.slice(1).sort((a, b) => a - b);
const median = warm[Math.floor(warm.length / 2)] as number;
const perScript = (median * 1000) / scripts.length;
console.log(`shell parser: ${scripts.length} RUN scripts, ${(bytes / 1024).toFixed(0)} KiB (${chars} chars), ${commands} simple commands`);
console.log(`pass 1 (cold): ${(times[0] as number).toFixed(1)} ms`);
console.log(`warm (median of ${warm.length}): ${median.toFixed(1)} ms`);
console.log(`  ${((scripts.length / median) * 1000).toFixed(0)} scripts/s`);
console.log(`  ${perScript.toFixed(2)} µs per script (average ${(chars / scripts.length).toFixed(0)} chars)`);
console.log(`  ${(bytes / 1024 / 1024 / (median / 1000)).toFixed(1)} MB/s`);
