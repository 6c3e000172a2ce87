/**
 * Realistic request bodies for the OpenAPI document (one per operation that takes a body). The
 * ID numbers carry a correct GB 11643 check character; `redocly lint` checks each example
 * against its schema.
 */
const ids = {
  case: '5b0f6c3e-8a41-4c1e-9d2a-3f7e1b9c0a11',
  party: '0c9e2d4f-6b1a-4f3e-8c5d-7a2b1e0f9d22',
  mediator: '9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c33',
  village: '3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a644',
  township: '6d7e8f90-a1b2-4c3d-9e4f-5a6b7c8d9e55',
  court: '1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a66',
  organization: '8b9c0d1e-2f3a-4b4c-9d5e-6f7a8b9c0d77',
  child: '2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c88',
  followUp: '4c5d6e7f-8a9b-4c0d-8e1f-2a3b4c5d6e99',
  session: '7e8f9a0b-1c2d-4e3f-9a4b-5c6d7e8f9aa0',
};

export const EXAMPLE_IDS = ids;

export const EXAMPLES = {
  login: { username: 'zhangmm', password: 'Tiaojie-2026-chun' },
  refresh: { refreshToken: 'rt_9c2f0d4e5b6a47e1a3c8d7f6e5b4a3c2.5f1e2d3c4b5a69788796a5b4c3d2e1f0' },
  createCase: {
    courtReference: '（2026）鲁0281民诉前调501号',
    mediationKind: 'pre_filing',
    disputeType: 'divorce',
    source: 'court_referral',
    summary: '双方于2015年登记结婚，育有一子，现因长期分居、感情不和，原告起诉离婚。',
    claims: '请求判决离婚；婚生子由原告抚养，被告每月支付抚养费1500元；依法分割夫妻共同财产。',
    receivedAt: '2026-11-02T09:30:00+08:00',
    regionId: ids.village,
    parties: [
      {
        role: 'applicant',
        name: '张某某',
        gender: 'female',
        idNumber: '370281199007153629',
        phone: '13812345678',
        address: '山东省胶州市胶西镇某某村12号',
      },
      {
        role: 'respondent',
        name: '李某某',
        gender: 'male',
        idNumber: '370281198803124517',
        phone: '13987654321',
      },
    ],
    children: [
      { name: '李某', gender: 'male', birthDate: '2017-05-20', residence: 'with_applicant' },
    ],
  },
  updateCase: {
    version: 3,
    summary: '双方于2015年登记结婚，育有一子，现因长期分居、感情不和，原告起诉离婚。',
  },
  search: { idNumber: '370281199007153629' },
  consent: {
    version: 2,
    partyId: ids.party,
    decision: 'consented',
    method: 'signed_form',
    recordedAt: '2026-11-03T10:00:00+08:00',
  },
  screening: {
    version: 3,
    partyId: ids.party,
    answers: {
      physicalViolence: false,
      threats: false,
      coerciveControl: false,
      fearOfOtherParty: false,
      childrenAtRisk: false,
      protectionOrderInForce: false,
    },
    recommendation: 'joint',
    notes: '双方均愿意面对面调解',
  },
  versioned: { version: 4 },
  reason: { version: 5, reason: '申请人撤回调解申请，拟直接诉讼' },
  assign: { version: 4, mediatorId: ids.mediator, note: '调解员与当事人同村，熟悉情况' },
  extension: {
    version: 8,
    days: 15,
    reason: '双方对财产分割仍有分歧，同意延长调解期限',
    applicantConsentAt: '2026-11-25T15:00:00+08:00',
    applicantConsentMethod: 'signed_form',
    respondentConsentAt: '2026-11-25T15:10:00+08:00',
    respondentConsentMethod: 'signed_form',
  },
  outcome: {
    version: 12,
    result: 'divorce_agreed',
    route: 'judicial_confirmation',
    agreement: {
      effectiveAt: '2026-11-28T16:00:00+08:00',
      form: 'written',
      children: [
        {
          childId: ids.child,
          custody: 'applicant',
          support: { amount: '1500.00', frequency: 'monthly', method: '银行转账' },
          visitation: '被告每月可探望两次，每次不超过两天',
        },
      ],
      property: [{ item: '胶西镇某某村住房一处', to: 'applicant' }],
      performance: '被告于每月5日前支付抚养费',
    },
    notes: '双方自愿达成离婚协议',
  },
  review: { version: 13, decision: 'approve', comment: '协议内容合法，同意结案' },
  courtFiling: {
    version: 14,
    courtCaseNumber: '（2026）鲁0281民初1234号',
    filedAt: '2026-12-01T09:00:00+08:00',
  },
  judicialConfirmation: {
    version: 14,
    appliedAt: '2026-12-01T09:00:00+08:00',
    acceptedAt: '2026-12-02T09:00:00+08:00',
  },
  registryDivorce: { version: 14, appliedAt: '2026-12-03T09:00:00+08:00' },
  followUp: {
    version: 15,
    followUpId: ids.followUp,
    visitedAt: '2026-12-28T10:00:00+08:00',
    partyId: ids.party,
    performance: 'performed',
    satisfaction: 5,
  },
  reveal: { field: 'phone', reason: '电话通知当事人调解时间' },
  schedule: {
    version: 6,
    scheduledAt: '2026-11-10T09:30:00+08:00',
    durationMinutes: 90,
    location: '胶西镇人民调解室',
    mode: 'in_person',
    format: 'joint',
  },
  reschedule: {
    version: 7,
    scheduledAt: '2026-11-12T14:00:00+08:00',
    location: '胶西镇人民调解室',
  },
  record: {
    version: 7,
    startedAt: '2026-11-10T09:30:00+08:00',
    endedAt: '2026-11-10T11:00:00+08:00',
    attendees: [
      { name: '张某某', role: 'applicant' },
      { name: '李某某', role: 'respondent' },
      { name: '王某某', role: 'mediator' },
    ],
    noteTaker: '赵某某',
    matters: '离婚、子女抚养及财产分割',
    statements: [
      { side: 'applicant', text: '要求离婚，孩子由我抚养。' },
      { side: 'respondent', text: '同意离婚，愿意每月支付抚养费。' },
    ],
    result: '双方就离婚及子女抚养达成初步一致',
    nextSteps: '下次会谈商议财产分割',
  },
  cancel: { version: 7, reason: '被申请人临时外出务工，无法到场' },
  smsPreferences: { smsOptOut: false, smsDetailsAllowed: true },
  createUser: {
    username: 'wangmm',
    password: 'Tiaojie-2026-chun',
    displayName: '王某某',
    role: 'mediator',
    regionId: ids.village,
    organizationId: ids.organization,
    phone: '13812345678',
  },
  updateUser: { displayName: '王某某', active: true },
  updateMediator: {
    title: '村妇联主席',
    villageIds: [ids.village],
    specialities: ['divorce', 'custody'],
    maxActiveCases: 8,
  },
  training: {
    title: '反家庭暴力法与调解实务',
    heldOn: '2026-10-15',
    hours: 4,
    topics: ['domestic_violence', 'mediation_skills'],
  },
  conflict: { caseId: ids.case, reason: 'kin', note: '与申请人系表姐妹' },
  createRegion: { code: '370281105000', name: '胶西镇', level: 'township', parentId: ids.township },
  importRegions:
    'code,name,level,parentCode\n370281105000,胶西镇,township,370281000000\n370281105201,某某村,village,370281105000',
  createOrganization: {
    name: '胶州市婚姻家庭纠纷人民调解委员会',
    regionId: ids.township,
    rooms: ['胶西镇人民调解室'],
  },
  createCourt: { code: 'J37', name: '胶州市人民法院', regionId: ids.township },
  issueDocument: { type: 'session_record', sessionId: ids.session },
} as const;
