import type { DocumentData } from '../../document-data.js';
import { chineseDate } from '../chinese-format.js';
import { label, particulars, roleName } from '../labels.js';
import type { PageWriter } from '../page-writer.js';
import { caseNumberLines } from './case-number.js';

const partiesOf = (d: DocumentData) => ({
  applicants: d.parties.filter((p) => p.role === 'applicant'),
  respondents: d.parties.filter((p) => p.role === 'respondent'),
});
const names = (list: { name: string }[]): string => list.map((p) => p.name).join('、');
const mediatorName = (d: DocumentData): string => d.mediator?.name ?? '________';
const org = (d: DocumentData): string => d.organization ?? '人民调解委员会';

/** 委派调解函 with its tear-off receipt (回执). */
export function referralLetter(w: PageWriter, d: DocumentData): void {
  const { applicants, respondents } = partiesOf(d);
  w.title(d.case.courtName);
  w.title('委派调解函');
  caseNumberLines(w, d);
  w.paragraph(`${org(d)}：`, { indent: 0 });
  w.paragraph(
    `本院收到${names(applicants)}与${names(respondents)}${label('disputeType', d.case.disputeType)}一案${
      d.case.courtReference ? `（本院编号${d.case.courtReference}）` : ''
    }。经征得双方当事人同意，根据《中华人民共和国民事诉讼法》及最高人民法院关于诉前调解的有关规定，现委派你单位进行调解，调解员为${mediatorName(d)}${
      d.mediator?.title ? `（${d.mediator.title}）` : ''
    }。`,
  );
  w.paragraph(
    `调解期限为三十日，自调解员接受委派之日起计算${
      d.case.deadlineAt ? `，至${chineseDate(d.case.deadlineAt)}届满` : ''
    }；经双方当事人同意可以延长。调解结束后，请于三日内将调解结果及相关材料送交本院。`,
  );
  w.paragraph('当事人基本情况及联系方式：', { indent: 2 });
  for (const p of d.parties) w.paragraph(`${roleName(p.role)}：${particulars(p)}`);
  w.paragraph(`纠纷概要：${d.case.summary}`);
  w.paragraph(`诉求：${d.case.claims}`);
  w.paragraph(
    `本院联系人：${d.clerk?.name ?? '________'}${d.clerk?.phone ? `，联系电话：${d.clerk.phone}` : ''}。`,
  );
  w.seal(d.case.courtName, chineseDate(d.issuedAt));

  w.cutLine('回  执');
  w.heading('委派调解函回执');
  w.paragraph(
    `${d.case.courtName}：贵院${d.case.caseNumber}委派调解函及相关材料已于____年____月____日收到，本单位已安排调解员${mediatorName(d)}负责调解。`,
  );
  w.signatures(['签收人']);
  w.seal(org(d), '年    月    日');
}

/** 诉前调解告知书 / 权利义务告知书, addressed to one party. */
export function rightsNotice(w: PageWriter, d: DocumentData): void {
  const party = d.parties.find((p) => p.id === d.partyId) ?? d.parties[0];
  w.title('诉前调解告知书');
  w.paragraph('（权利义务告知书）', { align: 'center', indent: 0 });
  caseNumberLines(w, d);
  w.paragraph(`${party.name}：`, { indent: 0 });
  w.paragraph(
    `你（${roleName(party.role)}）与${names(d.parties.filter((p) => p.id !== party.id))}${label('disputeType', d.case.disputeType)}一案，经${d.case.courtName}委派，由${org(d)}进行诉前调解。现将有关事项告知如下：`,
  );
  const items = [
    '一、诉前调解是在人民法院立案前，由人民调解组织及调解员居中协调，帮助当事人在平等协商、互谅互让的基础上自愿达成协议、解决纠纷的活动。调解不收取任何费用。',
    '二、调解遵循自愿原则。你有权接受调解、拒绝调解，也有权在调解过程中随时要求终止调解；拒绝或终止调解的，纠纷转由人民法院依法立案审理，不影响你的诉讼权利。',
    '三、你有权选择或者接受调解员；认为调解员与本案有利害关系或者其他关系可能影响公正调解的，有权申请其回避。',
    '四、调解过程不公开。调解员及参与调解的人员对调解中知悉的个人隐私、家庭情况和当事人的陈述负有保密义务；调解中为达成协议所作的让步，不作为日后诉讼中对你不利的依据。',
    '五、你应当如实陈述纠纷事实，遵守调解秩序，尊重对方当事人和调解员，不得隐瞒、伪造证据；达成调解协议的，应当自觉履行。',
    `六、调解期限为三十日，自调解员接受委派之日起计算${
      d.case.deadlineAt ? `，至${chineseDate(d.case.deadlineAt)}届满` : ''
    }；经双方当事人同意可以延长。期限届满未达成协议的，调解终结，纠纷转人民法院立案。`,
    '七、如你或家庭成员遭受家庭暴力或面临家庭暴力的现实危险，可以向调解员说明，调解员将单独听取你的意见；你也可以向人民法院申请人身安全保护令。',
  ];
  for (const item of items) w.paragraph(item);
  w.field('调解员', mediatorName(d));
  w.field('调解组织', org(d));
  w.paragraph('本人已阅读并知悉上述告知内容。', { indent: 2 });
  w.signatures([roleName(party.role)], { fingerprint: true });
  w.seal(org(d), chineseDate(d.issuedAt));
}

/** 延长调解期限同意书 */
export function extensionConsent(w: PageWriter, d: DocumentData): void {
  const e = d.extension;
  if (!e) throw new Error('extension_consent needs an extension');
  const { applicants, respondents } = partiesOf(d);
  w.title('延长调解期限同意书');
  caseNumberLines(w, d);
  w.paragraph(`${d.case.courtName}、${org(d)}：`, { indent: 0 });
  w.paragraph(
    `申请人${names(applicants)}与被申请人${names(respondents)}${label('disputeType', d.case.disputeType)}一案，原定调解期限于${chineseDate(e.previousDeadline)}届满。因${e.reason}，双方当事人同意将调解期限延长${e.days}日，延长后的调解期限至${chineseDate(e.newDeadline)}届满。`,
  );
  w.paragraph(
    `申请人于${chineseDate(e.applicantConsentAt)}、被申请人于${chineseDate(e.respondentConsentAt)}表示同意延长。延长期限内仍未达成调解协议的，调解终结，纠纷转人民法院依法立案。`,
  );
  w.signatures(['申请人', '被申请人'], { fingerprint: true });
  w.signatures(['调解员']);
  w.seal(org(d), chineseDate(d.issuedAt));
}

/** 调解终结告知书 */
export function terminationNotice(w: PageWriter, d: DocumentData): void {
  const { applicants, respondents } = partiesOf(d);
  w.title('调解终结告知书');
  caseNumberLines(w, d);
  w.paragraph(`${names(d.parties)}：`, { indent: 0 });
  const reason =
    d.case.result === 'expired'
      ? `调解期限${d.case.deadlineAt ? `已于${chineseDate(d.case.deadlineAt)}` : ''}届满，双方当事人未达成调解协议`
      : label('result', d.case.result);
  w.paragraph(
    `申请人${names(applicants)}与被申请人${names(respondents)}${label('disputeType', d.case.disputeType)}一案，经${d.case.courtName}委派进行诉前调解。因${reason}${
      d.case.closureReason ? `（${d.case.closureReason}）` : ''
    }，本次调解于${chineseDate(d.case.closedAt ?? d.issuedAt)}终结。`,
  );
  if (d.outcome?.undisputedFacts) {
    w.paragraph(`调解中双方无争议的事实：${d.outcome.undisputedFacts}`);
  }
  w.paragraph(
    '调解终结后，你们可以依法向人民法院提起诉讼；本案纠纷将转由人民法院依法立案审理。调解过程中所作的陈述和让步，不作为诉讼中对当事人不利的依据。',
  );
  w.paragraph(
    `本案委派调解材料已退回${d.case.courtName}${
      d.case.courtCaseNumber ? `，立案案号为${d.case.courtCaseNumber}` : ''
    }。`,
  );
  w.paragraph('特此告知。', { indent: 2 });
  w.signatures(['调解员']);
  w.seal(org(d), chineseDate(d.issuedAt));
}
