import { FormComponent, FormSchema, inputFields } from './form-schema';

export interface FieldProblem {
  field: string;
  message: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

function label(field: FormComponent): string {
  return field.label ?? field.dateLabel ?? field.key!;
}

/** What is wrong with one value, judged by the field's type and validate block; undefined if fine. */
function problemOf(field: FormComponent, value: unknown, variables: Record<string, unknown>): string | undefined {
  const rules = field.validate ?? {};
  if (isBlank(value)) return rules.required ? `${label(field)} is required` : undefined;
  switch (field.type) {
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return `${label(field)} must be a number`;
      if (rules.min !== undefined && value < rules.min) return `${label(field)} must be at least ${rules.min}`;
      if (rules.max !== undefined && value > rules.max) return `${label(field)} must be at most ${rules.max}`;
      return undefined;
    }
    case 'checkbox':
      return typeof value === 'boolean' ? undefined : `${label(field)} must be true or false`;
    case 'datetime':
      if (typeof value !== 'string') return `${label(field)} must be a date (YYYY-MM-DD)`;
      if (field.subtype === 'date' && !(DATE.test(value) && !Number.isNaN(Date.parse(value)))) {
        return `${label(field)} must be a date (YYYY-MM-DD)`;
      }
      return undefined;
    case 'select':
    case 'radio': {
      if (typeof value !== 'string') return `${label(field)} must be one of the offered values`;
      // Options from a variable (valuesKey) are checked against the task's own variables.
      const options = field.values ?? (variables[field.valuesKey ?? ''] as { value: string }[] | undefined) ?? [];
      return options.some((o) => o.value === value) ? undefined : `${label(field)} must be one of the offered values`;
    }
    default: {
      if (typeof value !== 'string') return `${label(field)} must be text`;
      if (rules.minLength !== undefined && value.length < rules.minLength) {
        return `${label(field)} must be at least ${rules.minLength} characters`;
      }
      if (rules.maxLength !== undefined && value.length > rules.maxLength) {
        return `${label(field)} must be at most ${rules.maxLength} characters`;
      }
      if (rules.pattern && !new RegExp(rules.pattern).test(value)) return `${label(field)} has the wrong format`;
      return undefined;
    }
  }
}

/**
 * Checks completion variables against the task's form: one problem per field. `context` are the
 * task's variables, for options that come from a variable (valuesKey).
 */
export function validateForm(
  form: FormSchema,
  values: Record<string, unknown>,
  context: Record<string, unknown> = {},
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const field of inputFields(form.components)) {
    const message = problemOf(field, values[field.key!], context);
    if (message) problems.push({ field: field.key!, message });
  }
  return problems;
}
