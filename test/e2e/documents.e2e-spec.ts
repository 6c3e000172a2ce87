import { chineseDate } from '../../src/modules/documents/pdf/chinese-format.js';
import { createTestApp, TestApp } from '../support/app.js';
import { maskIdNumber } from '../../src/common/validation/chinese.js';
import { APPLICANT_ID, RESPONDENT_ID } from '../support/cases.js';
import { documentCalls } from '../support/documents.js';
import { pdfPages, pdfText } from '../support/pdf-text.js';
import { login, seedWorld, World } from '../support/world.js';

// Dates the case's clock allows (the helpers accept the case "now"): sessions ahead within the
// mediation period, an agreement in effect tomorrow, a 笔录 and a visit just held.
const DAY_MS = 86_400_000;
const ahead = (days: number, minutes = 0): string =>
  new Date(
    Math.floor(Date.now() / 60_000) * 60_000 + days * DAY_MS + minutes * 60_000,
  ).toISOString();
const EFFECTIVE_AT = ahead(1);
const justNow = (minutes = 0): string => new Date(Date.now() + minutes * 60_000).toISOString();

/** Printable documents: every type from a case in the right state, versions, scope, the case file. */
describe('documents (e2e)', () => {
  let t: TestApp;
  let world: World;
  const tok: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
  });
  beforeEach(async () => {
    await t.reset();
    world = await seedWorld(t.app);
    for (const u of ['clerka', 'clerkb', 'supervisorx', 'mediatorx1', 'mediatorz1'])
      tok[u] = (await login(t, u)).access;
  });
  afterAll(async () => {
    await t.close();
  });

  const { send, get, issue, pdf, assignedCase } = documentCalls(
    () => t,
    tok,
    () => world,
  );
  const masked = maskIdNumber;

  const record = {
    // Read when sent: held just now, after the acceptance.
    get startedAt(): string {
      return justNow();
    },
    get endedAt(): string {
      return justNow(1);
    },
    attendees: [
      { name: '张某某', role: 'applicant' },
      { name: '李某某', role: 'respondent' },
    ],
    noteTaker: '刘记录',
    matters: '子女抚养、财产分割',
    statements: [
      { side: 'applicant', text: '要求孩子随我生活。' },
      { side: 'respondent', text: '同意，愿每月支付抚养费。' },
    ],
    result: '双方就离婚及子女抚养达成一致',
  };

  it('a divorce case from referral to the case file: every type in its state, masking, versions, case file contents', async () => {
    const c = await assignedCase();
    let v = c.version;
    // 委派调解函: the court issues it once the case is assigned; a mediator does not.
    await issue('mediatorx1', c.id, { type: 'referral_letter' }).expect(403);
    await issue('clerka', c.id, { type: 'mediation_agreement' }).expect(403);
    await issue('mediatorx1', c.id, { type: 'mediation_agreement' }).expect(409);
    const letter1 = (await issue('clerka', c.id, { type: 'referral_letter' }).expect(201)).body;
    expect(letter1).toMatchObject({
      type: 'referral_letter',
      version: 1,
      title: '委派调解函',
      supersededAt: null,
    });
    const letter1Bytes = await pdf('clerka', letter1.id);
    expect(letter1Bytes.subarray(0, 5).toString()).toBe('%PDF-');
    let text = pdfText(letter1Bytes);
    for (const want of [
      '委派调解函',
      '胶州市人民法院',
      c.caseNumber,
      '张某某',
      '李某某',
      '离婚纠纷',
      '胶西镇婚姻家庭纠纷人民调解委员会',
      '回执',
    ])
      expect(text).toContain(want);
    expect(text).not.toContain(APPLICANT_ID);
    expect(text).toContain(masked(APPLICANT_ID));
    expect(JSON.stringify(letter1.data)).not.toContain(APPLICANT_ID);

    // Acceptance sets the deadline, which the letter prints: version 2, another hash, v1 unchanged.
    await send('mediatorx1', `/cases/${c.id}/accept`, { version: v++ }).expect(204);
    const letter2 = (await issue('clerka', c.id, { type: 'referral_letter' }).expect(201)).body;
    expect(letter2.version).toBe(2);
    expect(letter2.sha256).not.toBe(letter1.sha256);
    expect(pdfText(await pdf('clerka', letter2.id))).toContain('届满');
    const again = await pdf('clerka', letter1.id);
    expect(again.equals(letter1Bytes)).toBe(true);
    expect(
      (await get('clerka', `/documents/${letter1.id}`).expect(200)).body.supersededAt,
    ).not.toBeNull();

    // 告知书 per party.
    await issue('mediatorx1', c.id, { type: 'rights_notice' }).expect(400);
    await issue('mediatorx1', c.id, { type: 'rights_notice', partyId: world.users.admin }).expect(
      404,
    );
    const notice = (
      await issue('mediatorx1', c.id, { type: 'rights_notice', partyId: c.parties[1].id }).expect(
        201,
      )
    ).body;
    text = pdfText(await pdf('mediatorx1', notice.id));
    for (const want of ['诉前调解告知书', '李某某', '自愿', '回避', '保密', '三十日', '签名'])
      expect(text).toContain(want);

    // 调解笔录: only for a recorded session; a clerk never reads it.
    const session = (
      await send('mediatorx1', `/cases/${c.id}/sessions`, {
        scheduledAt: ahead(2),
        location: '百合调解室',
        mode: 'in_person',
        format: 'joint',
        version: v++,
      }).expect(201)
    ).body;
    await issue('mediatorx1', c.id, { type: 'session_record', sessionId: session.id }).expect(409);
    await send('mediatorx1', `/sessions/${session.id}/record`, { ...record, version: v++ }).expect(
      200,
    );
    await issue('clerka', c.id, { type: 'session_record', sessionId: session.id }).expect(403);
    const minutes = (
      await issue('mediatorx1', c.id, { type: 'session_record', sessionId: session.id }).expect(201)
    ).body;
    text = pdfText(await pdf('mediatorx1', minutes.id));
    for (const want of [
      '调解笔录',
      '百合调解室',
      '刘记录',
      '要求孩子随我生活',
      '达成一致',
      '张某某',
      c.caseNumber,
    ])
      expect(text).toContain(want);
    expect(text).not.toContain(RESPONDENT_ID);
    await get('clerka', `/documents/${minutes.id}`).expect(404);
    await get('clerka', `/documents/${minutes.id}/pdf`).expect(404);
    expect(
      (await get('clerka', `/cases/${c.id}/documents`).expect(200)).body.map(
        (d: { type: string }) => d.type,
      ),
    ).not.toContain('session_record');

    // 延长调解期限同意书: only once there is an extension.
    await issue('mediatorx1', c.id, { type: 'extension_consent' }).expect(409);
    await send('mediatorx1', `/cases/${c.id}/extensions`, {
      days: 10,
      reason: '财产分割需评估',
      applicantConsentAt: justNow(),
      applicantConsentMethod: 'signed_form',
      respondentConsentAt: justNow(),
      respondentConsentMethod: 'phone',
      version: v++,
    }).expect(204);
    const extension = (await issue('mediatorx1', c.id, { type: 'extension_consent' }).expect(201))
      .body;
    text = pdfText(await pdf('mediatorx1', extension.id));
    for (const want of ['延长调解期限同意书', '财产分割需评估', '延长10日', '申请人', '被申请人'])
      expect(text).toContain(want);

    // 调解协议书 for the settled outcome: full ID numbers, amounts in capitals and figures.
    const cas = (await get('mediatorx1', `/cases/${c.id}`).expect(200)).body;
    await send('mediatorx1', `/cases/${c.id}/outcome`, {
      result: 'divorce_agreed',
      route: 'court_mediation_document',
      agreement: {
        effectiveAt: EFFECTIVE_AT,
        form: 'written',
        children: [
          {
            childId: cas.children[0].id,
            custody: 'applicant',
            heard: true,
            support: {
              amount: '1500.00',
              frequency: 'monthly',
              method: 'bank_transfer',
              until: '2034-05-01',
            },
            visitation: '每月第一、三个周末',
          },
        ],
        property: [{ item: '胶西村宅基地房屋', to: 'applicant', value: '300000.00' }],
        performance: '2026年12月31日前办理房屋过户',
      },
      version: v++,
    }).expect(204);
    await issue('mediatorx1', c.id, { type: 'termination_notice' }).expect(409);
    await issue('mediatorx1', c.id, { type: 'judicial_confirmation_application' }).expect(409);
    // The agreement as final waits for the supervisor's approval.
    const early = await issue('mediatorx1', c.id, { type: 'mediation_agreement' }).expect(409);
    expect(early.body.code).toBe('DOCUMENT.OUTCOME_NOT_APPROVED');
    await send('supervisorx', `/cases/${c.id}/review`, {
      decision: 'approve',
      version: v++,
    }).expect(204);
    const agreement = (await issue('mediatorx1', c.id, { type: 'mediation_agreement' }).expect(201))
      .body;
    const agreementBytes = await pdf('clerka', agreement.id);
    text = pdfText(agreementBytes);
    for (const want of [
      '调解协议书',
      APPLICANT_ID,
      RESPONDENT_ID,
      '人民币壹仟伍佰元整（¥1,500.00）',
      '人民币叁拾万元整（¥300,000.00）',
      '李小某',
      '自愿离婚',
      '按手印',
      '盖章',
      chineseDate(EFFECTIVE_AT),
      '一式四份',
    ])
      expect(text).toContain(want);
    expect(JSON.stringify(agreement.data)).not.toContain(APPLICANT_ID);

    // 回访记录 once a visit is recorded.
    const visitedAt = justNow();
    const closed = (await get('mediatorx1', `/cases/${c.id}`).expect(200)).body;
    await issue('mediatorx1', c.id, {
      type: 'follow_up_record',
      followUpId: closed.followUps[0].id,
    }).expect(409);
    await send('mediatorx1', `/cases/${c.id}/follow-ups`, {
      followUpId: closed.followUps[0].id,
      visitedAt,
      partyId: c.parties[0].id,
      performance: 'performed',
      satisfaction: 5,
      measures: '提醒按时支付抚养费',
      version: v,
    }).expect(204);
    const visit = (
      await issue('mediatorx1', c.id, {
        type: 'follow_up_record',
        followUpId: closed.followUps[0].id,
      }).expect(201)
    ).body;
    text = pdfText(await pdf('mediatorx1', visit.id));
    for (const want of [
      '回访记录',
      '已履行',
      '提醒按时支付抚养费',
      chineseDate(visitedAt),
      '张某某',
    ])
      expect(text).toContain(want);
    expect(text).not.toContain(APPLICANT_ID);

    // 卷宗: cover, contents whose page numbers match, then every current document.
    await issue('clerka', c.id, { type: 'case_file' }).expect(403);
    const file = (await issue('supervisorx', c.id, { type: 'case_file' }).expect(201)).body;
    const fileBytes = await pdf('mediatorx1', file.id);
    expect(pdfPages(fileBytes)).toBe(file.pages);
    expect(pdfText(fileBytes, 1)).toContain('人民调解卷宗');
    expect(pdfText(fileBytes, 1)).toContain(c.caseNumber);
    expect(pdfText(fileBytes, 1)).toContain('保管期限');
    const contents = pdfText(fileBytes, 2);
    const bound = file.data.contents as { title: string; pages: number }[];
    expect(bound.map((b) => b.title)).toEqual([
      '委派调解函',
      '诉前调解告知书',
      '调解笔录',
      '延长调解期限同意书',
      '调解协议书',
      '回访记录',
    ]);
    let page = 3;
    for (const entry of bound) {
      const pages = entry.pages > 1 ? `${page}-${page + entry.pages - 1}` : `${page}`;
      expect(contents).toContain(`${entry.title}`);
      expect(contents).toContain(pages);
      expect(pdfText(fileBytes, page)).toContain(entry.title.slice(0, 4));
      expect(pdfText(fileBytes, page)).toContain(`—${page}—`);
      page += entry.pages;
    }
    expect(page - 1).toBe(file.pages);
    // Masked in the case file except where the agreement itself carries the full number.
    expect(pdfText(fileBytes, 3)).not.toContain(APPLICANT_ID);
    await get('clerka', `/documents/${file.id}/pdf`).expect(404);
    const detail = (await get('clerka', `/cases/${c.id}`).expect(200)).body;
    expect(
      detail.documents.map((d: { type: string; version: number }) => `${d.type}:${d.version}`),
    ).toEqual([
      'referral_letter:1',
      'referral_letter:2',
      'rights_notice:1',
      'extension_consent:1',
      'mediation_agreement:1',
      'follow_up_record:1',
    ]);

    // The download is audited; the headers are a PDF's.
    const res = await get('mediatorx1', `/documents/${agreement.id}/pdf`).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('调解协议书')}`,
    );
    const audits: { action: string }[] = await t.ds.query(
      `SELECT action FROM audit_events WHERE entity_id = $1 ORDER BY occurred_at`,
      [agreement.id],
    );
    expect(audits.map((a) => a.action)).toEqual([
      'document.issued',
      'document.downloaded',
      'document.downloaded',
    ]);

    // Out of scope: nothing exists.
    await issue('clerkb', c.id, { type: 'referral_letter' }).expect(404);
    await issue('mediatorz1', c.id, { type: 'case_file' }).expect(404);
    await get('clerkb', `/cases/${c.id}/documents`).expect(404);
    await get('mediatorz1', `/documents/${agreement.id}`).expect(404);
    await get('clerkb', `/documents/${agreement.id}/pdf`).expect(404);
  });
});
