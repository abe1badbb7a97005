import { Form } from '@bpmn-io/form-js-viewer';
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import { useEffect, useRef } from 'react';

export interface FormSchema {
  id: string;
  components: FormComponent[];
}

interface FormComponent {
  id: string;
  key?: string;
  type: string;
  components?: FormComponent[];
}

/** The field id (what form-js keys its errors by) of each field key (what the server names). */
export function fieldIdsByKey(components: FormComponent[], into = new Map<string, string>()): Map<string, string> {
  for (const component of components) {
    if (component.key) into.set(component.key, component.id);
    if (component.components) fieldIdsByKey(component.components, into);
  }
  return into;
}

/**
 * A task form rendered by form-js. The Form instance lives as long as the component, so the values
 * typed stay in it when a submit fails; they are also kept as a draft in sessionStorage.
 */
export function TaskForm({
  schema,
  data,
  readOnly,
  draftKey,
  onReady,
  onSubmit,
}: {
  schema: FormSchema;
  data: Record<string, unknown>;
  readOnly: boolean;
  draftKey: string;
  onReady: (form: Form) => void;
  /** form-js's submit: from `form.submit()` (our button) or Enter in a field. */
  onSubmit: (result: { data: Record<string, unknown>; errors: Record<string, unknown> }) => void;
}) {
  const container = useRef<HTMLDivElement>(null);
  const form = useRef<Form | undefined>(undefined);
  const submitted = useRef(onSubmit);
  submitted.current = onSubmit;

  useEffect(() => {
    const instance = new Form({ container: container.current! });
    form.current = instance;
    const draft = sessionStorage.getItem(draftKey);
    const initial = { ...data, ...(draft ? (JSON.parse(draft) as Record<string, unknown>) : {}) };
    instance.on('changed', (event: { data: Record<string, unknown> }) => {
      sessionStorage.setItem(draftKey, JSON.stringify(event.data));
    });
    instance.on('submit', (event: { data: Record<string, unknown>; errors: Record<string, unknown> }) =>
      submitted.current(event),
    );
    void instance.importSchema(schema, initial).then(() => onReady(instance));
    return () => instance.destroy();
    // The schema and the task decide the form; data and onReady are read once at import.
  }, [schema, draftKey]);

  useEffect(() => {
    form.current?.setProperty('readOnly', readOnly);
  }, [readOnly]);

  return <div ref={container} className="task-form" />;
}
