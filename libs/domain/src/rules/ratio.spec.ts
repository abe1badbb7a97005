import { checkRatio, maxSupportedFte, RatioParams } from './ratio';

const RK1: RatioParams = {
  perOrdinaryUpToThreshold: 5,
  threshold: 50,
  perOrdinaryBeyond: 10,
  minimum: 1,
  fullTimeWeeklyHours: 37,
};

describe('RK-1 ratio rule (BEK 2636/2021 §65 stk. 1)', () => {
  // Worked example, glossary-and-rules.md §3.2
  it.each([
    [0, 1],
    [7, 1],
    [9, 1],
    [10, 2],
    [49, 9],
    [50, 10],
    [59, 10],
    [60, 11],
    [120, 17],
  ])('%d ordinary FTE allow %d supported FTE', (ordinary, max) => {
    expect(maxSupportedFte(ordinary, RK1)).toBe(max);
  });

  it('counts supported persons as FTE by weekly hours and refuses what exceeds the maximum', () => {
    expect(checkRatio(7, 0.5, 0.5, RK1).allowed).toBe(true);
    expect(checkRatio(7, 1, 20 / 37, RK1)).toMatchObject({ allowed: false, maxSupported: 1 });
  });
});
