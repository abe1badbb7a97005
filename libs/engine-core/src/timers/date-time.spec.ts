import { parseIsoDateTime } from './date-time';

const at = (iso: string) => Date.parse(iso);

describe('parseIsoDateTime', () => {
  it.each([
    ['2026-12-01T09:00:00Z', at('2026-12-01T09:00:00Z'), undefined],
    ['2026-12-01T09:00:00+01:00', at('2026-12-01T08:00:00Z'), '+01:00'],
    ['2026-12-01T09:00:00-05:30', at('2026-12-01T14:30:00Z'), '-05:30'],
    ['2026-12-01T09:00:00+01:00[Europe/Copenhagen]', at('2026-12-01T08:00:00Z'), 'Europe/Copenhagen'],
    // zone id only: winter offset +01:00, summer +02:00
    ['2026-12-01T09:00:00[Europe/Copenhagen]', at('2026-12-01T08:00:00Z'), 'Europe/Copenhagen'],
    ['2026-07-01T09:00:00[Europe/Copenhagen]', at('2026-07-01T07:00:00Z'), 'Europe/Copenhagen'],
    ['2026-12-01T09:00:00Z[UTC]', at('2026-12-01T09:00:00Z'), undefined],
    // no zone: UTC, the zone Zeebe brokers run in
    ['2026-12-01T09:00:00', at('2026-12-01T09:00:00Z'), undefined],
    ['2026-12-01T09:00', at('2026-12-01T09:00:00Z'), undefined],
    ['2026-12-01T09:00:00.250Z', at('2026-12-01T09:00:00.250Z'), undefined],
  ])('reads %s', (text, epochMs, zone) => {
    expect(parseIsoDateTime(text)).toEqual({ ok: true, value: zone ? { epochMs, zone } : { epochMs } });
  });

  it.each([
    ['2026-12-01', 'a time is required'],
    ['tomorrow', 'expected e.g.'],
    ['2026-02-30T09:00:00Z', 'out of range'],
    ['2026-12-01T24:00:00Z', 'out of range'],
    ['2026-12-01T09:00:00+0100', 'expected e.g.'],
    ['2026-12-01T09:00:00+01:00[Mars/Olympus]', "unknown time zone 'Mars/Olympus'"],
  ])('refuses %s', (text, why) => {
    const result = parseIsoDateTime(text);
    expect(result).toEqual({
      ok: false,
      message: expect.stringContaining(`'${text}' is not a valid ISO 8601 date-time`),
    });
    expect(result.ok ? '' : result.message).toContain(why);
  });
});
