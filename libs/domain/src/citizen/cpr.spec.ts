import { isValidCpr, maskCpr, parseCpr } from './cpr';

describe('CPR numbers', () => {
  it.each([
    ['010190-1234', '1990-01-01'], // 7th digit 1: 1900s
    ['0101901234', '1990-01-01'], // without hyphen
    ['290200-4123', '2000-02-29'], // 7th digit 4, year 00: 2000s, a leap day
    ['010158-5000', '1858-01-01'], // 7th digit 5, year 58: 1800s
    ['010157-5000', '2057-01-01'], // 7th digit 5, year 57: 2000s
    ['010137-9000', '1937-01-01'], // 7th digit 9, year 37: 1900s
    ['010165-0001', '1965-01-01'], // no modulus-11 check: valid since 1 October 2007
  ])('accepts %s (born %s)', (cpr, birthDate) => {
    expect(parseCpr(cpr)?.birthDate).toBe(birthDate);
  });

  it.each(['320190-1234', '011390-1234', '290201-1234', '290200-0123', '01019-1234', '010190_1234', 'abcdefghij', ''])(
    'refuses %s',
    (cpr) => {
      expect(isValidCpr(cpr)).toBe(false);
    },
  );

  it('masks all but the birth date', () => {
    expect(maskCpr('0101901234')).toBe('010190-****');
  });
});
