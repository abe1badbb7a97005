import { evaluate } from './index';

const value = (expression: string, variables: Record<string, unknown> = {}) => {
  const result = evaluate(expression, variables);
  if (!result.ok) throw new Error(`unexpected failure: ${result.message}`);
  return result.value;
};

describe('boolean built-ins', () => {
  it('is defined', () => {
    expect(value('is defined(x)', { x: 1 })).toBe(true);
    expect(value('is defined(x)')).toBe(false);
    expect(value('is defined(x.y)', { x: {} })).toBe(false);
    expect(value('is defined(null)')).toBe(false);
    expect(value('not(is defined(x))')).toBe(true);
  });

  it('get or else', () => {
    expect(value('get or else(x, "default")', { x: 'this' })).toBe('this');
    expect(value('get or else(x, "default")')).toBe('default');
    expect(value('get or else(null, null)')).toBeNull();
  });

  it('assert returns the value or fails the evaluation', () => {
    expect(value('assert(x, x > 0)', { x: 4 })).toBe(4);
    expect(evaluate('assert(x, x > 0)', { x: -1 })).toEqual({
      ok: false,
      message: "Assertion failure on evaluate the expression 'assert(x, x > 0)': The condition is not fulfilled",
    });
    const custom = evaluate('assert(x, x != null, "x is required")', {});
    expect(!custom.ok && custom.message).toContain('x is required');
  });
});

describe('string built-ins', () => {
  it('string join with delimiter, prefix and suffix', () => {
    expect(value('string join(["a", "b", "c"], ", ")')).toBe('a, b, c');
    expect(value('string join(["a", null, "c"], "-", "[", "]")')).toBe('[a-c]');
    expect(value('string join(["a", "b"])')).toBe('ab');
    expect(value('string join([1, 2], ",")')).toBeNull();
  });

  it('trim, is blank, extract, split', () => {
    expect(value('trim("  hello ")')).toBe('hello');
    expect(value('is blank("   ")')).toBe(true);
    expect(value('is blank("a")')).toBe(false);
    expect(value('extract("order 12 and 345", "[0-9]+")')).toEqual(['12', '345']);
    expect(value('split("a,b,,c", ",")')).toEqual(['a', 'b', '', 'c']);
  });

  it('uuid and to base64', () => {
    expect(value('uuid()')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(value('uuid() != uuid()')).toBe(true);
    expect(value('to base64("Hello World")')).toBe('SGVsbG8gV29ybGQ=');
    expect(value('to base64("æøå")')).toBe(Buffer.from('æøå').toString('base64'));
  });
});

describe('list built-ins', () => {
  it('is empty, partition, duplicate values, distinct values', () => {
    expect(value('is empty([])')).toBe(true);
    expect(value('is empty([1])')).toBe(false);
    expect(value('partition([1, 2, 3, 4, 5], 2)')).toEqual([[1, 2], [3, 4], [5]]);
    expect(value('partition([1], 0)')).toBeNull();
    expect(value('duplicate values([1, 2, 3, 2, 1, 1])')).toEqual([2, 1]);
    expect(value('duplicate values([{a: 1}, {a: 1}, {a: 2}])')).toEqual([{ a: 1 }]);
    expect(value('distinct values([1, 2, 1, 3])')).toEqual([1, 2, 3]);
  });

  it('aggregates with decimal precision', () => {
    expect(value('sum([0.1, 0.2])')).toBe(0.3);
    expect(value('sum(0.1, 0.2, 0.3)')).toBe(0.6);
    expect(value('sum([])')).toBeNull();
    expect(value('product([0.1, 3])')).toBe(0.3);
    expect(value('mean([1, 2, 4])')).toBe(7 / 3);
    expect(value('count([1, 2])')).toBe(2);
  });
});

describe('numeric built-ins', () => {
  it('rounds on the exact decimal value', () => {
    expect(value('round half up(1.005, 2)')).toBe(1.01);
    expect(value('round half down(2.5, 0)')).toBe(2);
    expect(value('round up(-1.21, 1)')).toBe(-1.3);
    expect(value('round down(1.29, 1)')).toBe(1.2);
    expect(value('decimal(2.5, 0)')).toBe(2);
    expect(value('decimal(3.5, 0)')).toBe(4);
    expect(value('floor(-1.5)')).toBe(-2);
    expect(value('ceiling(1.21, 1)')).toBe(1.3);
  });

  it('modulo follows the sign of the divisor', () => {
    expect(value('modulo(12, 5)')).toBe(2);
    expect(value('modulo(-12, 5)')).toBe(3);
    expect(value('modulo(10.1, 4.5)')).toBe(1.1);
  });

  it('random number is in [0, 1)', () => {
    const n = value('random number()') as number;
    expect(n).toBeGreaterThanOrEqual(0);
    expect(n).toBeLessThan(1);
  });
});

describe('context built-ins', () => {
  const vars = { customer: { address: { city: 'Aarhus' }, name: 'Ann' } };

  it('get value by key and by key path', () => {
    expect(value('get value(customer, "name")', vars)).toBe('Ann');
    expect(value('get value(customer, ["address", "city"])', vars)).toBe('Aarhus');
    expect(value('get value(customer, ["address", "zip"])', vars)).toBeNull();
  });

  it('get entries, context put, context merge', () => {
    expect(value('get entries({a: 1})')).toEqual([{ key: 'a', value: 1 }]);
    expect(value('context put({a: 1}, "b", 2)')).toEqual({ a: 1, b: 2 });
    expect(value('context put(customer, ["address", "zip"], "8000")', vars)).toEqual({
      address: { city: 'Aarhus', zip: '8000' },
      name: 'Ann',
    });
    expect(value('context merge([{a: 1}, {b: 2}, {a: 3}])')).toEqual({ a: 3, b: 2 });
    expect(value('context merge({a: 1}, {b: 2})')).toEqual({ a: 1, b: 2 });
  });
});

describe('temporal built-ins', () => {
  it('now and today return current values', () => {
    expect(value('today() = date(now())')).toBe(true);
    const before = Date.now();
    const iso = value('string(now())') as string;
    expect(Math.abs(Date.parse(iso) - before)).toBeLessThan(5000);
  });

  it('day of week, month of year, last day of month', () => {
    expect(value('day of week(date("2019-09-17"))')).toBe('Tuesday');
    expect(value('month of year(date("2019-09-17"))')).toBe('September');
    expect(value('last day of month(date("2024-02-10"))')).toBe(29);
    expect(value('last day of month(date and time("2023-02-10T10:00:00"))')).toBe(28);
    expect(value('last day of month("2023-02-10")')).toBeNull();
  });
});

describe('user variables', () => {
  it('shadow added built-ins of the same name, like feelin built-ins', () => {
    expect(value('trim', { trim: 'a value' })).toBe('a value');
  });
});
