/** Small BPMN documents for the engine tests, written the way Camunda Modeler writes them. */
export function definitions(processId: string, body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="defs_${processId}" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="${processId}" isExecutable="true">
${body}
  </bpmn:process>
</bpmn:definitions>`;
}

export function serviceTask(id: string, type: string, extra = ''): string {
  return `<bpmn:serviceTask id="${id}"><bpmn:extensionElements><zeebe:taskDefinition type="${type}" />${extra}</bpmn:extensionElements></bpmn:serviceTask>`;
}

export function flow(id: string, from: string, to: string, condition?: string): string {
  if (!condition) return `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}" />`;
  return `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}"><bpmn:conditionExpression>${condition}</bpmn:conditionExpression></bpmn:sequenceFlow>`;
}

/** start → tasks in order → end. */
export function sequence(processId: string, ...tasks: string[]): string {
  const ids = ['start', ...tasks.map((_, i) => `task${i + 1}`), 'end'];
  const nodes = [
    '<bpmn:startEvent id="start" />',
    ...tasks.map((type, i) => serviceTask(`task${i + 1}`, type)),
    '<bpmn:endEvent id="end" />',
  ];
  const flows = ids.slice(1).map((id, i) => flow(`f${i + 1}`, ids[i], id));
  return definitions(processId, [...nodes, ...flows].join('\n'));
}

/** Adds root elements (messages, errors, signals, escalations) beside the process. */
export function withRootElements(xml: string, root: string[]): string {
  return xml.replace('</bpmn:process>', `</bpmn:process>\n${root.join('\n')}`);
}
