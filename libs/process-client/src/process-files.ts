import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The `processes/` folder at the repository root, found from this file whether it runs from
 * TypeScript sources (tests) or from `dist/` (production).
 */
export function processesDir(): string {
  let dir = __dirname;
  for (;;) {
    const candidate = join(dir, 'processes');
    if (existsSync(join(dir, 'package.json')) && existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the processes/ folder above ' + __dirname);
    dir = parent;
  }
}

export interface ProcessFile {
  name: string;
  xml: string;
}

export function readProcessFiles(dir = processesDir()): ProcessFile[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.bpmn'))
    .sort()
    .map((name) => ({ name, xml: readFileSync(join(dir, name), 'utf8') }));
}
