import { registryCertificateViolations, trackingView } from './tracking-deadlines.js';
import type { CaseTracking } from './case-tracking.entity.js';

const at = (iso: string): Date => new Date(iso);
const APPLIED = at('2026-12-03T09:00:00+08:00');

describe('registry divorce: the certificate against the application (Civil Code art. 1077)', () => {
  it.each([
    ['the day of the application', '2026-12-03T10:00:00+08:00'],
    ['the 29th day after it', '2027-01-01T00:00:00+08:00'],
  ])('refuses a certificate within the cooling-off (%s), naming its end', (_, certificate) => {
    expect(registryCertificateViolations(APPLIED, at(certificate))).toEqual([
      {
        field: 'certificateAt',
        code: 'REGISTRY.IN_COOLING_OFF',
        params: { until: '2027-01-02T01:00:00.000Z' },
      },
    ]);
  });

  it.each([
    ['the day the cooling-off ends (recorded at its start, Shanghai)', '2027-01-02T00:00:00+08:00'],
    ['the last day of the period', '2027-02-01T23:59:00+08:00'],
  ])('takes a certificate on %s', (_, certificate) => {
    expect(registryCertificateViolations(APPLIED, at(certificate))).toEqual([]);
  });

  it('refuses a certificate after the period, when the application counts as withdrawn', () => {
    expect(registryCertificateViolations(APPLIED, at('2027-02-02T00:00:00+08:00'))).toEqual([
      {
        field: 'certificateAt',
        code: 'REGISTRY.AFTER_DUE',
        params: { due: '2027-02-01T01:00:00.000Z' },
      },
    ]);
  });

  it('shows the same two dates on the case as the rule uses', () => {
    const view = trackingView(
      { registryAppliedAt: APPLIED, registryCertificateAt: null } as unknown as CaseTracking,
      at('2026-12-04T00:00:00+08:00'),
    );
    expect([view.registryCoolingOffEndsAt, view.registryCertificateDueAt]).toEqual([
      '2027-01-02T01:00:00.000Z',
      '2027-02-01T01:00:00.000Z',
    ]);
  });
});
