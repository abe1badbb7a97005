import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import { pathToFileURL } from 'url';
import type { ModdleElement } from './moddle-types';

/** What bpmn-moddle's fromXML resolves to, narrowed to the parts this library reads. */
export interface ModdleParseResult {
  rootElement: ModdleElement;
  warnings: ModdleWarning[];
}
export interface ModdleWarning {
  message: string;
  element?: ModdleElement;
  property?: string;
  value?: unknown;
  error?: { message?: string };
}
interface BpmnModdleInstance {
  fromXML(xml: string, typeName?: string): Promise<ModdleParseResult>;
}
type BpmnModdleCtor = new (packages: Record<string, unknown>) => BpmnModdleInstance;
type Importer = (specifier: string) => Promise<Record<string, unknown>>;

// bpmn-moddle 10 and its dependencies are ESM-only, while this repo compiles to
// CommonJS (tsc and @swc/jest). tsc would rewrite a literal `import()` into
// `require()`, so the import is created at runtime where the compiler cannot see it.
const nativeImport = new Function('s', 'return import(s)') as Importer;

// Jest runs modules inside a vm context without a dynamic-import hook unless Node is
// started with --experimental-vm-modules. Scripts compiled with the main-context loader
// constant import through Node's own ESM loader instead, which needs no flag (Node >= 20.12).
function mainContextImport(): Importer | undefined {
  const loader = (vm as unknown as { constants?: { USE_MAIN_CONTEXT_DEFAULT_LOADER?: symbol } }).constants
    ?.USE_MAIN_CONTEXT_DEFAULT_LOADER;
  if (!loader) return undefined;
  const options = { importModuleDynamically: loader } as unknown as vm.ScriptOptions;
  return new vm.Script('(s) => import(s)', options).runInThisContext() as Importer;
}

async function importEsm(file: string): Promise<Record<string, unknown>> {
  const url = pathToFileURL(file).href;
  try {
    return await nativeImport(url);
  } catch (first) {
    const fallback = mainContextImport();
    if (!fallback) throw first;
    return fallback(url);
  }
}

function packageDir(name: string): string {
  // Both packages export ./package.json, which is the only stable anchor for their folder.
  return path.dirname(require.resolve(`${name}/package.json`));
}

let cached: Promise<BpmnModdleCtor> | undefined;
let zeebeDescriptor: Record<string, unknown> | undefined;

function loadConstructor(): Promise<BpmnModdleCtor> {
  cached ??= (async () => {
    const dir = packageDir('bpmn-moddle');
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
      exports?: { '.'?: string };
      main?: string;
    };
    const entry = path.join(dir, manifest.exports?.['.'] ?? manifest.main ?? 'dist/index.js');
    const mod = await importEsm(entry);
    const ctor = (mod.BpmnModdle ?? mod.default) as BpmnModdleCtor | undefined;
    if (typeof ctor !== 'function') throw new Error('bpmn-moddle does not export BpmnModdle');
    return ctor;
  })();
  // A failed load should not poison later calls (e.g. a transient fs error).
  cached.catch(() => (cached = undefined));
  return cached;
}

function loadZeebeDescriptor(): Record<string, unknown> {
  zeebeDescriptor ??= JSON.parse(
    fs.readFileSync(path.join(packageDir('zeebe-bpmn-moddle'), 'resources', 'zeebe.json'), 'utf8'),
  ) as Record<string, unknown>;
  return zeebeDescriptor;
}

/** Parses BPMN XML with the Zeebe extension descriptor; rejects when the XML is unreadable. */
export async function readBpmnXml(xml: string): Promise<ModdleParseResult> {
  const BpmnModdle = await loadConstructor();
  // A fresh instance per call: moddle keeps per-instance id registries.
  const moddle = new BpmnModdle({ zeebe: loadZeebeDescriptor() });
  return moddle.fromXML(xml, 'bpmn:Definitions');
}
