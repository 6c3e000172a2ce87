import { expect, test, type Locator, type Page } from '@playwright/test';
import { badIdNumber, idNumber } from './ids';
import { expectAccessible, loginAs, screenshot } from './support';
import { PASSWORD, USERS } from './world';

// The clerk at her desk: a divorce referral with two children, each party's consent and
// screening, refer; the API's field errors beside their fields; masked ID and phone.
const APPLICANT = { name: '张秀英', id: idNumber('37028119900715362'), phone: '13812345678' };
const RESPONDENT = { name: '李建国', id: idNumber('37028119880101123'), phone: '13987654321' };

async function pick(page: Page, field: Locator, option: string) {
  await field.click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option })
    .first()
    .click();
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
}

async function date(field: Locator, value: string) {
  await field.click();
  await field.fill(value);
  await field.press('Enter');
}

async function fillCase(page: Page) {
  await pick(page, page.getByLabel('纠纷发生地（村/社区）'), '胶西村');
  await page
    .getByLabel('案情摘要')
    .fill('双方于2012年登记结婚，育有一子一女，现因长期分居、感情不和，申请人起诉离婚。');
  await page
    .getByLabel('诉讼请求')
    .fill('请求判决离婚；子女由申请人抚养，被申请人每月支付抚养费各1500元。');
}

async function fillParty(
  page: Page,
  role: '申请人' | '被申请人',
  p: { name: string; id: string; phone: string },
  gender: '女' | '男',
) {
  const card = page.getByRole('region', { name: role, exact: true });
  await card.getByLabel('姓名').fill(p.name);
  await card.getByRole('radio', { name: gender }).check();
  await card.getByLabel('身份证号').fill(p.id);
  await card.getByLabel('手机号').fill(p.phone);
  return card;
}

test.beforeEach(async ({ page }) => {
  await loginAs(page, USERS.clerk.username, PASSWORD);
  await expect(page).toHaveURL(/\/clerk$/);
});

test('bad input: the API’s field errors appear beside their fields, in Chinese, and what was typed stays', async ({
  page,
}, testInfo) => {
  await page.getByRole('button', { name: '登记委派调解' }).click();
  await expect(page.getByRole('heading', { name: '登记委派调解' })).toBeVisible();
  await fillCase(page);
  const badId = badIdNumber('37028119900715362');
  const applicant = await fillParty(
    page,
    '申请人',
    { ...APPLICANT, id: badId, phone: '1381234567' },
    '女',
  );
  await fillParty(page, '被申请人', RESPONDENT, '男');
  await page.getByRole('button', { name: '保存登记' }).click();

  const id = applicant.getByLabel('身份证号');
  const phone = applicant.getByLabel('手机号');
  await expect(id).toHaveAccessibleDescription(/身份证号码/);
  await expect(phone).toHaveAccessibleDescription(/手机号码应为 11 位/);
  await expect(id).toHaveValue(badId);
  await expect(phone).toHaveValue('1381234567');
  await expect(page.getByLabel('案情摘要')).toHaveValue(/长期分居/);
  await expect(page.getByRole('alert').filter({ hasText: /处不符合要求/ })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, testInfo, 'clerk-referral-errors');

  // A valid ID whose birth date disagrees with the one entered.
  await id.fill(APPLICANT.id);
  await phone.fill(APPLICANT.phone);
  await date(applicant.getByLabel('出生日期'), '1991-01-01');
  await page.getByRole('button', { name: '保存登记' }).click();
  await expect(applicant.getByLabel('出生日期')).toHaveAccessibleDescription(
    /与身份证号码中的出生日期不一致/,
  );
  await expect(id).toHaveValue(APPLICANT.id);
  await expect(page).toHaveURL(/\/clerk\/referrals\/new$/);
});

test('a divorce referral with two children: consents and screenings per party, referred; ID and phone masked until revealed', async ({
  page,
}, testInfo) => {
  // The whole journey, with axe on every screen, on a shared 2-core machine.
  test.setTimeout(240_000);
  await expectAccessible(page);
  await screenshot(page, testInfo, 'clerk-queue-empty');
  await page.getByRole('button', { name: '登记委派调解' }).click();
  await fillCase(page);
  await fillParty(page, '申请人', APPLICANT, '女');
  await fillParty(page, '被申请人', RESPONDENT, '男');
  const children = [
    { name: '李小明', gender: '男', birth: '2014-03-08', residence: '随申请人生活' },
    { name: '李小红', gender: '女', birth: '2018-09-20', residence: '随申请人生活' },
  ] as const;
  for (const [i, child] of children.entries()) {
    await page.getByRole('button', { name: '添加子女' }).click();
    await page.getByLabel(`子女${i + 1}姓名`).fill(child.name);
    await page
      .locator('.ant-form-item', { hasText: `子女${i + 1}性别` })
      .getByRole('radio', { name: child.gender })
      .check();
    await date(page.getByLabel(`子女${i + 1}出生日期`), child.birth);
    await pick(page, page.getByLabel(`子女${i + 1}现随谁生活`), child.residence);
  }
  await expectAccessible(page);
  await screenshot(page, testInfo, 'clerk-referral-filled');
  await page.getByRole('button', { name: '保存登记' }).click();

  await expect(page).toHaveURL(/\/clerk\/cases\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 2, name: /民诉前调/ })).toBeVisible();
  await expect(page.getByText('已收案')).toBeVisible();
  await expect(page.getByText('李小明，男，2014年3月8日出生，随申请人生活')).toBeVisible();
  await expect(page.getByText('李小红，女，2018年9月20日出生，随申请人生活')).toBeVisible();
  await expect(page.getByRole('button', { name: '委派调解', exact: true })).toBeDisabled();

  // Masked until revealed, with a reason.
  const applicant = page.getByRole('region', { name: '当事人' }).locator('.ant-card').first();
  await expect(applicant).not.toContainText(APPLICANT.id);
  await expect(applicant).toContainText(/\*{4}/);
  await expect(applicant).not.toContainText(APPLICANT.phone);
  await expectAccessible(page);
  await screenshot(page, testInfo, 'clerk-case-received');
  await applicant.getByRole('button', { name: '查看完整身份证号' }).click();
  const reveal = page.getByRole('dialog', { name: '查看完整身份证号' });
  await reveal.getByRole('button', { name: '查看' }).click();
  await expect(reveal.getByText('请填写查看理由')).toBeVisible();
  await reveal.getByLabel('查看理由').fill('核对当事人身份');
  await reveal.getByRole('button', { name: '查看' }).click();
  await expect(applicant).toContainText(APPLICANT.id);
  await expect(applicant).not.toContainText(APPLICANT.phone);

  for (const who of [`申请人${APPLICANT.name}`, `被申请人${RESPONDENT.name}`]) {
    await page.getByRole('button', { name: `记录${who}的调解意愿` }).click();
    const consent = page.getByRole('dialog', { name: `记录${who}的调解意愿` });
    await consent.getByRole('radio', { name: '同意调解' }).check();
    await expectAccessible(page);
    await consent.getByRole('button', { name: '保存' }).click();
    await expect(consent).toBeHidden();

    await page.getByRole('button', { name: `为${who}做安全评估` }).click();
    const screening = page.getByRole('dialog', { name: `为${who}做安全评估（单独询问）` });
    await screening.getByRole('radio', { name: '可面对面调解' }).check();
    if (who.startsWith('申请人')) await screenshot(page, testInfo, 'clerk-screening');
    await screening.getByRole('button', { name: '保存' }).click();
    await expect(screening).toBeHidden();
  }
  await expect(page.getByText('已评估：可面对面调解')).toHaveCount(2);
  await page.getByRole('button', { name: '委派调解', exact: true }).click();
  await expect(page.getByText('待指派').first()).toBeVisible();
  await expect(page.getByRole('button', { name: '委派调解', exact: true })).toBeHidden();
  await expect(page.getByText(/王敏（书记员）：委派调解/)).toBeVisible();
  await expect(page.getByText(/王敏（书记员）：登记收案/)).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, testInfo, 'clerk-case-referred');

  // The queue lists it, with its parties and status; answers of screenings appear nowhere.
  await page.getByRole('link', { name: '本院案件' }).click();
  const row = page.getByRole('row', { name: new RegExp(`${APPLICANT.name}、${RESPONDENT.name}`) });
  await expect(row).toContainText('待指派');
  await expect(row).toContainText('离婚纠纷');
  await expectAccessible(page);
  await screenshot(page, testInfo, 'clerk-queue');

  // Search by the full phone number: POSTed, never in the URL.
  await page.getByRole('link', { name: '查找案件' }).click();
  await page.getByRole('radio', { name: '手机号' }).check();
  await page.getByLabel('完整手机号').fill(RESPONDENT.phone);
  await page.getByRole('button', { name: '查找' }).click();
  await expect(page.getByRole('row', { name: new RegExp(RESPONDENT.name) })).toBeVisible();
  expect(page.url()).not.toContain(RESPONDENT.phone);
  await expectAccessible(page);
  await screenshot(page, testInfo, 'clerk-search');
});
