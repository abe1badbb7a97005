import { add, divide, multiply, power, round, subtract, toDec } from './decimal';

describe('decimal', () => {
  it('reads the shortest decimal form of a double, including exponents', () => {
    expect(toDec(0.1)).toEqual({ coef: BigInt(1), scale: 1 });
    expect(toDec(1e-7)).toEqual({ coef: BigInt(1), scale: 7 });
    expect(toDec(1.5e21)).toEqual({ coef: BigInt('1500000000000000000000'), scale: 0 });
    expect(toDec(-2.25)).toEqual({ coef: BigInt(-225), scale: 2 });
  });

  it('computes exactly and rounds once', () => {
    expect(add(0.1, 0.2)).toBe(0.3);
    expect(subtract(0.3, 0.1)).toBe(0.2);
    expect(multiply(1.1, 1.1)).toBe(1.21);
    expect(divide(1, 3)).toBe(1 / 3);
    expect(divide(0.3, 0.1)).toBe(3);
    expect(divide(1, 0)).toBeNull();
    expect(power(1.1, 2)).toBe(1.21);
    expect(power(2, -2)).toBe(0.25);
    expect(power(4, 0.5)).toBe(2);
    expect(multiply(1e300, 1e300)).toBeNull();
  });

  it('rounds with BigDecimal modes', () => {
    expect(round(1.005, 2, 'half-up')).toBe(1.01);
    expect(round(2.675, 2, 'half-even')).toBe(2.68);
    expect(round(2.665, 2, 'half-even')).toBe(2.66);
    expect(round(-1.5, 0, 'floor')).toBe(-2);
    expect(round(-1.5, 0, 'ceiling')).toBe(-1);
    expect(round(1.2, 5, 'up')).toBe(1.2);
  });
});
