/** Reserved words and scan flags the statement parser and the compound-command parsers share. */
import { F_ASSIGN, F_CMD, F_SUBSCRIPT } from './lexer.js';

/** Scan flags in command position. */
export const CMD = F_CMD | F_ASSIGN | F_SUBSCRIPT;
/** Words that close a compound command; in command position they end the current list. */
export const CLOSERS = new Set(['then', 'else', 'elif', 'fi', 'do', 'done', 'esac', '}']);
/** Words that start a compound command (a function body must be one). */
export const COMPOUND_STARTERS = new Set(['{', 'if', 'while', 'until', 'for', 'select', 'case', '[[']);
/** Reserved words that cannot start a simple command. */
export const RESERVED = new Set([...CLOSERS, ...COMPOUND_STARTERS, '!', 'in', ']]', 'function', 'coproc']);
/** Builtins whose arguments may be compound assignments (`declare -A m=(…)`). */
export const ASSIGNMENT_BUILTINS = new Set(['alias', 'declare', 'eval', 'export', 'let', 'local', 'readonly', 'typeset']);

/** CLOSERS.has(w), without a hash lookup for the (long) names most commands have. */
export function isCloser(w: string): boolean {
  return w.length <= 4 && CLOSERS.has(w);
}
