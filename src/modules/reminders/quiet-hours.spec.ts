import {
  parseQuietHours,
  sendTimeOutsideQuietHours,
  shanghaiMorning,
  shanghaiShort,
} from './quiet-hours.js';

const q = parseQuietHours('21:00-08:00');
const sh = (local: string): Date => new Date(`${local}+08:00`);

describe('quiet hours (Asia/Shanghai, whatever TZ the process runs in)', () => {
  it('leaves a time outside quiet hours alone', () => {
    expect(sendTimeOutsideQuietHours(sh('2026-11-24T09:30:00'), null, q)).toEqual(
      sh('2026-11-24T09:30:00'),
    );
    expect(sendTimeOutsideQuietHours(sh('2026-11-24T20:59:00'), null, q)).toEqual(
      sh('2026-11-24T20:59:00'),
    );
    expect(sendTimeOutsideQuietHours(sh('2026-11-24T08:00:00'), null, q)).toEqual(
      sh('2026-11-24T08:00:00'),
    );
  });

  it('moves a time in the evening or at night to 08:00 the next morning', () => {
    expect(sendTimeOutsideQuietHours(sh('2026-11-24T21:00:00'), null, q)).toEqual(
      sh('2026-11-25T08:00:00'),
    );
    expect(sendTimeOutsideQuietHours(sh('2026-11-24T23:30:00'), null, q)).toEqual(
      sh('2026-11-25T08:00:00'),
    );
    expect(sendTimeOutsideQuietHours(sh('2026-11-25T03:00:00'), null, q)).toEqual(
      sh('2026-11-25T08:00:00'),
    );
    expect(
      sendTimeOutsideQuietHours(sh('2026-11-25T07:59:00'), sh('2026-11-26T09:00:00'), q),
    ).toEqual(sh('2026-11-25T08:00:00'));
  });

  it('sends at 20:59 the evening before when 08:00 would be after the event', () => {
    // A 07:30 session: "2 h before" is 05:30, in quiet hours; 08:00 is too late.
    expect(
      sendTimeOutsideQuietHours(sh('2026-11-25T05:30:00'), sh('2026-11-25T07:30:00'), q),
    ).toEqual(sh('2026-11-24T20:59:00'));
    // A 23:00 session: "1 h before" is 22:00; the next 08:00 is after it.
    expect(
      sendTimeOutsideQuietHours(sh('2026-11-24T22:00:00'), sh('2026-11-24T23:00:00'), q),
    ).toEqual(sh('2026-11-24T20:59:00'));
    // Exactly at the event is not after it.
    expect(
      sendTimeOutsideQuietHours(sh('2026-11-25T06:00:00'), sh('2026-11-25T08:00:00'), q),
    ).toEqual(sh('2026-11-25T08:00:00'));
  });

  it('crosses month and year ends', () => {
    expect(sendTimeOutsideQuietHours(sh('2026-12-31T22:00:00'), null, q)).toEqual(
      sh('2027-01-01T08:00:00'),
    );
    expect(
      sendTimeOutsideQuietHours(sh('2027-01-01T06:00:00'), sh('2027-01-01T07:00:00'), q),
    ).toEqual(sh('2026-12-31T20:59:00'));
  });

  it('can be switched off, and takes windows that do not span midnight', () => {
    expect(
      sendTimeOutsideQuietHours(sh('2026-11-24T23:00:00'), null, parseQuietHours('off')),
    ).toEqual(sh('2026-11-24T23:00:00'));
    const lunch = parseQuietHours('12:00-14:00');
    expect(sendTimeOutsideQuietHours(sh('2026-11-24T12:30:00'), null, lunch)).toEqual(
      sh('2026-11-24T14:00:00'),
    );
    expect(
      sendTimeOutsideQuietHours(sh('2026-11-24T12:30:00'), sh('2026-11-24T13:00:00'), lunch),
    ).toEqual(sh('2026-11-24T11:59:00'));
  });

  it('formats and anchors in Shanghai time', () => {
    expect(shanghaiShort(sh('2026-11-25T09:30:00'))).toBe('11月25日9:30');
    expect(shanghaiMorning(sh('2026-12-02T23:59:59'), -7)).toEqual(sh('2026-11-25T09:00:00'));
  });
});
