/** The Chinese words for the API's codes, as a mediator reads them. */
export const DISPUTE_TYPE: Record<string, string> = {
  divorce: '离婚纠纷',
  custody: '抚养纠纷',
  child_support: '抚养费纠纷',
  visitation: '探望权纠纷',
  property: '财产纠纷',
  elder_support: '赡养纠纷',
  other: '其他家事纠纷',
};

export const MEDIATION_KIND: Record<string, string> = {
  pre_filing: '诉前委派调解',
  entrusted: '诉中委托调解',
};

export const PARTY_ROLE: Record<string, string> = {
  applicant: '申请人',
  respondent: '被申请人',
};

export const SESSION_MODE: Record<string, string> = {
  in_person: '当面',
  phone: '电话',
  video: '视频',
};

export const SESSION_FORMAT: Record<string, string> = {
  joint: '面对面调解',
  shuttle: '背对背调解',
};

export const SESSION_STATUS: Record<string, string> = {
  scheduled: '已安排',
  held: '已举行',
  cancelled: '已取消',
  no_show: '当事人未到场',
};

export const RESULT: Record<string, string> = {
  reconciled: '和好',
  divorce_agreed: '达成离婚协议',
  ancillary_agreed: '就抚养、探望或财产达成协议',
  no_agreement: '未达成协议',
  withdrawn: '申请人撤回',
  refused: '当事人拒绝调解',
  unsuitable: '不适宜调解',
  expired: '超期未结',
};

export const ROUTE: Record<string, string> = {
  none: '无需后续程序',
  court_mediation_document: '法院出具民事调解书',
  registry_divorce: '到婚姻登记机关协议离婚',
  judicial_confirmation: '申请司法确认',
  court_filing: '转法院立案',
};

export const FOLLOW_UP_KIND: Record<string, string> = {
  settlement_30: '结案后30天回访',
  settlement_90: '结案后90天回访',
  dv_7: '家暴案件结案后7天回访',
  ad_hoc: '临时回访',
};

export const PERFORMANCE: Record<string, string> = {
  performed: '已履行',
  partial: '部分履行',
  breached: '未履行',
};

export const CONSENT_METHOD: Record<string, string> = {
  signed_form: '签署同意书',
  phone: '电话',
  in_person: '当面',
  other: '其他',
};

export const label = (table: Record<string, string>, code: string | null | undefined): string =>
  code ? (table[code] ?? code) : '';
