import { checkDuration, DurationRule, ExtensionRule } from './practicum-duration';

const durations: DurationRule[] = [
  { ruleId: 'VP-DUR-1', citation: 'LAB §61 stk. 1 nr. 1', maxWeeks: 4, targetGroups: [1, 2, 4] },
  { ruleId: 'VP-DUR-3', citation: 'LAB §61 stk. 1 nr. 2', maxWeeks: 13, targetGroups: [3, 5, 6, 7, 8, 9, 10, 11] },
];
const extension: ExtensionRule = {
  ruleId: 'VP-EXT-1',
  citation: 'LAB §61 stk. 2',
  extendedMaxWeeks: 26,
  targetGroups: [3, 5, 6, 7, 8, 9, 10, 11],
};

describe('practicum length (VP-DUR-1/3, VP-EXT-1)', () => {
  it('allows exactly 4 weeks for target group 1 and refuses a day more', () => {
    expect(checkDuration(1, '2026-03-02', '2026-03-29', null, durations, extension).ok).toBe(true);
    const verdict = checkDuration(1, '2026-03-02', '2026-03-30', null, durations, extension);
    expect(verdict).toMatchObject({ ok: false, ruleId: 'VP-DUR-1' });
  });

  it('refuses 20 weeks for target group 3 naming the rule, and allows it with an extension reason', () => {
    const refused = checkDuration(3, '2026-03-02', '2026-07-19', null, durations, extension);
    expect(refused).toMatchObject({ ok: false, ruleId: 'VP-DUR-3' });
    expect(!refused.ok && refused.message).toContain('may last at most 13 weeks');
    expect(!refused.ok && refused.message).toContain('requested 20 weeks');
    expect(checkDuration(3, '2026-03-02', '2026-07-19', 'konkret vurdering', durations, extension).ok).toBe(true);
    expect(checkDuration(3, '2026-03-02', '2026-10-01', 'konkret vurdering', durations, extension)).toMatchObject({
      ok: false,
      ruleId: 'VP-EXT-1',
    });
  });

  it('gives no extension to the 4-week groups', () => {
    expect(checkDuration(2, '2026-03-02', '2026-04-30', 'reason', durations, extension)).toMatchObject({
      ok: false,
      ruleId: 'VP-DUR-1',
    });
  });
});
