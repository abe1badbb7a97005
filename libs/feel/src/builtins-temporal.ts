/** Camunda extension built-ins for temporal values that feelin lacks. */
import { isDate, isDateTime } from './feel-types';
import { feelFunction, invalidArgument } from './runtime';

export const temporalBuiltins: Record<string, unknown> = {
  'last day of month': feelFunction(['date'], (date: unknown) =>
    isDate(date) || isDateTime(date)
      ? date.value.daysInMonth
      : invalidArgument('last day of month', 'date', 'a date or date and time', date),
  ),
};
