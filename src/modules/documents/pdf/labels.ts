// Chinese names of the service's enumerations, as printed on documents.
import type { PartyData } from '../document-data.js';

const LABELS: Record<string, Record<string, string>> = {
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
};

/** The Chinese label of `value` in `group`, or the value itself when there is none. */
export function label(
  group: keyof typeof LABELS | string,
  value: string | null | undefined,
): string {
  if (value === null || value === undefined) return '';
  return LABELS[group]?.[value] ?? value;
}

export const roleName = (role: string): string => label('side', role);

/** `1990年3月15日` */
export function plainDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** A party's particulars in one sentence, as the head of a Chinese legal document gives them. */
export function particulars(p: PartyData, options: { contact?: boolean } = {}): string {
  const parts = [
    p.name,
    label('gender', p.gender),
    `${plainDate(p.birthDate)}出生`,
    p.ethnicity ? `${p.ethnicity.replace(/族$/, '')}族` : null,
    p.occupation,
    `公民身份号码${p.idNumber}`,
    p.address ? `住${p.address}` : null,
    options.contact !== false && p.phone ? `联系电话${p.phone}` : null,
  ];
  return `${parts.filter(Boolean).join('，')}。`;
}
