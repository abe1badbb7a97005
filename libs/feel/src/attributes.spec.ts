import {
  evaluate,
  evaluateAttribute,
  evaluateList,
  evaluateNumber,
  evaluateString,
  evaluateStringList,
  toJsonValue,
} from './index';

describe('attributes', () => {
  it('returns static values as strings and evaluates =expressions', () => {
    expect(evaluateAttribute('payment-service', {})).toEqual({ ok: true, value: 'payment-service' });
    expect(evaluateAttribute('="svc-" + region', { region: 'eu' })).toEqual({ ok: true, value: 'svc-eu' });
    expect(evaluateString('static', {})).toEqual({ ok: true, value: 'static' });
    expect(evaluateString('=x', { x: 'dynamic' })).toEqual({ ok: true, value: 'dynamic' });
    expect(evaluateString('=x', { x: 5 })).toEqual({
      ok: false,
      message: "Expected result of the expression 'x' to be 'STRING', but was 'NUMBER'.",
    });
  });

  it('evaluates numbers from static text or expressions', () => {
    expect(evaluateNumber('3', {})).toEqual({ ok: true, value: 3 });
    expect(evaluateNumber('=retries + 1', { retries: 2 })).toEqual({ ok: true, value: 3 });
    expect(evaluateNumber('three', {}).ok).toBe(false);
    expect(evaluateNumber('', {}).ok).toBe(false);
    expect(evaluateNumber('="3"', {})).toEqual({
      ok: false,
      message: "Expected result of the expression '\"3\"' to be 'NUMBER', but was 'STRING'.",
    });
  });

  it('evaluates lists', () => {
    expect(evaluateList('=items', { items: [1, 2] })).toEqual({ ok: true, value: [1, 2] });
    expect(evaluateList('=items', { items: 'x' })).toEqual({
      ok: false,
      message: "Expected result of the expression 'items' to be 'ARRAY', but was 'STRING'.",
    });
    expect(evaluateList('a,b', {}).ok).toBe(false);
  });

  it('evaluates string lists from a static comma list or an expression', () => {
    expect(evaluateStringList('sales, finance ,legal', {})).toEqual({ ok: true, value: ['sales', 'finance', 'legal'] });
    expect(evaluateStringList('', {})).toEqual({ ok: true, value: [] });
    expect(evaluateStringList('=["a", "b"]', {})).toEqual({ ok: true, value: ['a', 'b'] });
    expect(evaluateStringList('=groups', { groups: ['x'] })).toEqual({ ok: true, value: ['x'] });
    expect(evaluateStringList('=group', { group: 'x' })).toEqual({ ok: true, value: ['x'] });
    expect(evaluateStringList('=[1, "b"]', {}).ok).toBe(false);
    expect(evaluateStringList('=5', {}).ok).toBe(false);
  });
});

describe('toJsonValue', () => {
  const feel = (expression: string) => {
    const result = evaluate(expression, {});
    if (!result.ok) throw new Error(result.message);
    return result.value;
  };

  it('passes JSON values through and turns contexts into plain objects', () => {
    expect(toJsonValue(feel('{a: [1, "x", true, null], b: {c: 0.5}}'))).toEqual({
      ok: true,
      value: { a: [1, 'x', true, null], b: { c: 0.5 } },
    });
  });

  it('converts dates and times to ISO strings', () => {
    expect(toJsonValue(feel('date("2024-03-01")'))).toEqual({ ok: true, value: '2024-03-01' });
    expect(toJsonValue(feel('date and time("2024-03-01T10:15:00")'))).toEqual({
      ok: true,
      value: '2024-03-01T10:15:00',
    });
    expect(toJsonValue(feel('date and time("2024-03-01T10:15:00Z")'))).toEqual({
      ok: true,
      value: '2024-03-01T10:15:00Z',
    });
    expect(toJsonValue(feel('date and time("2024-03-01T10:15:00@Europe/Copenhagen")'))).toEqual({
      ok: true,
      value: '2024-03-01T10:15:00+01:00[Europe/Copenhagen]',
    });
    expect(toJsonValue(feel('time("08:30:00+02:00")'))).toEqual({ ok: true, value: '08:30:00+02:00' });
    expect(toJsonValue(feel('{due: date("2024-01-01") + duration("P1M")}'))).toEqual({
      ok: true,
      value: { due: '2024-02-01' },
    });
  });

  it('converts durations like java.time Duration and Period', () => {
    expect(toJsonValue(feel('duration("P1DT2H30M")'))).toEqual({ ok: true, value: 'PT26H30M' });
    expect(toJsonValue(feel('duration("PT1.5S")'))).toEqual({ ok: true, value: 'PT1.5S' });
    expect(toJsonValue(feel('duration("-PT5M")'))).toEqual({ ok: true, value: 'PT-5M' });
    expect(toJsonValue(feel('duration("P0D")'))).toEqual({ ok: true, value: 'PT0S' });
    expect(toJsonValue(feel('duration("P1Y14M")'))).toEqual({ ok: true, value: 'P2Y2M' });
    expect(toJsonValue(feel('years and months duration(date("2020-01-01"), date("2021-03-01"))'))).toEqual({
      ok: true,
      value: 'P1Y2M',
    });
  });

  it('rejects values without a JSON form', () => {
    const fn = toJsonValue(feel('{f: function(a) a + 1}'));
    expect(fn.ok).toBe(false);
    expect(!fn.ok && fn.message).toContain('value.f is a function');
    expect(toJsonValue(feel('[1..3]')).ok).toBe(false);
    expect(toJsonValue(Number.NaN).ok).toBe(false);
  });
});
