const BPMN = 'http://www.omg.org/spec/BPMN/20100524/MODEL';
const ZEEBE = 'http://camunda.org/schema/zeebe/1.0';

/** Wraps process content in a definitions element with the usual namespaces. */
export function definitions(body: string, extraRoot = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="${BPMN}" xmlns:zeebe="${ZEEBE}" id="defs" targetNamespace="http://bpmn.io/schema/bpmn">
${extraRoot}
${body}
</bpmn:definitions>`;
}

/** An executable process with the given flow content. */
export function processXml(content: string, extraRoot = '', id = 'proc'): string {
  return definitions(`<bpmn:process id="${id}" isExecutable="true">\n${content}\n</bpmn:process>`, extraRoot);
}
