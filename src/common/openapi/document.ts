import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

/** Every tag the controllers use, with what it covers (a tag used and not here fails the e2e test). */
export const API_TAGS: Record<string, string> = {
  auth: '登录、刷新令牌、退出与当前用户',
  users: '用户账号（管理员）',
  regions: '行政区划：市、县（区）、乡镇（街道）、村（社区）',
  organizations: '调解组织与妇联；哨点（妇女微家、执委工作室、个人调解室）及其关注的村',
  courts: '法院及其管辖范围',
  mediators: '调解员名册：资质、培训、回避',
  cases: '诉前调解案件：登记、同意与安全评估、委派、受理、结果、审核与结案后跟踪',
  sessions: '调解会次与调解笔录',
  documents: '文书：调解协议书、笔录等 PDF',
  reminders: '案件提醒与当事人短信偏好',
  notifications: '站内通知',
  'sentinel-reports': '哨点上报的矛盾纠纷线索：上报、查看与督导审核',
  stats: '统计、导出与工作月报',
  audit: '审计日志',
  health: '存活与就绪检查',
  metrics: 'Prometheus 指标（仅限内网）',
};

const PUBLIC_SECURITY: [] = [];

/**
 * The OpenAPI document of the app: bearer tokens required at the root, `security: []` on the
 * operations open to anyone (no route declares Access without ApiBearerAuth), servers relative
 * to the host that serves the document.
 */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('诉前家事调解案件服务 (Family mediation case service)')
    .setDescription(
      '法院诉前家事调解：委派、同意与安全评估、指派调解员、调解会次、调解结果、文书、提醒与统计。' +
        '所有错误均为 application/problem+json，带稳定的 `code`（见各操作的错误响应）。',
    )
    .setVersion('1')
    .setLicense('UNLICENSED', 'https://mediation.example/license')
    .addServer('/', '提供本文档的服务')
    .addBearerAuth()
    .addSecurityRequirements('bearer');
  for (const [name, description] of Object.entries(API_TAGS)) builder.addTag(name, description);
  const document = SwaggerModule.createDocument(app, builder.build(), {
    operationIdFactory: (controller, method) =>
      `${controller.replace(/Controller$/, '')}_${method}`,
  });
  for (const item of Object.values(document.paths)) {
    for (const method of ['get', 'put', 'post', 'patch', 'delete'] as const) {
      const operation = item[method];
      if (operation && !operation.security) operation.security = PUBLIC_SECURITY;
    }
  }
  return document;
}
