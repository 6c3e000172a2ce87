import type { DocumentData, PartyData } from '../../document-data.js';
import { chineseDate, rmb } from '../chinese-format.js';
import { label, particulars, plainDate } from '../labels.js';
import type { PageWriter } from '../page-writer.js';
import { caseNumberLines } from './case-number.js';

interface Agreement {
  effectiveAt?: string;
  form?: string;
  children?: {
    childId?: string;
    custody?: string | null;
    residence?: string | null;
    support?: { amount: string; frequency: string; method: string; until?: string | null } | null;
    visitation?: string | null;
    handover?: string | null;
  }[];
  property?: { item: string; to: string; value?: string | null }[];
  debts?: { item: string; bornBy: string; amount?: string | null }[];
  housing?: string | null;
  houseworkCompensation?: { amount: string; payer: string } | null;
  financialHelp?: { amount: string; payer: string } | null;
  damages?: { amount: string; payer: string; reason?: string | null } | null;
  performance?: string | null;
  breach?: string | null;
}

const CN_ORDINALS = '一二三四五六七八九十';
const ordinal = (i: number): string =>
  i < 10 ? CN_ORDINALS[i] : i < 19 ? `十${CN_ORDINALS[i - 10]}` : String(i + 1);

function side(d: DocumentData, role: string): string {
  if (role === 'both') return '双方';
  const p = d.parties.find((x) => x.role === role);
  return `${label('side', role)}${p ? p.name : ''}`;
}

/** The agreed terms, numbered 一、二、…, each a paragraph. */
export function agreedTerms(d: DocumentData): string[] {
  const a = (d.outcome?.agreement ?? {}) as Agreement;
  const terms: string[] = [];
  if (d.outcome?.result === 'divorce_agreed') terms.push('申请人与被申请人自愿离婚。');
  (a.children ?? []).forEach((c) => {
    const child = d.children.find((x) => x.id === c.childId);
    const who = child
      ? `婚生${child.gender === 'male' ? '子' : '女'}${child.name}（${plainDate(child.birthDate)}出生）`
      : '子女';
    if (c.custody)
      terms.push(
        `${who}由${side(d, c.custody)}直接抚养${c.residence ? `，随${c.residence}生活` : ''}。`,
      );
    if (c.support) {
      const payer = c.custody === 'applicant' ? 'respondent' : 'applicant';
      terms.push(
        `${side(d, payer)}${label('frequency', c.support.frequency)}支付${who}抚养费${rmb(c.support.amount)}，以${label('method', c.support.method)}方式支付${
          c.support.until ? `，至${chineseDate(c.support.until)}止` : ''
        }。`,
      );
    }
    if (c.visitation)
      terms.push(`探望安排：${c.visitation}${c.handover ? `；交接方式：${c.handover}` : ''}。`);
  });
  for (const p of a.property ?? []) {
    terms.push(`${p.item}归${side(d, p.to)}所有${p.value ? `，价值${rmb(p.value)}` : ''}。`);
  }
  for (const debt of a.debts ?? []) {
    const amount = debt.amount ? `，金额${rmb(debt.amount)}` : '';
    terms.push(`${debt.item}${amount}，由${side(d, debt.bornBy)}负担。`);
  }
  if (a.housing) terms.push(`住房安排：${a.housing}。`);
  const money: [string, Agreement['houseworkCompensation']][] = [
    ['家务补偿', a.houseworkCompensation],
    ['经济帮助', a.financialHelp],
    ['损害赔偿', a.damages],
  ];
  for (const [name, m] of money) {
    if (m) terms.push(`${side(d, m.payer)}向对方支付${name}${rmb(m.amount)}。`);
  }
  if (a.performance) terms.push(`履行方式及期限：${a.performance}`);
  if (a.breach) terms.push(`违约责任：${a.breach}`);
  return terms.map((t, i) => `${ordinal(i)}、${t.replace(/。?$/, '。').replace(/。。$/, '。')}`);
}

function heads(w: PageWriter, parties: PartyData[], prefix: Record<string, string>): void {
  for (const p of parties) w.paragraph(`${prefix[p.role]}：${particulars(p)}`, { indent: 0 });
}

/** 调解协议书 */
export function mediationAgreement(w: PageWriter, d: DocumentData): void {
  const a = (d.outcome?.agreement ?? {}) as Agreement;
  w.title('调解协议书');
  caseNumberLines(w, d);
  heads(w, d.parties, { applicant: '申请人', respondent: '被申请人' });
  w.paragraph(
    `申请人与被申请人${label('disputeType', d.case.disputeType)}一案，经${d.case.courtName}委派，由${d.organization ?? '人民调解委员会'}调解员${d.mediator?.name ?? ''}主持调解。`,
  );
  w.paragraph(`纠纷主要事实及争议事项：${d.case.summary}申请人的请求：${d.case.claims}`);
  w.paragraph('经调解，双方当事人在平等自愿、互谅互让的基础上，自愿达成如下协议：');
  for (const term of agreedTerms(d)) w.paragraph(term);
  w.paragraph(
    `本协议自双方当事人签名（按手印）、调解员签名并加盖调解组织印章之日起生效${
      a.effectiveAt ? `，生效日期为${chineseDate(a.effectiveAt)}` : ''
    }。本协议一式四份，双方当事人各执一份，调解组织留存一份，送${d.case.courtName}一份。`,
  );
  w.paragraph(`处理途径：${label('route', d.outcome?.route)}。`);
  w.signatures(['申请人', '被申请人'], { fingerprint: true });
  w.signatures(['调解员']);
  w.seal(d.organization ?? '人民调解委员会', chineseDate(d.issuedAt));
}

/** 司法确认申请书: both parties apply jointly within 30 days of the agreement taking effect. */
export function judicialConfirmationApplication(w: PageWriter, d: DocumentData): void {
  const a = (d.outcome?.agreement ?? {}) as Agreement;
  w.title('司法确认申请书');
  heads(w, d.parties, { applicant: '申请人（一）', respondent: '申请人（二）' });
  w.paragraph('请求事项：', { indent: 0, bold: true, align: 'left' });
  w.paragraph(
    `请求人民法院依法确认申请人于${a.effectiveAt ? chineseDate(a.effectiveAt) : '____年__月__日'}经${d.organization ?? '人民调解委员会'}调解达成的调解协议（${d.case.caseNumber}）有效。`,
  );
  w.paragraph('事实与理由：', { indent: 0, bold: true, align: 'left' });
  w.paragraph(
    `申请人因${label('disputeType', d.case.disputeType)}，经${d.case.courtName}委派，由${d.organization ?? '人民调解委员会'}主持调解，自愿达成调解协议，协议内容如下：`,
  );
  for (const term of agreedTerms(d)) w.paragraph(term);
  w.paragraph(
    '申请人出于解决纠纷的目的自愿达成上述协议，没有恶意串通、规避法律的行为；协议不涉及身份关系的确认，不损害国家利益、社会公共利益和他人合法权益。如因虚假陈述造成他人损失的，申请人愿承担相应法律责任。',
  );
  const deadline = a.effectiveAt
    ? chineseDate(new Date(new Date(a.effectiveAt).getTime() + 30 * 86_400_000))
    : null;
  w.paragraph(
    `申请人知悉：本申请应当自调解协议生效之日起三十日内共同提出${deadline ? `（即于${deadline}前）` : ''}。`,
  );
  w.paragraph('送达地址及联系电话：', { indent: 0, bold: true, align: 'left' });
  for (const p of d.parties) {
    w.paragraph(
      `${p.name}：送达地址${p.address ?? '________'}，联系电话${p.phone ?? '________'}。`,
    );
  }
  w.paragraph('此致', { indent: 2, align: 'left' });
  w.paragraph(d.case.courtName, { indent: 0, align: 'left' });
  w.signatures(['申请人（一）', '申请人（二）'], { fingerprint: true });
  w.signOff([chineseDate(d.issuedAt)]);
}
