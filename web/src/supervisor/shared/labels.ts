/** The Chinese words for the API's codes, as the supervisor reads them. */
export const DISPUTE_TYPES: Record<string, string> = {
  divorce: '离婚',
  custody: '子女抚养',
  child_support: '抚养费',
  visitation: '探望权',
  property: '财产分割',
  elder_support: '赡养',
  other: '其他',
};

export const RESULTS: Record<string, string> = {
  reconciled: '和好',
  divorce_agreed: '协议离婚',
  ancillary_agreed: '附带事项达成协议',
  no_agreement: '未达成协议',
  withdrawn: '撤回',
  refused: '拒绝调解',
  unsuitable: '不适宜调解',
  expired: '期满未结',
};

export const ROUTES: Record<string, string> = {
  court_filing: '转立案',
  court_mediation_document: '法院出具民事调解书',
  registry_divorce: '民政登记协议离婚',
  judicial_confirmation: '申请司法确认',
  none: '无后续程序',
};

export const PARTY_ROLES: Record<string, string> = {
  applicant: '申请人',
  respondent: '被申请人',
  both: '双方',
  joint: '共同',
  judge: '法官',
  mediator: '调解员',
  note_taker: '记录人',
  other: '其他',
};

export const MODES: Record<string, string> = { in_person: '当面', phone: '电话', video: '视频' };
export const FORMATS: Record<string, string> = { joint: '共同调解', shuttle: '背对背调解' };
export const FREQUENCIES: Record<string, string> = {
  monthly: '每月',
  quarterly: '每季度',
  yearly: '每年',
  lump_sum: '一次性',
};

export const CONFLICT_REASONS: Record<string, string> = {
  kin: '亲属关系',
  same_household: '同住一户',
  party_request: '当事人申请回避',
  other: '其他',
};

export const DIMENSIONS: Record<string, string> = {
  township: '乡镇',
  village: '村',
  mediator: '调解员',
  court: '法院',
  disputeType: '纠纷类型',
  month: '月份',
  dvFlag: '是否涉家暴',
};

export const label = (table: Record<string, string>, code: string | null | undefined): string =>
  code ? (table[code] ?? code) : '';

/** 0.6667 → 66.7%; a rate over nothing is "—". */
export const percent = (value: number | null | undefined): string =>
  value === null || value === undefined ? '—' : `${(value * 100).toFixed(1)}%`;

export const TRAINING_TOPICS: Record<string, string> = {
  domestic_violence: '反家庭暴力',
  family_law: '婚姻家庭法',
  child_protection: '未成年人保护',
  mediation_skills: '调解技巧',
  psychology: '心理疏导',
  other: '其他',
};
