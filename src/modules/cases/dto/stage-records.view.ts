import { ApiProperty } from '@nestjs/swagger';

/** OpenAPI shapes of StageRecords (case-detail.ts): each later stage's records in a case's detail. */

const date = { type: String, format: 'date-time', nullable: true } as const;

export class AssignmentEntryView {
  @ApiProperty({ format: 'uuid' }) mediatorId: string;
  @ApiProperty({ format: 'date-time' }) assignedAt: string;
  @ApiProperty(date) acceptedAt: string | null;
  @ApiProperty(date) endedAt: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'declined、recused、reassigned 或 closed',
  })
  endReason: string | null;
}

export class ExtensionEntryView {
  @ApiProperty({ example: 15 }) days: number;
  @ApiProperty() reason: string;
  @ApiProperty({ format: 'date-time' }) previousDeadline: string;
  @ApiProperty({ format: 'date-time' }) newDeadline: string;
}

export class OutcomeEntryView {
  @ApiProperty() result: string;
  @ApiProperty() route: string;
  @ApiProperty({
    type: Object,
    nullable: true,
    description: '调解协议的内容（见 OutcomeDto.agreement）',
  })
  agreement: object | null;
  @ApiProperty({ type: String, nullable: true }) notes: string | null;
  @ApiProperty({ format: 'date-time' }) submittedAt: string;
  @ApiProperty({ type: String, nullable: true, description: 'approve 或 return；未审核为 null' })
  reviewDecision: string | null;
  @ApiProperty({ type: String, nullable: true }) reviewComment: string | null;
}

export class TrackingView {
  @ApiProperty({ type: String, nullable: true, example: '（2026）鲁0281民初1234号' })
  courtCaseNumber: string | null;
  @ApiProperty(date) filedAt: string | null;
  @ApiProperty(date) jcAppliedAt: string | null;
  @ApiProperty(date) jcAcceptedAt: string | null;
  @ApiProperty(date) jcDecidedAt: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'confirmed、rejected 或 withdrawn' })
  jcResult: string | null;
  @ApiProperty({ type: String, nullable: true }) jcRulingNumber: string | null;
  @ApiProperty(date) registryAppliedAt: string | null;
  @ApiProperty(date) registryCertificateAt: string | null;
  @ApiProperty({ description: '法院受理司法确认申请已超过 3 天' }) jcAcceptanceOverdue: boolean;
  @ApiProperty({ description: '受理后超过 15 天仍未裁定' }) jcDecisionOverdue: boolean;
  @ApiProperty({ ...date, description: '协议离婚冷静期届满' }) registryCoolingOffEndsAt:
    string | null;
  @ApiProperty({ ...date, description: '应领取离婚证的期限' }) registryCertificateDueAt:
    string | null;
}

export class DocumentEntryView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() type: string;
  @ApiProperty({ example: '调解协议书' }) title: string;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) issuedAt: string;
  @ApiProperty(date) supersededAt: string | null;
}

export class FollowUpEntryView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['settlement_30', 'settlement_90', 'dv_7', 'ad_hoc'] }) kind: string;
  @ApiProperty({ format: 'date', example: '2026-12-28' }) dueOn: string;
  @ApiProperty(date) visitedAt: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'performed、partial 或 breached' })
  performance: string | null;
  @ApiProperty({ type: Number, nullable: true }) satisfaction: number | null;
}
