import type { components } from '../../api/schema';

export type Role = components['schemas']['UserView']['role'];
export type RegionLevel = components['schemas']['RegionView']['level'];

export const ROLE_LABELS: Record<Role, string> = {
  admin: '管理员',
  clerk: '书记员',
  mediator: '调解员',
  supervisor: '督导',
  sentinel: '哨点信息员',
};

export const LEVEL_LABELS: Record<RegionLevel, string> = {
  city: '市',
  county: '县（区）',
  township: '镇（街道）',
  village: '村（社区）',
};

/** The level a child of each level has (the tree is city › county › township › village). */
export const CHILD_LEVEL: Record<RegionLevel, RegionLevel | null> = {
  city: 'county',
  county: 'township',
  township: 'village',
  village: null,
};

/** What each audited action reads as; an unknown one is shown by its code. */
export const ACTION_LABELS: Record<string, string> = {
  'auth.login_succeeded': '登录成功',
  'auth.login_failed': '登录失败',
  'auth.logout': '退出登录',
  'auth.refresh_reuse_detected': '检测到刷新令牌被重复使用',
  'access.denied': '越权访问被拒绝',
  'user.created': '创建用户',
  'user.updated': '修改用户',
  'user.disabled': '停用用户',
  'user.bootstrap_admin_created': '创建初始管理员',
  'region.created': '新增行政区划',
  'region.imported': '导入行政区划',
  'region.deleted': '删除行政区划',
  'court.created': '新增法院',
  'court.updated': '修改法院',
  'organization.created': '新增调解组织',
  'organization.updated': '修改调解组织',
  'mediator.updated': '修改调解员名册',
  'mediator.training_added': '登记培训',
  'mediator.conflict_declared': '申报利益冲突',
  'party.revealed': '查看当事人完整信息',
  'party.sms_preferences_changed': '修改短信提醒设置',
  'case.created': '登记案件',
  'case.updated': '修改案件信息',
  'case.searched': '检索案件',
  'case.consent_recorded': '记录当事人同意调解',
  'case.consent_refused': '记录当事人拒绝调解',
  'case.screening_recorded': '记录安全评估',
  'case.closed_unsuitable': '不适宜调解结案',
  'case.referred': '委派调解',
  'case.withdrawn': '撤回申请',
  'case.assigned': '指派调解员',
  'case.reassigned': '改派调解员',
  'case.accepted': '调解员接收案件',
  'case.declined': '调解员拒绝接收',
  'case.recused': '调解员回避',
  'case.extended': '延长调解期限',
  'case.expired': '调解期限届满结案',
  'case.outcome_submitted': '提交调解结果',
  'case.outcome_returned': '退回调解结果',
  'case.closed': '审核通过结案',
  'case.court_filing_recorded': '记录立案',
  'case.judicial_confirmation_recorded': '记录司法确认',
  'case.registry_divorce_recorded': '记录登记离婚',
  'case.follow_up_scheduled': '安排回访',
  'case.follow_up_recorded': '记录回访',
  'session.scheduled': '安排调解',
  'session.rescheduled': '改期调解',
  'session.recorded': '记录调解笔录',
  'session.cancelled': '取消调解',
  'session.no_show': '记录当事人未到场',
  'document.issued': '出具文书',
  'document.downloaded': '下载文书',
};

export const actionLabel = (action: string): string => ACTION_LABELS[action] ?? action;

export const ENTITY_LABELS: Record<string, string> = {
  user: '用户',
  region: '行政区划',
  court: '法院',
  organization: '调解组织',
  mediator: '调解员',
  case: '案件',
  party: '当事人',
  session: '调解',
  document: '文书',
  auth: '登录',
};

export const entityLabel = (type: string): string => ENTITY_LABELS[type] ?? type;

/** Field names in audit snapshots, as a person reads them. */
export const FIELD_LABELS: Record<string, string> = {
  id: '编号',
  username: '用户名',
  displayName: '姓名',
  role: '角色',
  courtId: '所属法院',
  regionId: '所在地区',
  organizationId: '所属调解组织',
  phone: '手机号',
  active: '状态',
  lastLoginAt: '最近登录',
  createdAt: '创建时间',
  passwordChanged: '已重置密码',
  code: '代码',
  designator: '案号代字',
  name: '名称',
  level: '级别',
  parentId: '上级区划',
  path: '区划路径',
  rooms: '调解室',
  field: '查看的字段',
  reason: '理由',
  status: '状态',
  version: '版本',
};

/** The revealable fields of a party (POST /parties/:id/reveal). */
export const REVEAL_FIELD_LABELS: Record<string, string> = {
  idNumber: '身份证号码',
  phone: '手机号',
  address: '住址',
};
