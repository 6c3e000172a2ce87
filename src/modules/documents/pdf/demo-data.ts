// A realistic demo case for every document type: the preview script, the benchmark and the
// renderer's unit tests print from it. Names and numbers are invented.
import type { DocumentData } from '../document-data.js';
import { maskIdNumber } from '../../../common/validation/chinese.js';
import { DOCUMENT_RULES, type DocumentType } from '../document-types.js';

const base: Omit<DocumentData, 'type'> = {
  issuedAt: '2026-12-01T02:00:00.000Z',
  case: {
    caseNumber: '（2026）鲁0281民诉前调12号',
    courtReference: '（2026）鲁0281民诉前1234号',
    courtName: '胶州市人民法院',
    courtCaseNumber: null,
    mediationKind: 'pre_filing',
    disputeType: 'divorce',
    summary:
      '申请人张某某与被申请人李某某于2012年登记结婚，婚后育有一子李小某。双方因家庭琐事及家务分担长期发生矛盾，自2025年起分居，申请人起诉离婚。',
    claims:
      '请求判令双方离婚；婚生子李小某由申请人抚养，被申请人支付抚养费；依法分割夫妻共同财产。',
    village: '胶西镇胶西村',
    receivedAt: '2026-11-02T01:00:00.000Z',
    acceptedAt: '2026-11-05T02:00:00.000Z',
    deadlineAt: '2026-12-05T15:59:59.000Z',
    closedAt: '2026-11-30T08:00:00.000Z',
    result: 'divorce_agreed',
    route: 'court_mediation_document',
    closureReason: null,
  },
  parties: [
    {
      id: 'a0000000-0000-4000-8000-000000000001',
      role: 'applicant',
      name: '张某某',
      gender: 'female',
      birthDate: '1990-03-15',
      ethnicity: '汉',
      occupation: '农民',
      idNumber: '370281199003150248',
      phone: '13800000001',
      address: '山东省胶州市胶西镇胶西村12号',
    },
    {
      id: 'a0000000-0000-4000-8000-000000000002',
      role: 'respondent',
      name: '李某某',
      gender: 'male',
      birthDate: '1988-06-12',
      ethnicity: '汉',
      occupation: '个体经营者',
      idNumber: '370281198806120155',
      phone: '13900000002',
      address: '山东省胶州市胶西镇杜村8号',
    },
  ],
  children: [
    {
      id: 'c0000000-0000-4000-8000-000000000001',
      name: '李小某',
      gender: 'male',
      birthDate: '2016-05-01',
    },
  ],
  mediator: { name: '王秀英', title: '村妇代会主任、人民调解员' },
  organization: '胶西镇婚姻家庭纠纷人民调解委员会',
  clerk: { name: '赵书记员', phone: '0532-87210000' },
};

const agreement = {
  effectiveAt: '2026-11-28T02:00:00.000Z',
  form: 'written',
  children: [
    {
      childId: 'c0000000-0000-4000-8000-000000000001',
      custody: 'applicant',
      heard: true,
      support: {
        amount: '1500.00',
        frequency: 'monthly',
        method: 'bank_transfer',
        until: '2034-05-01',
      },
      visitation:
        '被申请人可于每月第一、第三个周末探望婚生子，周六上午九时接走，周日下午五时前送回；寒暑假期间被申请人可连续探望七日，具体时间由双方提前一周协商确定',
      handover: '在申请人住所交接，申请人应予以协助',
    },
  ],
  property: [
    { item: '位于胶州市胶西镇胶西村的宅基地房屋一处', to: 'applicant', value: '300000.00' },
    { item: '鲁B·12345小型轿车一辆', to: 'respondent', value: '45000.00' },
    { item: '双方名下银行存款共计人民币四万八千元，双方各分得一半', to: 'both', value: '48000.00' },
  ],
  debts: [{ item: '婚后为经营向亲友所借款项', bornBy: 'respondent', amount: '24000.00' }],
  housing: '申请人与婚生子居住于上述宅基地房屋，被申请人于协议生效后三十日内搬出',
  houseworkCompensation: { amount: '20000.00', payer: 'respondent' },
  performance:
    '被申请人应于协议生效后十五日内一次性支付家务补偿款，抚养费于每月五日前支付至申请人指定的银行账户；车辆及存款于协议生效后十日内交付、分割完毕。',
  breach:
    '任何一方未按本协议履行的，另一方可以依法申请强制执行或向人民法院提起诉讼；逾期支付款项的，按全国银行间同业拆借中心公布的贷款市场报价利率支付逾期利息。',
};

/** The demo data for `type`, ID numbers masked where the service masks them. */
export function demoData(type: DocumentType): DocumentData {
  const parties = DOCUMENT_RULES[type].fullIdNumbers
    ? base.parties
    : base.parties.map((p) => ({ ...p, idNumber: maskIdNumber(p.idNumber) }));
  return demoFor(type, { ...base, parties, type });
}

function demoFor(type: DocumentType, d: DocumentData): DocumentData {
  switch (type) {
    case 'referral_letter':
      return { ...d, case: { ...d.case, closedAt: null, result: null, route: null } };
    case 'rights_notice':
      return { ...d, partyId: base.parties[0].id };
    case 'session_record':
      return {
        ...d,
        session: {
          scheduledAt: '2026-11-25T01:30:00.000Z',
          location: '胶西镇百合调解室',
          mode: 'in_person',
          format: 'joint',
          record: {
            startedAt: '2026-11-25T01:30:00.000Z',
            endedAt: '2026-11-25T03:00:00.000Z',
            attendees: [
              { name: '张某某', role: 'applicant' },
              { name: '李某某', role: 'respondent' },
              { name: '王法官', role: 'judge' },
            ],
            noteTaker: '刘记录',
            matters: '离婚意愿、子女抚养、探望安排及夫妻共同财产分割',
            statements: [
              {
                side: 'applicant',
                text: '我坚持离婚。孩子一直跟我生活，要求孩子随我生活，对方每月支付抚养费。',
              },
              {
                side: 'respondent',
                text: '同意离婚，同意孩子随女方生活，愿每月支付抚养费一千五百元，但要求每月能探望两次。',
              },
            ],
            result: '双方就离婚、子女抚养及探望达成一致意见，财产分割待下次调解确定。',
            nextSteps: '十一月二十八日再次调解，起草调解协议。',
            judgeGuidance: {
              judgeName: '王法官',
              guidance: '释明离婚后子女抚养、探望权行使的相关法律规定。',
            },
          },
        },
      };
    case 'extension_consent':
      return {
        ...d,
        extension: {
          days: 15,
          reason: '双方就财产分割仍需进一步协商，且被申请人近期在外务工',
          previousDeadline: '2026-12-05T15:59:59.000Z',
          newDeadline: '2026-12-20T15:59:59.000Z',
          applicantConsentAt: '2026-12-01T02:00:00.000Z',
          respondentConsentAt: '2026-12-01T06:00:00.000Z',
        },
      };
    case 'mediation_agreement':
    case 'judicial_confirmation_application':
      return {
        ...d,
        outcome: {
          result: type === 'mediation_agreement' ? 'divorce_agreed' : 'ancillary_agreed',
          route:
            type === 'mediation_agreement' ? 'court_mediation_document' : 'judicial_confirmation',
          agreement,
          notes: null,
          undisputedFacts: null,
          submittedAt: '2026-11-28T02:00:00.000Z',
        },
      };
    case 'termination_notice':
      return {
        ...d,
        case: { ...d.case, result: 'no_agreement', route: 'court_filing' },
        outcome: {
          result: 'no_agreement',
          route: 'court_filing',
          agreement: null,
          notes: null,
          undisputedFacts: '双方于2012年登记结婚，婚后育有一子李小某，现随申请人生活。',
          submittedAt: '2026-11-28T02:00:00.000Z',
        },
      };
    case 'follow_up_record':
      return {
        ...d,
        followUp: {
          kind: 'settlement_30',
          dueOn: '2026-12-28',
          visitedAt: '2026-12-28T02:00:00.000Z',
          partyName: '张某某',
          performance: 'performed',
          satisfaction: 5,
          riskSigns: null,
          measures: '提醒被申请人按时支付抚养费',
          visitor: '王秀英',
        },
      };
    case 'case_file':
      return d;
  }
}
