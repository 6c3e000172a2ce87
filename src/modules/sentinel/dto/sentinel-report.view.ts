import { ApiExtraModels, ApiProperty, getSchemaPath } from '@nestjs/swagger';
import type { FieldCipher } from '../../../common/crypto/field-cipher.js';
import { DISPUTE_TYPES, type DisputeType } from '../../cases/case.entity.js';
import {
  REPORT_PARTY_ROLES,
  type ReportPartyRole,
  type SentinelReport,
  type SentinelReportParty,
} from '../sentinel-report.entity.js';
import {
  REPORT_OUTCOMES,
  REPORT_STATUSES,
  REVIEW_DECISIONS,
  reviewOverdue,
  RISK_LEVELS,
  type ReportOutcome,
  type ReportStatus,
  type ReviewDecision,
  type RiskAnswers,
  type RiskLevel,
} from '../sentinel-rules.js';
import { RiskAnswersDto } from './sentinel-report.dto.js';

export class ReportPartyView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: REPORT_PARTY_ROLES }) role: ReportPartyRole;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, enum: ['female', 'male', null], nullable: true })
  gender: 'female' | 'male' | null;
  @ApiProperty({ type: String, nullable: true, example: '3702**********3629' })
  idNumberMasked: string | null;
  @ApiProperty({ type: String, nullable: true, example: '138****5678' })
  phoneMasked: string | null;

  static of(p: SentinelReportParty): ReportPartyView {
    return {
      id: p.id,
      role: p.role,
      name: p.name,
      gender: p.gender,
      idNumberMasked: p.idNumberMasked,
      phoneMasked: p.phoneMasked,
    };
  }
}

export class ReportReviewView {
  @ApiProperty({ enum: REVIEW_DECISIONS }) decision: ReviewDecision;
  @ApiProperty() note: string;
  @ApiProperty({ format: 'uuid' }) reviewedBy: string;
  @ApiProperty({ format: 'date-time' }) reviewedAt: string;
}

@ApiExtraModels(ReportReviewView)
export class SentinelReportView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) reporterId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) organizationId: string | null;
  @ApiProperty({ format: 'uuid' }) villageId: string;
  @ApiProperty({ enum: DISPUTE_TYPES }) disputeType: DisputeType;
  @ApiProperty() observed: string;
  @ApiProperty({ type: [ReportPartyView] }) parties: ReportPartyView[];
  @ApiProperty({ type: RiskAnswersDto }) riskAnswers: RiskAnswers;
  @ApiProperty({ description: '任一风险问题为是' }) dvIndicator: boolean;
  @ApiProperty({ enum: RISK_LEVELS }) riskLevel: RiskLevel;
  @ApiProperty({ type: String, nullable: true }) actionTaken: string | null;
  @ApiProperty({ enum: REPORT_OUTCOMES }) outcome: ReportOutcome;
  @ApiProperty({ type: String, nullable: true }) resolutionNote: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) followUpOn: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) caseId: string | null;
  @ApiProperty({ enum: REPORT_STATUSES }) status: ReportStatus;
  @ApiProperty({ format: 'date-time' }) reportedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: '须审核的期限' })
  reviewDueAt: string | null;
  @ApiProperty({ description: '超过期限仍待审核' }) reviewOverdue: boolean;
  // OpenAPI 3.0 has no nullable $ref: one of the two (as a case's tracking).
  @ApiProperty({
    oneOf: [
      { $ref: getSchemaPath(ReportReviewView) },
      { type: 'object', nullable: true, enum: [null] },
    ],
    description: '督导的审核；尚未审核时为 null',
  })
  review: ReportReviewView | null;
  @ApiProperty({ type: 'integer' }) version: number;

  static of(
    cipher: FieldCipher,
    now: Date,
    r: SentinelReport,
    parties: SentinelReportParty[],
  ): SentinelReportView {
    return {
      id: r.id,
      reporterId: r.reporterId,
      organizationId: r.organizationId,
      villageId: r.villageId,
      disputeType: r.disputeType,
      observed: r.observed,
      parties: [...parties].sort((a, b) => a.position - b.position).map(ReportPartyView.of),
      riskAnswers: JSON.parse(cipher.decrypt(r.riskAnswersEncrypted)) as RiskAnswers,
      dvIndicator: r.dvIndicator,
      riskLevel: r.riskLevel,
      actionTaken: r.actionTaken,
      outcome: r.outcome,
      resolutionNote: r.resolutionNote,
      followUpOn: r.followUpOn,
      caseId: r.caseId,
      status: r.status,
      reportedAt: r.reportedAt.toISOString(),
      reviewDueAt: r.reviewDueAt?.toISOString() ?? null,
      reviewOverdue: reviewOverdue(r.status, r.reviewDueAt, now),
      review:
        r.reviewDecision && r.reviewedBy && r.reviewedAt
          ? {
              decision: r.reviewDecision,
              note: r.reviewNote ?? '',
              reviewedBy: r.reviewedBy,
              reviewedAt: r.reviewedAt.toISOString(),
            }
          : null,
      version: r.version,
    };
  }
}
