/** What the clerk reads for each value the API sends (Chinese; codes never shown). */
export const DISPUTE_TYPES = {
  divorce: '离婚纠纷',
  custody: '抚养权纠纷',
  child_support: '抚养费纠纷',
  visitation: '探望权纠纷',
  property: '婚姻财产纠纷',
  elder_support: '赡养纠纷',
  other: '其他家事纠纷',
} as const;

export const SOURCES = {
  court_referral: '法院委派',
  party_application: '当事人申请',
  sentinel_report: '妇联信息员报送',
  other: '其他',
} as const;

export const KINDS = {
  pre_filing: '诉前委派调解（30日）',
  entrusted: '立案后委托调解（15日）',
} as const;

export const GENDERS = { female: '女', male: '男' } as const;

export const PARTY_ROLES: Record<string, string> = { applicant: '申请人', respondent: '被申请人' };

export const RESIDENCE = {
  with_applicant: '随申请人生活',
  with_respondent: '随被申请人生活',
  with_both: '轮流随双方生活',
  with_relatives: '随亲属生活',
  other: '其他',
} as const;

export const CONSENT_DECISIONS: Record<string, string> = {
  consented: '同意调解',
  refused: '拒绝调解',
};

export const CONSENT_METHODS = {
  signed_form: '签署书面同意书',
  phone: '电话确认',
  in_person: '当面确认',
  other: '其他方式',
} as const;

export const RECOMMENDATIONS: Record<string, string> = {
  joint: '可面对面调解',
  shuttle: '背对背调解',
  not_suitable: '不适宜调解',
};

export const SCREENING_QUESTIONS = {
  physicalViolence: '是否遭受过对方的身体暴力？',
  threats: '对方是否有过威胁、恐吓？',
  coerciveControl: '对方是否限制人身自由、经济或社交（控制行为）？',
  fearOfOtherParty: '是否害怕与对方见面？',
  childrenAtRisk: '子女是否面临人身危险？',
  protectionOrderInForce: '是否已有人身安全保护令？',
} as const;

export const RESULTS: Record<string, string> = {
  reconciled: '和好',
  divorce_agreed: '达成离婚协议',
  ancillary_agreed: '达成抚养/探望/财产协议',
  no_agreement: '未达成协议',
  withdrawn: '申请人撤回',
  refused: '当事人拒绝调解',
  unsuitable: '不适宜调解',
  expired: '调解期限届满',
};

export const ROUTES: Record<string, string> = {
  court_filing: '转立案',
  court_mediation_document: '法院出具民事调解书',
  registry_divorce: '婚姻登记机关协议离婚',
  judicial_confirmation: '申请司法确认',
  none: '无需后续程序',
};

export const label = (map: Record<string, string>, value: string | null | undefined): string =>
  value ? (map[value] ?? value) : '';

/** Timeline entries: the audit action in words (the API's `text` line is English). */
export const ACTIONS: Record<string, string> = {
  'case.created': '登记收案',
  'case.updated': '修改案件信息',
  'case.consent_recorded': '记录当事人同意调解',
  'case.consent_refused': '当事人拒绝调解，案件终结',
  'case.screening_recorded': '完成安全评估',
  'case.closed_unsuitable': '评估为不适宜调解，案件终结',
  'case.referred': '委派调解',
  'case.assigned': '指派调解员',
  'case.reassigned': '改派调解员',
  'case.accepted': '调解员接收，调解期限起算',
  'case.declined': '调解员退回',
  'case.recused': '调解员回避',
  'case.extended': '延长调解期限',
  'case.outcome_submitted': '提交调解结果',
  'case.outcome_returned': '调解结果退回修改',
  'case.closed': '结案',
  'case.expired': '调解期限届满，自动结案',
  'case.withdrawn': '申请人撤回',
  'case.court_filing_recorded': '登记立案',
  'case.judicial_confirmation_recorded': '登记司法确认',
  'case.registry_divorce_recorded': '登记协议离婚',
  'case.follow_up_scheduled': '安排回访',
  'case.follow_up_recorded': '记录回访',
  'session.scheduled': '安排调解',
  'session.rescheduled': '调整调解时间',
  'session.recorded': '记录调解笔录',
  'session.cancelled': '取消调解',
  'document.issued': '出具文书',
  'document.downloaded': '下载文书',
  'party.revealed': '查看当事人完整信息',
};

export const ROLE_NAMES: Record<string, string> = {
  clerk: '书记员',
  mediator: '调解员',
  supervisor: '督导',
  admin: '管理员',
};
