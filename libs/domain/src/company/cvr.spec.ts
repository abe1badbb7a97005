import { cvrCheckDigit, isValidCvr } from './cvr';

describe('CVR numbers (modulus 11, weights 2,7,6,5,4,3,2,1)', () => {
  it.each(['24256790', '22756214', '13748136'])('accepts %s', (cvr) => {
    expect(isValidCvr(cvr)).toBe(true);
  });

  it.each(['24256791', '12345678', '02425679', '2425679', '242567900', 'abcdefgh'])('refuses %s', (cvr) => {
    expect(isValidCvr(cvr)).toBe(false);
  });

  it('computes the check digit as Erhvervsstyrelsen’s example (1374813 → 6)', () => {
    expect(cvrCheckDigit('1374813')).toBe(6);
  });
});
