import type { Response } from 'supertest';
import { createTestApp, TestApp } from '../support/app.js';
import { APPLICANT_ID, caseBody, createCase, CreatedCase } from '../support/cases.js';
import { bearer, login, seedWorld, World } from '../support/world.js';

// The common mistakes, as the people who make them read them: Chinese by default, English when
// Accept-Language asks for it; the code and the field path are the same in both.

interface Expected {
  status: number;
  code: string;
  title: string;
  detail: string | RegExp;
  /** A field's code and message, when the problem names fields. */
  field?: { field: string; code: string; message: string | RegExp };
}

describe('messages in the reader’s language (e2e)', () => {
  let t: TestApp;
  let world: World;
  let clerk: string;
  let c: CreatedCase;

  beforeAll(async () => {
    t = await createTestApp();
    await t.reset();
    world = await seedWorld(t.app);
    clerk = (await login(t, 'clerka')).access;
    c = await createCase(t, clerk, world.regions.x1);
    // A refusal closes the case: it is the "wrong status" below, and version 2 is current.
    await t
      .http()
      .post(`/api/v1/cases/${c.id}/consents`)
      .set(bearer(clerk))
      .send({
        partyId: c.parties[1].id,
        decision: 'refused',
        method: 'phone',
        recordedAt: '2026-11-03T10:00:00+08:00',
        version: 1,
      })
      .expect(204);
  });
  afterAll(async () => {
    await t.close();
  });

  const withApplicant = (over: Record<string, unknown>) => {
    const [applicant, respondent] = caseBody('x').parties as Record<string, unknown>[];
    return caseBody(world.regions.x1, { parties: [{ ...applicant, ...over }, respondent] });
  };

  type Send = (lang?: string) => Promise<Response>;
  const as = (lang: string | undefined, req: ReturnType<ReturnType<TestApp['http']>['get']>) =>
    lang ? req.set('Accept-Language', lang) : req;

  const mistakes: Record<string, { send: Send; zh: Expected; en: Expected }> = {
    'wrong password': {
      send: (lang) =>
        as(lang, t.http().post('/api/v1/auth/login')).send({
          username: 'clerka',
          password: 'wrong-wrong-wrong',
        }),
      zh: {
        status: 401,
        code: 'AUTH.INVALID_CREDENTIALS',
        title: '登录失败',
        detail: '用户名或密码错误',
      },
      en: {
        status: 401,
        code: 'AUTH.INVALID_CREDENTIALS',
        title: 'Unauthorized',
        detail: 'Invalid username or password',
      },
    },
    'missing field': {
      send: (lang) => as(lang, t.http().post('/api/v1/auth/login')).send({ username: 'clerka' }),
      zh: {
        status: 400,
        code: 'VALIDATION.FAILED',
        title: '提交的内容有误',
        detail: /^提交的内容有 \d+ 处不符合要求$/,
        field: { field: 'password', code: 'VALIDATION.IS_STRING', message: '必填，应为文本' },
      },
      en: {
        status: 400,
        code: 'VALIDATION.FAILED',
        title: 'Invalid request',
        detail: /^The request is invalid \(\d+ problems\)$/,
        field: {
          field: 'password',
          code: 'VALIDATION.IS_STRING',
          message: 'is required and must be a string',
        },
      },
    },
    'bad ID number (check character)': {
      send: (lang) =>
        as(lang, t.http().post('/api/v1/cases').set(bearer(clerk))).send(
          withApplicant({
            idNumber: APPLICANT_ID.slice(0, 17) + (APPLICANT_ID[17] === '0' ? '1' : '0'),
          }),
        ),
      zh: {
        status: 400,
        code: 'VALIDATION.FAILED',
        title: '提交的内容有误',
        detail: '提交的内容有 1 处不符合要求',
        field: {
          field: 'parties.0.idNumber',
          code: 'ID_NUMBER.CHECKSUM',
          message: '身份证号码校验位不正确',
        },
      },
      en: {
        status: 400,
        code: 'VALIDATION.FAILED',
        title: 'Invalid request',
        detail: 'The request is invalid (1 problem)',
        field: {
          field: 'parties.0.idNumber',
          code: 'ID_NUMBER.CHECKSUM',
          message: 'the check character of the ID number is wrong',
        },
      },
    },
    'bad mobile number': {
      send: (lang) =>
        as(lang, t.http().post('/api/v1/cases').set(bearer(clerk))).send(
          withApplicant({ phone: '1380000000' }),
        ),
      zh: {
        status: 400,
        code: 'VALIDATION.FAILED',
        title: '提交的内容有误',
        detail: '提交的内容有 1 处不符合要求',
        field: {
          field: 'parties.0.phone',
          code: 'MOBILE.FORMAT',
          message: '手机号码应为 11 位中国大陆手机号',
        },
      },
      en: {
        status: 400,
        code: 'VALIDATION.FAILED',
        title: 'Invalid request',
        detail: 'The request is invalid (1 problem)',
        field: {
          field: 'parties.0.phone',
          code: 'MOBILE.FORMAT',
          message: 'must be an 11-digit mainland mobile number',
        },
      },
    },
    'stale version': {
      send: (lang) =>
        as(lang, t.http().patch(`/api/v1/cases/${c.id}`).set(bearer(clerk)))
          .set('If-Match', '1')
          .send({ summary: '补充案情' }),
      zh: {
        status: 409,
        code: 'CASE.VERSION_CONFLICT',
        title: '案件已被修改',
        detail: '案件已被他人修改（当前版本 2），请刷新后重试',
      },
      en: {
        status: 409,
        code: 'CASE.VERSION_CONFLICT',
        title: 'Conflict',
        detail: 'The case changed meanwhile (now version 2); reload it and try again',
      },
    },
    'wrong status': {
      send: (lang) =>
        as(lang, t.http().post(`/api/v1/cases/${c.id}/refer`).set(bearer(clerk))).send({
          version: 2,
        }),
      zh: {
        status: 409,
        code: 'CASE.INVALID_TRANSITION',
        title: '案件状态不允许此操作',
        detail: '案件状态为“已结案”，不能委派调解',
      },
      en: {
        status: 409,
        code: 'CASE.INVALID_TRANSITION',
        title: 'Conflict',
        detail: 'A case in status "closed" cannot refer',
      },
    },
  };

  const expectProblem = (res: Response, e: Expected, lang: string): void => {
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.headers['content-language']).toBe(lang);
    expect(res.status).toBe(e.status);
    expect(res.body).toMatchObject({ status: e.status, code: e.code, title: e.title });
    expect(res.body.detail).toEqual(
      typeof e.detail === 'string' ? e.detail : expect.stringMatching(e.detail),
    );
    if (e.field) {
      expect(res.body.errors).toContainEqual({
        field: e.field.field,
        code: e.field.code,
        message:
          typeof e.field.message === 'string'
            ? e.field.message
            : expect.stringMatching(e.field.message),
      });
    }
  };

  it.each(Object.keys(mistakes))('%s: Chinese by default', async (name) => {
    const m = mistakes[name];
    expectProblem(await m.send(), m.zh, 'zh-CN');
  });

  it.each(Object.keys(mistakes))('%s: Chinese for zh-CN, whatever else is listed', async (name) => {
    const m = mistakes[name];
    expectProblem(await m.send('zh-CN,zh;q=0.9,en;q=0.8'), m.zh, 'zh-CN');
  });

  it.each(Object.keys(mistakes))('%s: English when Accept-Language asks for it', async (name) => {
    const m = mistakes[name];
    expectProblem(await m.send('en-US,en;q=0.9'), m.en, 'en');
  });

  it('names a suggestion’s reasons in Chinese sentences', async () => {
    const fresh = await createCase(t, clerk, world.regions.x1);
    const res = await t
      .http()
      .get(`/api/v1/cases/${fresh.id}/mediator-suggestions`)
      .set(bearer(clerk))
      .expect(200);
    const reasons = (res.body as { reasons: string[] }[]).flatMap((s) => s.reasons);
    expect(reasons.length).toBeGreaterThan(0);
    for (const reason of reasons) expect(reason).toMatch(/[\u4e00-\u9fff]/);
    expect(reasons).toContain('负责本案所在的村（社区）');
    const english = await t
      .http()
      .get(`/api/v1/cases/${fresh.id}/mediator-suggestions`)
      .set(bearer(clerk))
      .set('Accept-Language', 'en')
      .expect(200);
    expect((english.body as { reasons: string[] }[])[0].reasons).toContain(
      "serves the case's village",
    );
  });
});
