import type { ZBClient } from 'zeebe-node';
import { readProcessFiles } from './process-files';

export interface DeployedProcess {
  bpmnProcessId: string;
  version: number;
  resourceName: string;
}

/**
 * Deploys every BPMN in processes/ through DeployResource. An unchanged resource keeps its
 * version (Zeebe and our engine both skip identical resources), so this is safe at every start.
 */
export async function deployProcesses(zbc: ZBClient): Promise<DeployedProcess[]> {
  const deployed: DeployedProcess[] = [];
  for (const file of readProcessFiles()) {
    const result = await zbc.deployResource({ name: file.name, process: Buffer.from(file.xml) });
    for (const d of result.deployments) {
      const { bpmnProcessId, version, resourceName } = d.process;
      deployed.push({ bpmnProcessId, version, resourceName });
    }
  }
  return deployed;
}
