import { evaluate } from './index';

const value = (expression: string, variables: Record<string, unknown> = {}) => {
  const result = evaluate(expression, variables);
  if (!result.ok) throw new Error(`unexpected failure: ${result.message}`);
  return result.value;
};

describe('cycle()', () => {
  it('repeats without end with the interval alone or null repetitions', () => {
    expect(value('cycle(duration("PT1H"))')).toBe('R/PT1H');
    expect(value('cycle(null, duration("PT1H"))')).toBe('R/PT1H');
    expect(value('cycle(interval: duration("PT15M"))')).toBe('R/PT15M');
  });

  it('repeats a given number of times', () => {
    expect(value('cycle(3, duration("PT1H"))')).toBe('R3/PT1H');
    expect(value('cycle(0, duration("PT30S"))')).toBe('R0/PT30S');
    expect(value('cycle(repetitions: 2, interval: duration("PT1M"))')).toBe('R2/PT1M');
  });

  it('writes the interval as Zeebe writes durations', () => {
    expect(value('cycle(2, duration("P1DT2H"))')).toBe('R2/PT26H');
    expect(value('cycle(2, duration("P1Y2M"))')).toBe('R2/P1Y2M');
    expect(value('cycle(1, @"PT90M")')).toBe('R1/PT1H30M');
  });

  it('is usable where a timer cycle is expected', () => {
    expect(value('cycle(times, duration(every))', { times: 4, every: 'PT5M' })).toBe('R4/PT5M');
  });

  it('is null for arguments that are not a duration or a whole number', () => {
    expect(value('cycle("PT1H")')).toBeNull();
    expect(value('cycle(3, "PT1H")')).toBeNull();
    expect(value('cycle(1.5, duration("PT1H"))')).toBeNull();
    expect(value('cycle(-1, duration("PT1H"))')).toBeNull();
    expect(value('cycle("3", duration("PT1H"))')).toBeNull();
    expect(value('cycle(3, null)')).toBeNull();
  });
});
