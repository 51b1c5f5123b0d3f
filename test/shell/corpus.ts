/**
 * The RUN scripts of the shared corpus, built the way BuildKit hands them to `/bin/sh -c`. Used by
 * the agreement test, the fuzz test and the benchmark.
 */
import { createHash } from 'node:crypto';
import { decodeDockerfile, parse } from '../../src/parser/index.js';
import type { Heredoc, Instruction } from '../../src/parser/index.js';
import { corpusFiles } from '../helpers/shared.js';

export interface CorpusScript {
  /** sha256 of the script text (hex), the key of the oracle cache and of KNOWN_DIFFERENCES. */
  readonly hash: string;
  readonly text: string;
  /** The first corpus file (and 1-based line) the script was found in. */
  readonly file: string;
  readonly line: number;
  /** How many RUNs in the corpus produce this exact script. */
  count: number;
}

const NON_POSIX_SHELLS = new Set(['powershell', 'powershell.exe', 'pwsh', 'pwsh.exe', 'cmd', 'cmd.exe']);
const SH_INTERPRETERS = new Set(['sh', 'bash', 'dash', 'ash', 'ksh', 'mksh', 'zsh', 'busybox']);

function basename(path: string): string {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return path.slice(i + 1).toLowerCase();
}

/** True when a `#!` line names a shell we can compare with bash (`#!/bin/sh`, `#!/usr/bin/env bash -e`). */
function shebangIsShell(content: string): boolean {
  const end = content.indexOf('\n');
  const words = content.slice(2, end < 0 ? content.length : end).trim().split(/[ \t]+/);
  let interpreter = basename(words[0] ?? '');
  if (interpreter === 'env') interpreter = basename(words.find((w, i) => i > 0 && !w.startsWith('-')) ?? '');
  return SH_INTERPRETERS.has(interpreter);
}

function chomp(content: string): string {
  return content.replace(/^\t+/gm, '');
}

/** The script `/bin/sh -c` receives for a shell-form RUN, or null when it is not a shell script. */
export function runScript(text: string, heredocs: readonly Heredoc[]): string | null {
  const first = heredocs[0];
  if (first && heredocs.length === 1 && text.trim() === first.marker.text) {
    const body = first.chomp ? chomp(first.content) : first.content;
    if (body.startsWith('#!') && !shebangIsShell(body)) return null;
    return body;
  }
  let script = text;
  for (const h of heredocs) script += '\n' + h.content + h.name;
  return heredocs.length > 0 ? script + '\n' : script;
}

function runOf(instruction: Instruction): Instruction | null {
  if (instruction.name === 'RUN') return instruction;
  if (instruction.name === 'ONBUILD' && instruction.trigger?.name === 'RUN') return instruction.trigger;
  return null;
}

/** Every distinct RUN script of the corpus, in a stable order (first occurrence). */
export function corpusScripts(): CorpusScript[] {
  const byText = new Map<string, CorpusScript>();
  for (const file of corpusFiles('all')) {
    let text: string;
    try {
      text = decodeDockerfile(file.bytes).text;
    } catch {
      continue;
    }
    const dockerfile = parse(text);
    let posix = true;
    for (const instruction of dockerfile.instructions) {
      if (instruction.name === 'FROM') posix = true;
      if (instruction.name === 'SHELL' && instruction.command?.form === 'exec') {
        const shell = instruction.command.json.elements[0]?.value ?? '';
        posix = !NON_POSIX_SHELLS.has(basename(shell));
      }
      const run = runOf(instruction);
      if (!posix || !run || run.name !== 'RUN' || run.command?.form !== 'shell') continue;
      const script = runScript(run.command.text, instruction.heredocs);
      if (script === null) continue;
      const seen = byText.get(script);
      if (seen) {
        seen.count++;
        continue;
      }
      const hash = createHash('sha256').update(script).digest('hex');
      byText.set(script, { hash, text: script, file: file.name, line: instruction.startLine, count: 1 });
    }
  }
  return [...byText.values()];
}
