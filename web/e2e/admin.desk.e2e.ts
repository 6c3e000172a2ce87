import { expect, test, type Locator, type Page, type BrowserContext } from '@playwright/test';
import { WEB_TEST } from './env';
import { expectAccessible, loginAs, screenshot } from './support';
import { adminApi, apiAs, findRegion, ok, USERS } from './world';

// The admin's desk screens against the real built server and API: courts, users (one-time
// password), regions, organisations and rooms, the audit trail; nothing of a user stays in the
// browser after logout.

test.describe.configure({ mode: 'serial' });

const REVEAL_REASON = '核对当事人身份以便送达文书';

/** A valid 18-digit resident ID number (GB 11643 check digit). */
function idNumber(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * weights[i], 0);
  return first17 + '10X98765432'[sum % 11];
}

test.beforeAll(async () => {
  const admin = await adminApi();
  const city = await findRegion(admin, '370200000000');
  await ok(
    'county 即墨区',
    admin.POST('/api/v1/regions', {
      body: { code: '370215000000', name: '即墨区', level: 'county', parentId: city },
    }),
  );
  // A reveal of an ID number, with its reason, for the audit viewer to show.
  const clerk = await apiAs(USERS.clerk.username);
  const village = await findRegion(clerk, '370281105201');
  const created = await ok(
    'case',
    clerk.POST('/api/v1/cases', {
      params: { header: { 'Idempotency-Key': crypto.randomUUID() } },
      body: {
        mediationKind: 'pre_filing',
        disputeType: 'divorce',
        source: 'court_referral',
        summary: '双方因家庭琐事产生矛盾，女方起诉离婚。',
        claims: '请求判令离婚。',
        receivedAt: '2026-11-02T09:00:00+08:00',
        regionId: village,
        parties: [
          {
            role: 'applicant',
            name: '张某某',
            gender: 'female',
            idNumber: idNumber('37028119900315024'),
            phone: '13800000001',
          },
          {
            role: 'respondent',
            name: '李某某',
            gender: 'male',
            idNumber: idNumber('37028119880612015'),
            phone: '13900000002',
          },
        ],
      },
    }),
  );
  const detail = await ok(
    'case detail',
    clerk.GET('/api/v1/cases/{id}', { params: { path: { id: created.id } } }),
  );
  await ok(
    'reveal',
    clerk.POST('/api/v1/parties/{id}/reveal', {
      params: { path: { id: detail.parties[0].id } },
      body: { field: 'idNumber', reason: REVEAL_REASON },
    }),
  );
});

/** Picks an option of an antd Select by typing and clicking it. */
async function pick(page: Page, scope: Locator, label: string, typed: string, option: string) {
  const box = scope.getByLabel(label, { exact: true });
  await box.click();
  if (typed) await box.fill(typed);
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
    .getByTitle(option)
    .first()
    .click();
}

/** The browser holds nothing of the user: no web storage, no IndexedDB, no cookie. */
async function expectNothingStored(page: Page, context: BrowserContext) {
  await expect(page).toHaveURL(/\/login$/);
  const stored = await page.evaluate(async () => ({
    local: localStorage.length,
    session: sessionStorage.length,
    idb: (await indexedDB.databases()).map((d) => d.name),
  }));
  expect(stored).toEqual({ local: 0, session: 0, idb: [] });
  expect(await context.cookies()).toEqual([]);
}

let oneTimePassword = '';

test('admin creates a court (a bad 代字 is refused next to its field) and a clerk for it', async ({
  page,
  context,
}, testInfo) => {
  await loginAs(page, USERS.admin.username, WEB_TEST.adminPassword);
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole('heading', { name: '系统管理' })).toBeVisible();
  await expect(page.getByRole('link', { name: '打开队列监控（新窗口）' })).toHaveAttribute(
    'href',
    '/admin/queues',
  );
  await expectAccessible(page);
  await screenshot(page, testInfo, 'admin-home');

  // Courts: the list, then a new court whose 代字 the API refuses.
  const nav = page.getByRole('navigation', { name: '主菜单' });
  await nav.getByRole('link', { name: '法院' }).click();
  await expect(page.getByRole('heading', { name: '法院管理' })).toBeVisible();
  await expect(page.getByRole('cell', { name: '胶州市人民法院', exact: true })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, testInfo, 'admin-courts');

  await page.getByRole('button', { name: '新增法院' }).click();
  const courtDialog = page.getByRole('dialog', { name: '新增法院' });
  await courtDialog.getByLabel('法院名称').fill('即墨区人民法院');
  await courtDialog.getByLabel('代码').fill('J38');
  await courtDialog.getByLabel('案号代字').fill('QD0215');
  await pick(page, courtDialog, '管辖区域', '即墨', '即墨区');
  const refused = page.waitForResponse(
    (r) => r.url().endsWith('/api/v1/courts') && r.request().method() === 'POST',
  );
  await courtDialog.getByRole('button', { name: '新增法院' }).click();
  const problem = (await (await refused).json()) as {
    errors: { field: string; message: string }[];
  };
  expect((await refused).status()).toBe(400);
  const designatorError = problem.errors.find((e) => e.field === 'designator')!;
  // The API's own message, as given, under the field; everything typed is still there.
  await expect(courtDialog.locator('#designator_help')).toHaveText(designatorError.message);
  await expect(courtDialog.getByLabel('法院名称')).toHaveValue('即墨区人民法院');
  await expect(courtDialog.getByLabel('代码')).toHaveValue('J38');
  await expect(courtDialog.getByLabel('案号代字')).toHaveValue('QD0215');
  await expect(courtDialog).toContainText('即墨区（县（区），370215000000）');
  await expectAccessible(page);
  await screenshot(page, testInfo, 'admin-court-error');

  await courtDialog.getByLabel('案号代字').fill('鲁0215');
  await courtDialog.getByRole('button', { name: '新增法院' }).click();
  await expect(courtDialog).toBeHidden();
  const courtRow = page.getByRole('row').filter({ hasText: '即墨区人民法院' });
  await expect(courtRow).toContainText('鲁0215');
  await expect(courtRow).toContainText('即墨区');

  // Users: a clerk for the new court; first with a username that is taken.
  await nav.getByRole('link', { name: '用户' }).click();
  await expect(page.getByRole('heading', { name: '用户管理' })).toBeVisible();
  await expect(
    page.getByRole('cell', { name: USERS.mediator.displayName, exact: true }),
  ).toBeVisible();
  await expect(page.getByText('138****0011')).toBeVisible();
  await expect(page.getByText('13800000011')).toHaveCount(0);
  await expectAccessible(page);
  await screenshot(page, testInfo, 'admin-users');

  await page.getByRole('button', { name: '新建用户' }).click();
  const userDialog = page.getByRole('dialog', { name: '新建用户' });
  await userDialog.getByLabel('用户名').fill(USERS.clerk.username);
  await userDialog.getByLabel('姓名').fill('赵丽');
  await expect(userDialog.getByText('书记员')).toBeVisible();
  await pick(page, userDialog, '所属法院', '即墨', '即墨区人民法院（鲁0215）');
  await userDialog.getByLabel('手机号').fill('13800000099');
  const taken = page.waitForResponse(
    (r) => r.url().endsWith('/api/v1/users') && r.request().method() === 'POST',
  );
  await userDialog.getByRole('button', { name: '创建用户' }).click();
  const takenProblem = (await (await taken).json()) as { code: string; detail: string };
  expect(takenProblem.code).toBe('USER.USERNAME_TAKEN');
  await expect(userDialog.locator('#username_help')).toHaveText(takenProblem.detail);
  await expect(userDialog.getByLabel('姓名')).toHaveValue('赵丽');
  await expect(userDialog.getByLabel('手机号')).toHaveValue('13800000099');
  await expect(userDialog).toContainText('即墨区人民法院（鲁0215）');
  await expectAccessible(page);
  await screenshot(page, testInfo, 'admin-user-error');

  await userDialog.getByLabel('用户名').fill('jimo.clerk');
  await userDialog.getByRole('button', { name: '创建用户' }).click();
  const shown = page.getByRole('dialog', { name: '用户已创建' });
  await expect(shown).toContainText('此密码只显示这一次');
  oneTimePassword = await shown.getByLabel('初始密码').inputValue();
  expect(oneTimePassword).toMatch(/^[A-Za-z0-9]{4}(-[A-Za-z0-9]{4}){3}$/);
  await expectAccessible(page);
  await screenshot(page, testInfo, 'admin-user-password');
  await shown.getByRole('button', { name: '我已记下，关闭' }).click();
  await expect(shown).toBeHidden();

  await page.getByRole('searchbox', { name: '搜索用户名或姓名' }).fill('赵丽');
  await page.getByRole('button', { name: '搜索' }).click();
  const userRow = page.getByRole('row').filter({ hasText: 'jimo.clerk' });
  await expect(userRow).toContainText('书记员');
  await expect(userRow).toContainText('即墨区人民法院');
  await expect(userRow).toContainText('138****0099');
  await expect(userRow).toContainText('启用');
  await expect(userRow).toContainText('从未登录');

  // The audit trail lists the creation.
  await nav.getByRole('link', { name: '审计日志' }).click();
  await expect(page.getByRole('heading', { name: '审计日志' })).toBeVisible();
  await pick(
    page,
    page.getByRole('search', { name: '筛选审计日志' }),
    '操作',
    '创建用户',
    '创建用户',
  );
  await page.getByRole('button', { name: '查询' }).click();
  const created = page.getByRole('row').filter({ hasText: '赵丽（jimo.clerk），书记员' });
  await expect(created).toContainText('创建用户');
  await expect(created).toContainText(`${USERS.admin.displayName}（管理员）`);
  await expect(created).toContainText(/\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}/);
  await expectAccessible(page);
  await screenshot(page, testInfo, 'admin-audit-user-created');

  await page.getByRole('button', { name: '退出登录' }).click();
  await expectNothingStored(page, context);
});

test('the new clerk logs in with the one-time password; logout leaves nothing behind', async ({
  page,
  context,
}) => {
  expect(oneTimePassword).not.toBe('');
  await loginAs(page, 'jimo.clerk', oneTimePassword);
  await expect(page).toHaveURL(/\/clerk$/);
  await expect(page.getByText('赵丽（书记员）')).toBeVisible();
  await page.getByRole('button', { name: '退出登录' }).click();
  await expectNothingStored(page, context);
});

test('regions tree, organisations with rooms, and a reveal with its reason in the audit trail', async ({
  page,
}, testInfo) => {
  await loginAs(page, USERS.admin.username, WEB_TEST.adminPassword);
  await expect(page).toHaveURL(/\/admin$/);
  const nav = page.getByRole('navigation', { name: '主菜单' });

  // Regions: open the tree to the county, add a township (a taken code is refused first).
  await nav.getByRole('link', { name: '行政区划' }).click();
  await expect(page.getByRole('heading', { name: '行政区划' })).toBeVisible();
  // Selecting a region opens it and offers a form for a region under it.
  await page.getByText('青岛市（市，370200000000）', { exact: true }).click();
  await expect(page.getByText('在“青岛市”下新增县（区）')).toBeVisible();
  await page.getByText('胶州市（县（区），370281000000）', { exact: true }).click();
  await expect(page.getByText('胶西镇（镇（街道），370281105000）', { exact: true })).toBeVisible();
  const form = page.getByRole('form', { name: '在“胶州市”下新增镇（街道）' });
  await form.getByLabel('名称').fill('李哥庄镇');
  await form.getByLabel('区划代码').fill('370281105000');
  await form.getByRole('button', { name: '新增镇（街道）' }).click();
  await expect(form.locator('#code_help')).not.toBeEmpty();
  await expect(form.getByLabel('名称')).toHaveValue('李哥庄镇');
  await form.getByLabel('区划代码').fill('370281106000');
  await form.getByRole('button', { name: '新增镇（街道）' }).click();
  await expect(
    page.getByText('李哥庄镇（镇（街道），370281106000）', { exact: true }),
  ).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, testInfo, 'admin-regions');

  // Organisations and their rooms.
  await nav.getByRole('link', { name: '调解组织' }).click();
  await expect(page.getByRole('heading', { name: '调解组织与调解室' })).toBeVisible();
  await expect(page.getByRole('cell', { name: '百合调解室', exact: true })).toBeVisible();
  await page.getByRole('button', { name: '新增调解组织' }).click();
  const orgDialog = page.getByRole('dialog', { name: '新增调解组织' });
  await orgDialog.getByLabel('组织名称').fill('李哥庄镇婚姻家庭纠纷人民调解委员会');
  await pick(page, orgDialog, '所在区划', '李哥庄', '李哥庄镇');
  await orgDialog.getByLabel('调解室 1 名称').fill('石榴调解室');
  await orgDialog.getByRole('button', { name: '添加调解室' }).click();
  await orgDialog.getByLabel('调解室 2 名称').fill('李哥庄镇妇女之家');
  await orgDialog.getByRole('button', { name: '新增', exact: true }).click();
  await expect(orgDialog).toBeHidden();
  const orgRow = page.getByRole('row').filter({ hasText: '李哥庄镇婚姻家庭纠纷人民调解委员会' });
  await expect(orgRow).toContainText('石榴调解室');
  await expect(orgRow).toContainText('李哥庄镇妇女之家');
  await expectAccessible(page);
  await screenshot(page, testInfo, 'admin-organizations');

  // Rooms change: an organisation's list of rooms is edited in place.
  await orgRow.getByRole('button', { name: '编辑 李哥庄镇婚姻家庭纠纷人民调解委员会' }).click();
  const editDialog = page.getByRole('dialog', {
    name: '编辑调解组织：李哥庄镇婚姻家庭纠纷人民调解委员会',
  });
  await expect(editDialog.getByLabel('调解室 2 名称')).toHaveValue('李哥庄镇妇女之家');
  await editDialog.getByRole('button', { name: '删除 调解室 1' }).click();
  await editDialog.getByRole('button', { name: '添加调解室' }).click();
  await editDialog.getByLabel('调解室 2 名称').fill('青檀调解室');
  await editDialog.getByRole('button', { name: '保存' }).click();
  await expect(editDialog).toBeHidden();
  await expect(orgRow).toContainText('青檀调解室');
  await expect(orgRow).not.toContainText('石榴调解室');

  // The audit trail: a clerk's look at an ID number, with her reason.
  await nav.getByRole('link', { name: '审计日志' }).click();
  await pick(
    page,
    page.getByRole('search', { name: '筛选审计日志' }),
    '操作',
    '查看当事人',
    '查看当事人完整信息',
  );
  await page.getByRole('button', { name: '查询' }).click();
  const reveal = page.getByRole('row').filter({ hasText: '查看当事人完整信息' });
  await expect(reveal).toContainText(`查看了当事人的完整身份证号码，理由：${REVEAL_REASON}`);
  await expect(reveal).toContainText(`${USERS.clerk.displayName}（书记员）`);
  await reveal.getByRole('button', { name: '详情' }).click();
  await expect(page.getByText('查看的字段')).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, testInfo, 'admin-audit-reveal');

  // The date range is read on the Asia/Shanghai calendar: today finds it, an old range does not.
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const range = async (from: string, to: string) => {
    const filters = page.getByRole('search', { name: '筛选审计日志' });
    await filters.getByLabel('开始日期').fill(from);
    await filters.getByLabel('开始日期').press('Enter');
    await filters.getByLabel('结束日期').fill(to);
    await filters.getByLabel('结束日期').press('Enter');
    await filters.getByRole('button', { name: '查询' }).click();
  };
  await range('2020-01-01', '2020-01-31');
  await expect(page.getByText('没有符合条件的记录')).toBeVisible();
  await range(today, today);
  await expect(reveal).toContainText(REVEAL_REASON);
});

test('admin resets a password (shown once) and deactivates the user, who can no longer log in', async ({
  page,
  context,
}, testInfo) => {
  await loginAs(page, USERS.admin.username, WEB_TEST.adminPassword);
  await expect(page).toHaveURL(/\/admin$/);
  await page
    .getByRole('navigation', { name: '主菜单' })
    .getByRole('link', { name: '用户' })
    .click();
  const row = page.getByRole('row').filter({ hasText: 'jimo.clerk' });
  await row.getByRole('button', { name: '重置密码 赵丽' }).click();
  await page.getByRole('button', { name: '重置', exact: true }).click();
  const shown = page.getByRole('dialog', { name: '密码已重置' });
  const fresh = await shown.getByLabel('初始密码').inputValue();
  expect(fresh).not.toBe(oneTimePassword);
  await shown.getByRole('button', { name: '我已记下，关闭' }).click();

  await row.getByRole('button', { name: '停用 赵丽' }).click();
  await page.getByRole('button', { name: '停用', exact: true }).click();
  await expect(row).toContainText('已停用');
  await expect(row.getByRole('button', { name: '启用 赵丽' })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, testInfo, 'admin-user-deactivated');
  await page.getByRole('button', { name: '退出登录' }).click();
  await expectNothingStored(page, context);

  await loginAs(page, 'jimo.clerk', fresh);
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});

test('a mediator’s villages (her roster entry) are chosen in her user form', async ({
  page,
}, testInfo) => {
  await loginAs(page, USERS.admin.username, WEB_TEST.adminPassword);
  await expect(page).toHaveURL(/\/admin$/);
  await page
    .getByRole('navigation', { name: '主菜单' })
    .getByRole('link', { name: '用户' })
    .click();
  await page.getByRole('button', { name: `编辑 ${USERS.mediator.displayName}` }).click();
  const dialog = page.getByRole('dialog', { name: `编辑用户：${USERS.mediator.displayName}` });
  await expect(dialog.getByLabel('用户名')).toBeDisabled();
  await expect(dialog).toContainText('胶西镇婚姻家庭纠纷人民调解委员会');
  await pick(page, dialog, '负责的村（社区）', '杜村', '杜村');
  await expectAccessible(page);
  await screenshot(page, testInfo, 'admin-user-edit-mediator');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();

  const admin = await adminApi();
  const users = await ok(
    'users',
    admin.GET('/api/v1/users', { params: { query: { q: USERS.mediator.username } } }),
  );
  const roster = await ok(
    'roster',
    admin.GET('/api/v1/mediators/{id}', { params: { path: { id: users.items[0].id } } }),
  );
  expect(roster.villageIds).toContain(await findRegion(admin, '370281105202'));
});
