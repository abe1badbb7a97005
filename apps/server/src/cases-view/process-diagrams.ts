import { readProcessFiles } from '@brobygger/process-client';

/**
 * The BPMN XML of each process in processes/, by its process id, read once. This is the diagram
 * the case page draws; a deployed older version may differ (ADR 0006).
 */
export class ProcessDiagrams {
  private byId?: Map<string, string>;

  xmlOf(processId: string): string | undefined {
    if (!this.byId) {
      this.byId = new Map();
      for (const file of readProcessFiles()) {
        for (const match of file.xml.matchAll(/<(?:[\w-]+:)?process\b[^>]*\bid="([^"]+)"/g)) {
          this.byId.set(match[1], file.xml);
        }
      }
    }
    return this.byId.get(processId);
  }
}
