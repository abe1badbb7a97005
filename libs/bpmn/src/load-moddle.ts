import * as fs from 'fs';
import * as path from 'path';
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
function packageDir(name: string): string {
  // The package exports ./package.json, the only stable anchor for its folder.
  return path.dirname(require.resolve(`${name}/package.json`));
}

let cached: Promise<BpmnModdleCtor> | undefined;
let zeebeDescriptor: Record<string, unknown> | undefined;

function loadConstructor(): Promise<BpmnModdleCtor> {
  // bpmn-moddle is an ES module: Node >= 20.19 loads it through require(); jest compiles it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require('bpmn-moddle') as { BpmnModdle?: BpmnModdleCtor };
  if (typeof mod.BpmnModdle !== 'function') throw new Error('bpmn-moddle does not export BpmnModdle');
  cached ??= Promise.resolve(mod.BpmnModdle);
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
