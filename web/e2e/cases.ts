import { idNumber } from './ids';
import { apiAs, findRegion, ok, USERS, type Api } from './world';

/**
 * A divorce referral made through the API as the clerk (370281105201 胶西村), for tests that
 * start further along than the referral form. `until` says how far it goes.
 */
export async function makeCase(
  clerk: Api,
  names: [string, string],
  until: 'received' | 'refused' | 'referred',
): Promise<{ id: string; caseNumber: string }> {
  const regionId = await findRegion(clerk, '370281105201');
  const kase = await ok(
    'POST /cases',
    clerk.POST('/api/v1/cases', {
      params: { header: { 'Idempotency-Key': crypto.randomUUID() } },
      body: {
        mediationKind: 'pre_filing',
        disputeType: 'divorce',
        source: 'court_referral',
        summary: '双方感情不和，长期分居。',
        claims: '请求离婚。',
        receivedAt: new Date().toISOString(),
        regionId,
        parties: [
          {
            role: 'applicant',
            name: names[0],
            gender: 'female',
            idNumber: idNumber('37028119850203042'),
          },
          {
            role: 'respondent',
            name: names[1],
            gender: 'male',
            idNumber: idNumber('37028119830910051'),
          },
        ],
      },
    }),
  );
  const at = new Date().toISOString();
  // Every write names the case version it was based on.
  const version = async () =>
    (await ok('GET case', clerk.GET('/api/v1/cases/{id}', { params: { path: { id: kase.id } } })))
      .version;
  for (const party of kase.parties) {
    if (until === 'received') break;
    const decision = until === 'refused' ? 'refused' : 'consented';
    await ok(
      'consent',
      clerk.POST('/api/v1/cases/{id}/consents', {
        params: { path: { id: kase.id } },
        body: {
          partyId: party.id,
          decision,
          method: 'phone',
          recordedAt: at,
          version: await version(),
        },
      }),
    );
    if (until === 'refused') break;
    await ok(
      'screening',
      clerk.POST('/api/v1/cases/{id}/screenings', {
        params: { path: { id: kase.id } },
        body: {
          partyId: party.id,
          version: await version(),
          recommendation: 'joint',
          answers: {
            physicalViolence: false,
            threats: false,
            coerciveControl: false,
            fearOfOtherParty: false,
            childrenAtRisk: false,
            protectionOrderInForce: false,
          },
        },
      }),
    );
  }
  if (until === 'referred')
    await ok(
      'refer',
      clerk.POST('/api/v1/cases/{id}/refer', {
        params: { path: { id: kase.id } },
        body: { version: await version() },
      }),
    );
  return { id: kase.id, caseNumber: kase.caseNumber };
}

/**
 * A referred case taken on to closure through the API: assigned to mediator1, accepted, an
 * agreement submitted and approved. An ancillary agreement (no divorce) closes on 申请司法确认;
 * a divorce agreement on the registry's 协议离婚.
 */
export async function closeWithAgreement(
  id: string,
  route: 'judicial_confirmation' | 'registry_divorce',
): Promise<void> {
  const supervisor = await apiAs(USERS.supervisor.username);
  const mediator = await apiAs(USERS.mediator.username);
  const version = async (api: Api) =>
    (await ok('GET case', api.GET('/api/v1/cases/{id}', { params: { path: { id } } }))).version;
  const roster = await ok('roster', supervisor.GET('/api/v1/mediators', {}));
  const mediatorId = roster.items.find((m) => m.displayName === USERS.mediator.displayName)!.id;
  // Room on her roster for whatever other files assigned her.
  await ok(
    'room',
    supervisor.PATCH('/api/v1/mediators/{id}', {
      params: { path: { id: mediatorId } },
      body: { maxActiveCases: 50 },
    }),
  );
  await ok(
    'assign',
    supervisor.POST('/api/v1/cases/{id}/assignment', {
      params: { path: { id } },
      body: { mediatorId, version: await version(supervisor) },
    }),
  );
  await ok(
    'accept',
    mediator.POST('/api/v1/cases/{id}/accept', {
      params: { path: { id } },
      body: { version: await version(mediator) },
    }),
  );
  await ok(
    'outcome',
    mediator.POST('/api/v1/cases/{id}/outcome', {
      params: { path: { id } },
      body: {
        result: route === 'judicial_confirmation' ? 'ancillary_agreed' : 'divorce_agreed',
        route,
        agreement: {
          effectiveAt: new Date().toISOString(),
          form: 'written',
          property: [{ item: '胶西村宅基地房屋', to: 'applicant', value: '300000.00' }],
          performance: '签订协议后三十日内办理房屋过户',
        },
        version: await version(mediator),
      },
    }),
  );
  await ok(
    'approve',
    supervisor.POST('/api/v1/cases/{id}/review', {
      params: { path: { id } },
      body: { decision: 'approve', version: await version(supervisor) },
    }),
  );
}
