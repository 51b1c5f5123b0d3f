/** A lint worker: receives batches of files, answers with their outcomes. */
import { parentPort, workerData } from 'node:worker_threads';
import { lintFiles, type LintFilesOptions } from './lint-files.js';

const options = (workerData as { options: LintFilesOptions }).options;

parentPort?.on('message', (msg: { id: number; files: { abs: string; display: string }[] }) => {
  parentPort?.postMessage({ id: msg.id, outcomes: lintFiles(msg.files, options) });
});
