/**
 * Test-only loader for ESM-only npm packages (feelin 8 and its ESM-only
 * dependencies) under Jest on Node 20.
 *
 * Why this exists: the root jest.config.js only transforms `.ts` files and
 * leaves node_modules untransformed, and Jest on Node < 24.9 cannot
 * `require()` an ES module. Plain Node 20.19+ can, so production code simply
 * imports 'feelin'; only the test sandbox needs help. The proper fix is a
 * `transformIgnorePatterns` entry in the root Jest config; once that lands,
 * delete this file and the `jest.mock('feelin', ...)` lines in the specs.
 *
 * Modules are compiled to CommonJS with @swc/core (already a dev dependency)
 * and evaluated inside the Jest realm, so `instanceof` and prototype checks
 * in feelin see the same built-ins as the code under test.
 */
import * as fs from 'fs';
import * as path from 'path';

type LoadedModule = { exports: Record<string, unknown> };

const loaded = new Map<string, LoadedModule>();

function nearestPackageType(file: string): string | undefined {
  let dir = path.dirname(file);
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg)) {
      return (JSON.parse(fs.readFileSync(pkg, 'utf8')) as { type?: string }).type;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function isEsmFile(file: string): boolean {
  if (file.endsWith('.mjs')) return true;
  if (file.endsWith('.cjs')) return false;
  return file.endsWith('.js') && nearestPackageType(file) === 'module';
}

function loadFile(file: string): Record<string, unknown> {
  const cached = loaded.get(file);
  if (cached) return cached.exports;

  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const swc = require('@swc/core') as typeof import('@swc/core');
  const { code } = swc.transformSync(fs.readFileSync(file, 'utf8'), {
    filename: file,
    module: { type: 'commonjs' },
    jsc: { target: 'es2022', parser: { syntax: 'ecmascript' } },
    sourceMaps: false,
  });

  const mod: LoadedModule = { exports: {} };
  loaded.set(file, mod);
  const localRequire = (specifier: string): unknown => requireFrom(path.dirname(file), specifier);
  const run = new Function('exports', 'require', 'module', '__filename', '__dirname', code) as (
    ...args: unknown[]
  ) => void;
  run(mod.exports, localRequire, mod, file, path.dirname(file));
  return mod.exports;
}

function requireFrom(fromDir: string, specifier: string): unknown {
  const resolved = require.resolve(specifier, { paths: [fromDir] });
  if (isEsmFile(resolved)) return loadFile(resolved);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(resolved);
}

/** Load an ESM-only package by name, resolving from the repository root. */
export function requireEsmPackage(name: string): unknown {
  return requireFrom(path.resolve(__dirname, '../../../..'), name);
}
