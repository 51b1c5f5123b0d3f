/** Writes docs/rules.md and docs/rules/<name>.md from the rule metadata. */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateRuleDocs } from '../src/docs/rules.js';
import { RULES } from '../src/rules/index.js';

const docs = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs');
const files = generateRuleDocs(RULES);
mkdirSync(join(docs, 'rules'), { recursive: true });
for (const f of readdirSync(join(docs, 'rules'))) if (!files.has(`rules/${f}`)) rmSync(join(docs, 'rules', f));
for (const [path, content] of files) writeFileSync(join(docs, path), content);
console.log(`wrote ${files.size} files under docs/`);
