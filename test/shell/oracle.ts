/**
 * `bash -n` and `dash -n` as oracles for the shell parser, with verdicts cached under
 * node_modules/.cache/dockwise/ (keyed by each script's sha256 and the shells' versions).
 *
 * Spawning `bash -n -c SCRIPT` costs ~6 ms per script on a small VM (process start-up), which for
 * thousands of scripts is most of a minute. By default a long-lived worker instead checks each
 * script in a forked subshell that first runs `set -n`, the very flag `-n` sets: the script then
 * goes through the same entry point (parse_and_execute) and nothing in it runs. The worker has no
 * PATH and checks at start-up that `set -n` really stops execution. The one case where the two
 * differ (a sourced empty `[[ ]]` fails silently; `bash -n` exits 0) is asked of `bash -n`.
 * DOCKWISE_ORACLE=exec spawns `bash -n -c SCRIPT` and `dash -n FILE` per script instead; both
 * modes give the same verdicts on the whole corpus.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO } from '../helpers/shared.js';

export interface Verdict {
  /** bash accepts: exit status 0 and nothing but warnings on stderr (its `[[ ]]` errors exit 0 yet stop the script). */
  readonly bash: boolean;
  /** dash -n accepts the script; null when it was not asked. */
  readonly dash: boolean | null;
}

export interface OracleInput {
  readonly hash: string;
  readonly text: string;
}

const CACHE_FILE = join(REPO, 'node_modules', '.cache', 'dockwise', 'shell-oracle.json');
const MODE = process.env['DOCKWISE_ORACLE'] === 'exec' ? 'exec' : 'noexec';

function which(cmd: string): string {
  const path = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).stdout.trim();
  if (path === '') throw new Error(`${cmd} is not installed (the shell agreement test needs bash and dash)`);
  return path;
}

const BASH = which('bash');
const DASH = which('dash');

function versions(): string {
  const bash = spawnSync(BASH, ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0] ?? 'bash';
  const dash = statSync(DASH);
  return `${bash} / dash ${dash.size}-${dash.mtimeMs} / ${MODE} / ${ORACLE_VERSION}`;
}

/** Changes when the way verdicts are computed changes, so that cached ones are not reused. */
const ORACLE_VERSION = 5;

/**
 * Bash's verdict from its exit status and stderr: every message starts with `…: line N: `, and a
 * warning's text may run over several lines (a here-document delimiter with a newline in it).
 */
const BASH_VERDICT = String.raw`b=1
  if [ $rc -ne 0 ]; then b=0; else
    while IFS= read -r l; do case $l in *": line "[0-9]*": warning: "*) ;; *": line "[0-9]*) b=0 ;; esac; done < "$err"
  fi`;

// Each worker reads script file names, one per line, and prints 1 (accepted) or 0 per script.
// In noexec mode each file starts with `set -n`, so sourcing it only parses the rest.
const WORKERS = {
  noexec: {
    bash: String.raw`err="$2"
( . "$1/.selftest" ) >"$err" 2>&1
while IFS= read -r l; do case $l in *EXECUTED*) echo 'set -n did not stop execution' >&2; exit 3 ;; esac; done < "$err"
while IFS= read -r f; do
  ( . "$f" ) </dev/null >/dev/null 2>"$err"; rc=$?
  # Sourced, an empty [[ ]] fails without a message where bash -n exits 0: ask bash -n itself then.
  if [ $rc -ne 0 ] && [ ! -s "$err" ]; then @BASH@ -n "$f" </dev/null >/dev/null 2>"$err"; rc=$?; fi
  ${BASH_VERDICT}
  echo $b
done`,
    dash: String.raw`( . "$1/.selftest" ) 2>&1 | while IFS= read -r l; do case $l in *EXECUTED*) echo 'set -n did not stop execution' >&2; exit 3 ;; esac; done || exit 3
while IFS= read -r f; do
  if ( . "$f" ) </dev/null >/dev/null 2>&1; then echo 1; else echo 0; fi
done`,
  },
  exec: {
    bash: String.raw`err="$2"
while IFS= read -r f; do
  s=; while IFS= read -r l || [ -n "$l" ]; do s="$s$l"$'\n'; done < "$f"
  @BASH@ -n -c -- "$s" </dev/null >/dev/null 2>"$err"; rc=$?
  ${BASH_VERDICT}
  echo $b
done`,
    dash: String.raw`while IFS= read -r f; do
  if @DASH@ -n "$f" </dev/null >/dev/null 2>&1; then echo 1; else echo 0; fi
done`,
  },
};

function worker(shell: 'bash' | 'dash', dir: string, id: number, files: readonly string[]): Promise<boolean[]> {
  const script = WORKERS[MODE][shell].replace('@BASH@', BASH).replace('@DASH@', DASH);
  const params = ['worker', dir, join(dir, `.err${id}`)];
  const args = shell === 'bash' ? ['--norc', '--noprofile', '-c', script, ...params] : ['-c', script, ...params];
  return new Promise((resolve, reject) => {
    // No PATH: nothing outside the shell could run even if a script escaped `set -n`.
    const child = spawn(shell === 'bash' ? BASH : DASH, args, { cwd: dir, env: { PATH: '/nonexistent', LC_ALL: 'C' }, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const lines = out.split('\n').filter((l) => l !== '');
      if (code !== 0 || lines.length !== files.length) reject(new Error(`${shell} oracle failed (exit ${code}, ${lines.length}/${files.length} answers): ${err}`));
      else resolve(lines.map((l) => l === '1'));
    });
    child.stdin.end(files.map((f) => f + '\n').join(''));
  });
}

async function check(scripts: readonly OracleInput[], withDash: boolean): Promise<Verdict[]> {
  const dir = mkdtempSync(join(tmpdir(), 'dockwise-oracle-'));
  try {
    // In exec mode the files hold the bare script; `bash -n -c` gets it back with a final newline added, which changes no verdict.
    const prefix = MODE === 'noexec' ? 'set -n\n' : '';
    writeFileSync(join(dir, '.selftest'), 'set -n\necho EXECUTED\n');
    const files = scripts.map((s, i) => {
      const f = join(dir, String(i));
      writeFileSync(f, prefix + s.text);
      return f;
    });
    const half = Math.ceil(files.length / 2);
    const [bashA, bashB, dash] = await Promise.all([
      worker('bash', dir, 0, files.slice(0, half)),
      worker('bash', dir, 1, files.slice(half)),
      withDash ? worker('dash', dir, 2, files) : Promise.resolve(null),
    ]);
    const bash = [...bashA, ...bashB];
    return scripts.map((_, i) => ({ bash: bash[i] as boolean, dash: dash ? (dash[i] as boolean) : null }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The verdicts for these scripts: cached ones at once, the rest checked by the shells. `withDash`
 * also asks dash (which doubles the cost of a first run).
 */
export async function oracle(scripts: readonly OracleInput[], withDash = false): Promise<Map<string, Verdict>> {
  const version = versions();
  let cache: Record<string, Verdict> = {};
  if (existsSync(CACHE_FILE)) {
    try {
      const stored = JSON.parse(readFileSync(CACHE_FILE, 'utf8')) as { version: string; verdicts: Record<string, Verdict> };
      if (stored.version === version) cache = stored.verdicts;
    } catch {
      cache = {};
    }
  }
  const missing = scripts.filter((s) => (cache[s.hash] === undefined || (withDash && cache[s.hash]?.dash === null)) && !s.text.includes('\0'));
  if (missing.length > 0) {
    const verdicts = await check(missing, withDash);
    missing.forEach((s, i) => (cache[s.hash] = verdicts[i] as Verdict));
    mkdirSync(join(CACHE_FILE, '..'), { recursive: true });
    writeFileSync(CACHE_FILE, JSON.stringify({ version, verdicts: cache }));
  }
  const out = new Map<string, Verdict>();
  for (const s of scripts) {
    const v = cache[s.hash];
    if (v) out.set(s.hash, v);
  }
  return out;
}
