// The Chinese names of the service's enumerations, in one place: the documents print them and
// the messages show them (`{{status, caseStatus}}`).

export const LABELS = {
  caseStatus: {
    received: '已收案',
    referred: '已委派',
    assigned: '已指派调解员',
    in_mediation: '调解中',
    pending_review: '待审核',
    closed: '已结案',
  },
  role: {
    admin: '系统管理员',
    supervisor: '督导',
    clerk: '法院立案人员',
    mediator: '调解员',
  },
  documentType: {
    referral_letter: '委派调解函',
    rights_notice: '诉前调解告知书',
    session_record: '调解笔录',
    extension_consent: '延长调解期限同意书',
    mediation_agreement: '调解协议书',
    termination_notice: '调解终结告知书',
    judicial_confirmation_application: '司法确认申请书',
    follow_up_record: '回访记录',
    case_file: '卷宗',
  },
  disputeType: {
    divorce: '离婚纠纷',
    custody: '抚养权纠纷',
    child_support: '抚养费纠纷',
    visitation: '探望权纠纷',
    property: '婚姻家庭财产纠纷',
    elder_support: '赡养纠纷',
    other: '婚姻家庭纠纷',
  },
  mediationKind: { pre_filing: '诉前委派调解', entrusted: '诉中委托调解' },
  result: {
    reconciled: '和好',
    divorce_agreed: '达成离婚协议',
    ancillary_agreed: '就抚养、探望或财产达成协议',
    no_agreement: '未达成调解协议',
    withdrawn: '申请人撤回调解申请',
    refused: '当事人不同意调解',
    unsuitable: '经评估不宜调解',
    expired: '调解期限届满未达成协议',
  },
  route: {
    none: '无需后续程序',
    court_mediation_document: '由人民法院出具民事调解书',
    registry_divorce: '至婚姻登记机关办理协议离婚',
    judicial_confirmation: '申请司法确认',
    court_filing: '转人民法院立案',
  },
  mode: { in_person: '现场', phone: '电话', video: '视频' },
  format: { joint: '面对面调解', shuttle: '背对背调解' },
  attendeeRole: {
    applicant: '申请人',
    respondent: '被申请人',
    mediator: '调解员',
    judge: '法官',
    agent: '代理人',
    relative: '亲属',
    interpreter: '翻译人员',
    other: '其他人员',
  },
  side: { applicant: '申请人', respondent: '被申请人', other: '其他', both: '双方' },
  custody: { applicant: '申请人', respondent: '被申请人', joint: '双方共同' },
  frequency: { monthly: '每月', quarterly: '每季度', yearly: '每年', lump_sum: '一次性' },
  method: { bank_transfer: '银行转账', cash: '现金', wechat: '微信转账', alipay: '支付宝转账' },
  performance: { performed: '已履行', partial: '部分履行', breached: '未履行' },
  followUpKind: {
    settlement_30: '协议生效后30日回访',
    settlement_90: '协议生效后90日回访',
    dv_7: '结案后7日安全回访',
    ad_hoc: '临时回访',
  },
  gender: { female: '女', male: '男' },
} as const satisfies Record<string, Record<string, string>>;

export type LabelGroup = keyof typeof LABELS;

/** The Chinese label of `value` in `group`, or the value itself when there is none. */
export function label(group: LabelGroup | string, value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  return (LABELS as Record<string, Record<string, string>>)[group]?.[value] ?? value;
}
