/**
 * Linting many files on every core: a pool of worker threads pulling batches. Small runs stay in
 * the main thread, where starting workers would cost more than it saves.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { lintFiles, type FileOutcome, type LintFilesOptions } from './lint-files.js';

const PARALLEL_THRESHOLD = 48;
const BATCH = 24;

export async function lintInParallel(files: readonly { abs: string; display: string }[], options: LintFilesOptions, jobs?: number): Promise<FileOutcome[]> {
  const workers = Math.max(1, Math.min(jobs ?? availableParallelism(), Math.ceil(files.length / BATCH)));
  if (workers <= 1 || files.length < PARALLEL_THRESHOLD || files.some((f) => f.abs === '-')) return lintFiles(files, options);
  const outcomes: FileOutcome[] = new Array<FileOutcome>(files.length);
  let next = 0;
  const fromSource = import.meta.url.endsWith('.ts');
  const url = new URL(fromSource ? './worker.ts' : './worker.js', import.meta.url);
  // Running from TypeScript sources (tests): the worker registers tsx before loading the module.
  const spawn = (): Worker =>
    fromSource
      ? new Worker(`import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(url.href)}); })`, { eval: true, workerData: { options } })
      : new Worker(url, { workerData: { options } });
  await Promise.all(
    Array.from({ length: workers }, () =>
      new Promise<void>((resolve, reject) => {
        const worker = spawn();
        const send = (): void => {
          if (next >= files.length) {
            void worker.terminate().then(() => resolve());
            return;
          }
          const start = next;
          next = Math.min(files.length, next + BATCH);
          worker.postMessage({ id: start, files: files.slice(start, next) });
        };
        worker.on('message', (msg: { id: number; outcomes: FileOutcome[] }) => {
          msg.outcomes.forEach((o, k) => {
            outcomes[msg.id + k] = o;
          });
          send();
        });
        worker.on('error', reject);
        send();
      }),
    ),
  );
  return outcomes;
}
