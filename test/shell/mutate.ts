/** Seeded generators of broken and tricky shell text, from corpus scripts and from shell tokens. */

/** mulberry32: small, fast and good enough to spread mutations. */
export function random(seed: number): () => number {
  let s = seed | 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const TOKENS: readonly string[] = [
  '"', "'", '`', '(', ')', '{', '}', '[', ']', '$(', '${', '$((', '))', '$[', ';', ';;', ';&', ';;&', '&', '&&', '||', '|', '|&', '\n', '\\', '\\\n', '#', '!',
  '=', '+=', '=(', '<(', '>(', '>', '<', '>>', '<<<', '&>', '2>&1', '3<&-', '{fd}>', '$', '*', '?', '~', '@(', '=~', ' == ', ' -f ', ' -o ', ' -n ', '\t',
  ' if ', ' then ', ' elif ', ' else ', ' fi ', ' for x in a; ', ' do ', ' done ', ' while true; ', ' until false; do ', ' case $x in a) ', ' esac', ' in ',
  ' select y in b; do ', ' function g { ', ' f() ', ' time ', ' coproc ', '[[ ', ' ]]', '((', '<<EOF\n', '\nEOF\n', '<<-E\n', "<<'E'\n", '\nE\n', '\tE\n',
  '${x:-', '${#', '${!', '${x[', '"$(', "$'", 'x[', 'a=(', 'declare -A m=(', ' && \\\n ', '""', '\\"',
];

/** A script with a few insertions, deletions and duplications. */
export function mutate(source: string, rnd: () => number, edits: number): string {
  let t = source;
  for (let k = 0; k < edits; k++) {
    const at = Math.floor(rnd() * (t.length + 1));
    const r = rnd();
    if (r < 0.4) t = t.slice(0, at) + (TOKENS[Math.floor(rnd() * TOKENS.length)] as string) + t.slice(at);
    else if (r < 0.7) t = t.slice(0, at) + t.slice(at + 1 + Math.floor(rnd() * 3));
    else {
      const from = Math.floor(rnd() * (t.length + 1));
      t = t.slice(0, at) + t.slice(from, from + 1 + Math.floor(rnd() * 20)) + t.slice(at);
    }
  }
  return t;
}

/** A string of shell tokens and short words. */
export function soup(rnd: () => number): string {
  const words = ['a', 'x', 'echo', '$x', '"q"', "'s'", '1', 'EOF'];
  let t = '';
  const n = 2 + Math.floor(rnd() * 12);
  for (let k = 0; k < n; k++) {
    t += TOKENS[Math.floor(rnd() * TOKENS.length)] as string;
    if (rnd() < 0.5) t += ' ';
    if (rnd() < 0.3) t += words[Math.floor(rnd() * words.length)] as string;
  }
  return t;
}
