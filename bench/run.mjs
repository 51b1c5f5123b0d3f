// Benchmarks, measured against the npm peers in the same run on the same files.
// Runs the compiled package (dist/), i.e. what users run: `npm run bench` builds first.
//
//   parse   dockwise's parser over ../shared/corpus/general: files/s and MB/s
//   lint    dockwise (default rules and all rules) vs dockerfilelint and dockerfile-utils:
//           files/s and the ratios, one thread each (the peers are single-threaded)
//
// Each measurement: one warm-up pass, then the median of several timed passes.
import { createRequire } from 'node:module';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..');
const shared = process.env.DOCKWISE_SHARED ?? resolve(repo, '../shared');
const require = createRequire(import.meta.url);

const { parse, decodeDockerfile } = await import(join(repo, 'dist/parser/index.js'));
const { Linter } = await import(join(repo, 'dist/engine/lint.js'));
const { RULES } = await import(join(repo, 'dist/rules/index.js'));

const only = process.argv.slice(2);
const want = (name) => only.length === 0 || only.includes(name);

function loadCorpus(dir) {
  const files = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.endsWith('.md')) continue;
    try {
      files.push(decodeDockerfile(readFileSync(join(dir, name))).text);
    } catch {
      // binary fixtures are not Dockerfiles
    }
  }
  return files;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function measure(fn, passes = 5) {
  fn(); // warm-up (JIT, caches)
  const times = [];
  for (let i = 0; i < passes; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

const texts = loadCorpus(join(shared, 'corpus', 'general'));
const bytes = texts.reduce((a, t) => a + Buffer.byteLength(t), 0);
console.log(`corpus: ${texts.length} files, ${(bytes / 1e6).toFixed(2)} MB (../shared/corpus/general)`);
console.log(`node ${process.version}, one thread per tool\n`);

if (want('parse')) {
  const ms = measure(() => {
    for (const t of texts) parse(t);
  }, 9);
  console.log(`parse     dockwise           ${Math.round((texts.length / ms) * 1000).toString().padStart(7)} files/s  ${(bytes / 1e6 / (ms / 1000)).toFixed(1).padStart(6)} MB/s  (${ms.toFixed(0)} ms)`);
}

if (want('lint')) {
  const rows = [];
  const defaults = new Linter(RULES);
  const all = new Linter(RULES);
  const allConfig = [{ select: ['all'] }];
  rows.push(['dockwise (default rules)', measure(() => { for (const t of texts) defaults.lint(t, { settings: { today: '2026-11-23' } }); })]);
  rows.push(['dockwise (all rules)', measure(() => { for (const t of texts) all.lint(t, { config: allConfig, settings: { today: '2026-11-23' } }); })]);

  let crashes = 0;
  const cfgDir = mkdtempSync(join(tmpdir(), 'dockwise-bench-'));
  try {
    const dockerfilelint = require('dockerfilelint');
    rows.push(['dockerfilelint 1.8.0', measure(() => {
      for (const t of texts) {
        try { dockerfilelint.run(cfgDir, t); } catch { crashes++; }
      }
    })]);
  } finally {
    rmSync(cfgDir, { recursive: true, force: true });
  }
  const utils = require('dockerfile-utils');
  rows.push(['dockerfile-utils 0.16.3', measure(() => { for (const t of texts) utils.validate(t); }, 3)]);

  const base = rows[1][1];
  for (const [name, ms] of rows) {
    const fps = (texts.length / ms) * 1000;
    console.log(`lint      ${name.padEnd(26)} ${Math.round(fps).toString().padStart(7)} files/s  (${ms.toFixed(0)} ms)  dockwise(all rules) is ${(ms / base).toFixed(1)}x faster`);
  }
  console.log(`          dockerfilelint crashed ${crashes / 6} times per pass`);
}
