/**
 * Writes schema/dockwise.schema.json (for editors: VS Code's YAML extension, Taplo) from the
 * valibot schema in src/config/schema.ts, the single source of truth. `npm run gen:schema`;
 * test/config/schema.test.ts fails when the committed file is stale.
 */
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { toJsonSchema } from '@valibot/to-json-schema';
import { configSchema } from '../src/config/schema.js';

export const SCHEMA_PATH = resolve(dirname(fileURLToPath(import.meta.url)), '../schema/dockwise.schema.json');

export function generateSchema(): string {
  const { $schema, ...rest } = toJsonSchema(configSchema, {
    target: 'draft-07',
    // A pipe of schemas (see `table`) is described by its last one, what the value is once valid.
    typeMode: 'output',
    errorMode: 'throw',
    // `check` refuses lists where tables belong; JSON Schema says `type: object` already.
    ignoreActions: ['check'],
  });
  return `${JSON.stringify({ $schema, ...rest }, null, 2)}\n`;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  writeFileSync(SCHEMA_PATH, generateSchema());
  console.log(`wrote ${SCHEMA_PATH}`);
}
