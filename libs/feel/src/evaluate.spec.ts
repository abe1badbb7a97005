import { evaluate, evaluateBoolean, isExpression, parseCheck } from './index';

const value = (expression: string, variables: Record<string, unknown> = {}) => {
  const result = evaluate(expression, variables);
  if (!result.ok) throw new Error(`unexpected failure: ${result.message}`);
  return result.value;
};

describe('isExpression', () => {
  it.each([
    ['=x', true],
    ['  = x + 1', true],
    ['x', false],
    ['', false],
    [undefined, false],
    [null, false],
    ['a=b', false],
  ])('%p -> %p', (raw, expected) => expect(isExpression(raw)).toBe(expected));
});

describe('evaluate', () => {
  it('accepts the expression with or without the leading =', () => {
    expect(value('=1 + 2')).toBe(3);
    expect(value('  = 1 + 2')).toBe(3);
    expect(value('1 + 2')).toBe(3);
  });

  it('does arithmetic like Zeebe decimals', () => {
    expect(value('0.1 + 0.2')).toBe(0.3);
    expect(value('0.1 + 0.2 = 0.3')).toBe(true);
    expect(value('10 / 4')).toBe(2.5);
    expect(value('0.1 * 3')).toBe(0.3);
    expect(value('1.1 - 0.1 - 1')).toBe(0);
    expect(value('2 ** 10')).toBe(1024);
    expect(value('-x + 1', { x: 0.2 })).toBe(0.8);
    expect(value('(a + b) * c', { a: 1.5, b: 2.5, c: 3 })).toBe(12);
    expect(value('10 / 0')).toBeNull();
  });

  it('compares values', () => {
    expect(value('x > 5', { x: 7 })).toBe(true);
    expect(value('x <= 5', { x: 7 })).toBe(false);
    expect(value('name = "Ann"', { name: 'Ann' })).toBe(true);
    expect(value('name != "Ann"', { name: 'Bob' })).toBe(true);
    expect(value('x between 1 and 10', { x: 10 })).toBe(true);
    expect(value('x in [1..3]', { x: 4 })).toBe(false);
  });

  it('treats missing variables as null', () => {
    expect(value('x')).toBeNull();
    expect(value('x = null')).toBe(true);
    expect(value('x.y.z')).toBeNull();
    expect(value('x + 1')).toBeNull();
  });

  it('accesses nested paths and lists', () => {
    const vars = { a: { b: { c: 42 } }, orders: [{ total: 10 }, { total: 25 }] };
    expect(value('a.b.c', vars)).toBe(42);
    expect(value('orders.total', vars)).toEqual([10, 25]);
    expect(value('orders[1].total', vars)).toBe(10);
    expect(value('orders[-1].total', vars)).toBe(25);
  });

  it('filters lists', () => {
    expect(value('list[item > 2]', { list: [1, 2, 3, 4] })).toEqual([3, 4]);
    expect(value('orders[total > 20]', { orders: [{ total: 10 }, { total: 25 }] })).toEqual([{ total: 25 }]);
    expect(value('list[item + 0.1 > 2.1]', { list: [1, 2, 3] })).toEqual([3]);
  });

  it('supports quantifiers, loops and conditionals', () => {
    expect(value('some x in [1, 2, 3] satisfies x > 2')).toBe(true);
    expect(value('every x in [1, 2, 3] satisfies x > 2')).toBe(false);
    expect(value('for x in [1, 2] return x * 1.1')).toEqual([1.1, 2.2]);
    expect(value('if amount > 1000 then "manual" else "auto"', { amount: 1500 })).toBe('manual');
    expect(value('if amount > 1000 then "manual" else "auto"', { amount: 10 })).toBe('auto');
    expect(value('if missing then "yes" else "no"')).toBe('no');
  });

  it('supports contexts, strings and temporal arithmetic', () => {
    expect(value('{a: 1, b: a + 1}.b')).toBe(2);
    expect(value('"Hello " + name', { name: 'World' })).toBe('Hello World');
    expect(value('upper case(s)', { s: 'abc' })).toBe('ABC');
    expect(value('substring("foobar", 3)')).toBe('obar');
    expect(value('string length("foo")')).toBe(3);
    expect(value('contains("abc", "b")')).toBe(true);
    expect(value('string(date("2024-01-31") + duration("P1D"))')).toBe('2024-02-01');
  });

  it('fails on syntax errors with position, naming the expression', () => {
    const result = evaluate('1 +', {});
    expect(result).toEqual({ ok: false, message: expect.stringContaining("failed to parse expression '1 +'") });
    expect(!result.ok && result.message).toContain('position 3');
  });

  it('fails on unknown functions, naming the function', () => {
    const result = evaluate('=frobnicate(1)', {});
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toBe(
      "failed to evaluate expression 'frobnicate(1)': no function found with name 'frobnicate'",
    );
  });

  it('never throws on odd input', () => {
    expect(evaluate('', {}).ok).toBe(false);
    expect(evaluate('=', {}).ok).toBe(false);
    expect(evaluate(undefined as unknown as string, {}).ok).toBe(false);
    expect(evaluate('x', undefined as unknown as Record<string, unknown>)).toEqual({ ok: true, value: null });
  });
});

describe('evaluateBoolean', () => {
  it('returns booleans', () => {
    expect(evaluateBoolean('=x > 1', { x: 2 })).toEqual({ ok: true, value: true });
  });

  it('reports a wrong type in Zeebe wording', () => {
    const result = evaluateBoolean('x + 1', { x: 1 });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toBe(
      "Expected result of the expression 'x + 1' to be 'BOOLEAN', but was 'NUMBER'.",
    );
  });

  it('explains a null result with the warnings', () => {
    const result = evaluateBoolean('=approved', {});
    expect(!result.ok && result.message).toMatch(
      /^Expected result of the expression 'approved' to be 'BOOLEAN', but was 'NULL'\. The evaluation reported the following warnings:\n\[NO_VARIABLE_FOUND\] .*approved/,
    );
  });
});

describe('parseCheck', () => {
  it('accepts valid expressions, including added built-ins', () => {
    expect(parseCheck('=is defined(x) and x > 1')).toEqual({ ok: true, value: true });
    expect(parseCheck('get or else(a, "b")')).toEqual({ ok: true, value: true });
  });

  it('rejects invalid expressions with the position', () => {
    const result = parseCheck('=[1, 2');
    expect(result).toEqual({
      ok: false,
      message: "failed to parse expression '[1, 2': syntax error at position 5: unexpected end of expression",
    });
    const unexpected = parseCheck('if x then 1 else');
    expect(unexpected.ok).toBe(false);
    expect(parseCheck('=').ok).toBe(false);
  });
});
