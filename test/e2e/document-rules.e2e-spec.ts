import { createTestApp, TestApp } from '../support/app.js';
import { APPLICANT_ID, createCase, RESPONDENT_ID } from '../support/cases.js';
import { documentCalls } from '../support/documents.js';
import { pdfPages, pdfText } from '../support/pdf-text.js';
import { login, seedWorld, World } from '../support/world.js';

/** Document rules beside the main story: termination and judicial confirmation, immutability, bad input. */
describe('document rules (e2e)', () => {
  let t: TestApp;
  let world: World;
  const tok: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
  });
  beforeEach(async () => {
    await t.reset();
    world = await seedWorld(t.app);
    for (const u of ['clerka', 'supervisorx', 'mediatorx1']) tok[u] = (await login(t, u)).access;
  });
  afterAll(async () => {
    await t.close();
  });

  const { send, get, issue, pdf, assignedCase } = documentCalls(
    () => t,
    tok,
    () => world,
  );

  it('a refusal closes the case: termination notice by the clerk; an ancillary agreement gets a judicial confirmation application', async () => {
    const refused = await createCase(t, tok.clerka, world.regions.x1);
    await send('clerka', `/cases/${refused.id}/consents`, {
      partyId: refused.parties[1].id,
      decision: 'refused',
      method: 'phone',
      recordedAt: '2026-11-03T10:00:00+08:00',
      version: refused.version,
    }).expect(204);
    const notice = (await issue('clerka', refused.id, { type: 'termination_notice' }).expect(201))
      .body;
    let text = pdfText(await pdf('clerka', notice.id));
    for (const want of [
      '调解终结告知书',
      '不同意调解',
      '提起诉讼',
      '退回',
      '张某某',
      '李某某',
      refused.caseNumber,
    ])
      expect(text).toContain(want);
    await issue('clerka', refused.id, { type: 'referral_letter' }).expect(409);

    const c = await assignedCase();
    let v = c.version;
    await send('mediatorx1', `/cases/${c.id}/accept`, { version: v++ }).expect(204);
    const cas = (await get('mediatorx1', `/cases/${c.id}`).expect(200)).body;
    await send('mediatorx1', `/cases/${c.id}/outcome`, {
      result: 'ancillary_agreed',
      route: 'judicial_confirmation',
      agreement: {
        effectiveAt: new Date(Date.now() + 86_400_000).toISOString(),
        form: 'written',
        children: [
          {
            childId: cas.children[0].id,
            support: { amount: '24000', frequency: 'yearly', method: 'bank_transfer' },
          },
        ],
      },
      version: v++,
    }).expect(204);
    // The application presupposes the supervisor's approval.
    await send('supervisorx', `/cases/${c.id}/review`, { decision: 'approve', version: v }).expect(
      204,
    );
    const application = (
      await issue('mediatorx1', c.id, { type: 'judicial_confirmation_application' }).expect(201)
    ).body;
    text = pdfText(await pdf('mediatorx1', application.id));
    for (const want of [
      '司法确认申请书',
      APPLICANT_ID,
      RESPONDENT_ID,
      '人民币贰万肆仟元整（¥24,000.00）',
      '三十日内',
      '13800000001',
      '胶西镇胶西村12号',
      '请求事项',
    ])
      expect(text).toContain(want);
    expect(await pdfPages(await pdf('mediatorx1', application.id))).toBe(application.pages);
  });

  it('documents that presuppose the decision wait for the approval; a draft agreement says 草稿 on every page', async () => {
    const c = await assignedCase();
    let v = c.version;
    await send('mediatorx1', `/cases/${c.id}/accept`, { version: v++ }).expect(204);
    const cas = (await get('mediatorx1', `/cases/${c.id}`).expect(200)).body;
    await send('mediatorx1', `/cases/${c.id}/outcome`, {
      result: 'ancillary_agreed',
      route: 'judicial_confirmation',
      agreement: {
        effectiveAt: new Date(Date.now() + 86_400_000).toISOString(),
        form: 'written',
        children: [
          {
            childId: cas.children[0].id,
            support: { amount: '24000', frequency: 'yearly', method: 'bank_transfer' },
          },
        ],
      },
      version: v++,
    }).expect(204);
    const count = async (): Promise<number> =>
      Number(
        (await t.ds.query('SELECT count(*)::int AS n FROM documents WHERE case_id = $1', [c.id]))[0]
          .n,
      );
    for (const type of ['judicial_confirmation_application', 'mediation_agreement']) {
      const r = await issue('mediatorx1', c.id, { type }).expect(409);
      expect(r.body.code).toBe('DOCUMENT.OUTCOME_NOT_APPROVED');
    }
    const notDraftable = await issue('mediatorx1', c.id, {
      type: 'judicial_confirmation_application',
      draft: true,
    }).expect(400);
    expect(notDraftable.body.errors).toEqual([expect.objectContaining({ field: 'draft' })]);
    expect(await count()).toBe(0);

    const draft = (
      await issue('mediatorx1', c.id, { type: 'mediation_agreement', draft: true }).expect(201)
    ).body;
    expect(draft).toMatchObject({ draft: true, version: 1 });
    const bytes = await pdf('mediatorx1', draft.id);
    expect(draft.pages).toBeGreaterThan(0);
    for (let page = 1; page <= draft.pages; page++) expect(pdfText(bytes, page)).toContain('草稿');

    await send('supervisorx', `/cases/${c.id}/review`, { decision: 'approve', version: v }).expect(
      204,
    );
    // Approved: a draft no longer, the final agreement (no 草稿) and the application instead.
    await issue('mediatorx1', c.id, { type: 'mediation_agreement', draft: true }).expect(409);
    const final = (await issue('mediatorx1', c.id, { type: 'mediation_agreement' }).expect(201))
      .body;
    expect(final).toMatchObject({ draft: false, version: 2 });
    const finalBytes = await pdf('mediatorx1', final.id);
    for (let page = 1; page <= final.pages; page++)
      expect(pdfText(finalBytes, page)).not.toContain('草稿');
    await issue('mediatorx1', c.id, { type: 'judicial_confirmation_application' }).expect(201);
  });

  it('the database keeps issued documents as they are: only superseded_at may be set, once', async () => {
    const c = await assignedCase();
    const doc = (await issue('clerka', c.id, { type: 'referral_letter' }).expect(201)).body;
    for (const sql of [
      `UPDATE document_contents SET content = '\\x00' WHERE document_id = $1`,
      `DELETE FROM document_contents WHERE document_id = $1`,
      `UPDATE documents SET sha256 = repeat('0', 64) WHERE id = $1`,
      `UPDATE documents SET data = '{}' WHERE id = $1`,
      `DELETE FROM documents WHERE id = $1`,
    ]) {
      await expect(t.ds.query(sql, [doc.id])).rejects.toThrow(/immutable/);
    }
    await t.ds.query('UPDATE documents SET superseded_at = now() WHERE id = $1', [doc.id]);
    await expect(
      t.ds.query('UPDATE documents SET superseded_at = NULL WHERE id = $1', [doc.id]),
    ).rejects.toThrow(/immutable/);
    expect((await get('clerka', `/documents/${doc.id}`).expect(200)).body.sha256).toBe(doc.sha256);
  });

  it('refuses bad input', async () => {
    const c = await assignedCase();
    await issue('clerka', c.id, { type: 'nonsense' }).expect(400);
    await issue('clerka', c.id, { type: 'referral_letter', status: 'closed' }).expect(400);
    await get('clerka', '/documents/not-a-uuid').expect(400);
    await get('clerka', `/documents/${c.id}`).expect(404);
  });
});
