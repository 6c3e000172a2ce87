// The Chinese names of the service's enumerations, in one place: the documents print them
// (documents/pdf/labels.ts reads them from here) and the messages show them
// (`{{status, caseStatus}}`).

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
    sentinel: '哨点信息员',
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
  /** The same, short, as a statistics table's row heads. */
  disputeTypeShort: {
    divorce: '离婚',
    custody: '子女抚养',
    child_support: '抚养费',
    visitation: '探望权',
    property: '财产分割',
    elder_support: '赡养',
    other: '其他',
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
  regionLevel: { city: '市', county: '县（区）', township: '乡镇（街道）', village: '村（社区）' },
  sessionStatus: {
    scheduled: '已安排',
    held: '已举行',
    cancelled: '已取消',
    no_show: '当事人未到场',
  },
  caseAction: {
    update_details: '修改案件信息',
    record_consent: '记录调解意愿',
    record_screening: '记录风险筛查',
    refuse_consent: '记录不同意调解',
    mark_unsuitable: '认定不宜调解',
    refer: '委派调解',
    assign: '指派调解员',
    reassign: '改派调解员',
    accept: '接受指派',
    decline: '拒绝指派',
    recuse: '申请回避',
    extend: '延长调解期限',
    schedule_session: '安排调解',
    record_session: '记录调解笔录',
    submit_outcome: '提交调解结果',
    approve: '审核通过',
    return: '退回调解结果',
    withdraw: '撤回调解申请',
    expire: '期满结案',
    record_court_filing: '登记转立案',
    record_judicial_confirmation: '登记司法确认',
    record_follow_up: '记录回访',
  },
} as const satisfies Record<string, Record<string, string>>;

export type LabelGroup = keyof typeof LABELS;

/** The Chinese label of `value` in `group`, or the value itself when there is none. */
export function label(group: LabelGroup | string, value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  return (LABELS as Record<string, Record<string, string>>)[group]?.[value] ?? value;
}
