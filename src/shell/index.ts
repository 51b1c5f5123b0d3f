/**
 * The shell model: `parseShell` turns a RUN script into a bash syntax tree plus the flat list of
 * simple commands (with their context) that rules query. Browser-safe; never throws.
 */
export * from './ast.js';
export { parseShell } from './parse.js';
export { parseOptions } from './options.js';
export type { OptionSpec, ParsedOption, ParsedOptions } from './options.js';
export { commandName, commandsNamed, effectiveCommand, invocation, programFamily, subcommand } from './query.js';
export type { EffectiveCommand, Invocation, Subcommand, WrapperUse } from './query.js';
