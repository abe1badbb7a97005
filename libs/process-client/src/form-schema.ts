/** The parts of a Camunda form-js schema (schemaVersion 16) that completion is checked against. */
export interface FormComponent {
  type: string;
  key?: string;
  label?: string;
  dateLabel?: string;
  subtype?: string;
  values?: { label: string; value: string }[];
  valuesKey?: string;
  validate?: {
    required?: boolean;
    min?: number;
    max?: number;
    minLength?: number;
    maxLength?: number;
    pattern?: string;
  };
  components?: FormComponent[];
}

export interface FormSchema {
  id: string;
  type: string;
  components: FormComponent[];
}

/** Form key of a job-worker user task whose form is embedded in the BPMN (zeebe:userTaskForm). */
const EMBEDDED_PREFIX = 'camunda-forms:bpmn:';
/** Form key of a linked, separately deployed form (zeebe:formDefinition formId). */
const LINKED_PREFIX = 'camunda-forms:form:';

export function formIdOfKey(formKey: string | null | undefined): string | undefined {
  if (!formKey) return undefined;
  for (const prefix of [EMBEDDED_PREFIX, LINKED_PREFIX]) {
    if (formKey.startsWith(prefix)) return formKey.slice(prefix.length);
  }
  return undefined;
}

/** Every input field, including those inside groups, in form order. */
export function inputFields(components: FormComponent[]): FormComponent[] {
  return components.flatMap((c) => [...(c.key ? [c] : []), ...inputFields(c.components ?? [])]);
}
