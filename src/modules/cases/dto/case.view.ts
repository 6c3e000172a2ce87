import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import {
  AssignmentEntryView,
  DocumentEntryView,
  ExtensionEntryView,
  FollowUpEntryView,
  OutcomeEntryView,
  TrackingView,
} from './stage-records.view.js';
import { FamilySummaryView } from './family.view.js';
import type { FieldCipher } from '../../../common/crypto/field-cipher.js';
import { SessionView } from '../sessions/dto/session.dto.js';
import { CASE_STATUSES, type CaseStatus } from '../case-status.js';
import type { Case } from '../case.entity.js';
import type { CaseChild } from '../intake/case-child.entity.js';
import type { CaseConsent } from '../intake/case-consent.entity.js';
import type { CaseScreening } from '../intake/case-screening.entity.js';
import type { Party } from '../intake/party.entity.js';
import { daysLeft } from '../clock/case-clock.js';

/** A case in a list: no children, no screening, parties by name only. */
/** Party names as summaries show them: applicants first, then respondents, each in given order. */
export const partyNamesOf = (parties: Pick<Party, 'name' | 'role'>[]): string[] => [
  ...parties.filter((p) => p.role === 'applicant').map((p) => p.name),
  ...parties.filter((p) => p.role !== 'applicant').map((p) => p.name),
];

/** What a summary is made of: the case's own columns, none of its texts. */
export type CaseSummaryRow = Pick<
  Case,
  | 'id'
  | 'caseNumber'
  | 'courtReference'
  | 'courtId'
  | 'regionId'
  | 'mediationKind'
  | 'disputeType'
  | 'source'
  | 'status'
  | 'result'
  | 'route'
  | 'dvFlag'
  | 'mediatorId'
  | 'receivedAt'
  | 'acceptedAt'
  | 'deadlineAt'
  | 'closedAt'
  | 'version'
  | 'updatedAt'
>;

export class CaseSummaryView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '（2026）鲁0281民诉前调12号' }) caseNumber: string;
  @ApiProperty({ nullable: true, type: String }) courtReference: string | null;
  @ApiProperty({ format: 'uuid' }) courtId: string;
  @ApiProperty({ format: 'uuid' }) regionId: string;
  @ApiProperty() mediationKind: string;
  @ApiProperty() disputeType: string;
  @ApiProperty() source: string;
  @ApiProperty({ enum: CASE_STATUSES }) status: CaseStatus;
  @ApiProperty({ nullable: true, type: String }) result: string | null;
  @ApiProperty({ nullable: true, type: String }) route: string | null;
  @ApiProperty() dvFlag: boolean;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) mediatorId: string | null;
  @ApiProperty({ format: 'date-time' }) receivedAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) acceptedAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) deadlineAt: string | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: '距期限的天数（Asia/Shanghai 自然日）',
  })
  daysLeft: number | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) closedAt: string | null;
  @ApiProperty() version: number;
  @ApiProperty({ type: [String], description: '先申请人，后被申请人' }) partyNames: string[];

  /** `partyNames`: applicants then respondents (see `partyNamesOf`). */
  static of(c: CaseSummaryRow, now: Date, partyNames: string[]): CaseSummaryView {
    return {
      id: c.id,
      caseNumber: c.caseNumber,
      courtReference: c.courtReference,
      courtId: c.courtId,
      regionId: c.regionId,
      mediationKind: c.mediationKind,
      disputeType: c.disputeType,
      source: c.source,
      status: c.status,
      result: c.result,
      route: c.route,
      dvFlag: c.dvFlag,
      mediatorId: c.mediatorId,
      receivedAt: c.receivedAt.toISOString(),
      acceptedAt: c.acceptedAt?.toISOString() ?? null,
      deadlineAt: c.deadlineAt?.toISOString() ?? null,
      daysLeft: c.deadlineAt && c.status !== 'closed' ? daysLeft(c.deadlineAt, now) : null,
      closedAt: c.closedAt?.toISOString() ?? null,
      version: c.version,
      partyNames,
    };
  }
}

export class PartyView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() role: string;
  @ApiProperty() name: string;
  @ApiProperty() gender: string;
  @ApiProperty({ example: '110101********1234' }) idNumber: string;
  @ApiProperty() birthDate: string;
  @ApiProperty({ nullable: true, type: String }) ethnicity: string | null;
  @ApiProperty({ nullable: true, type: String }) occupation: string | null;
  @ApiProperty({ nullable: true, type: String, example: '138****5678' }) phone: string | null;
  @ApiProperty({ description: '住址只能通过 reveal 查看' }) hasAddress: boolean;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) regionId: string | null;

  static of(p: Party): PartyView {
    return {
      id: p.id,
      role: p.role,
      name: p.name,
      gender: p.gender,
      idNumber: p.idNumberMasked,
      birthDate: p.birthDate,
      ethnicity: p.ethnicity,
      occupation: p.occupation,
      phone: p.phoneMasked,
      hasAddress: p.addressEncrypted !== null,
      regionId: p.regionId,
    };
  }
}

export class ChildView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() gender: string;
  @ApiProperty() birthDate: string;
  @ApiProperty() residence: string;

  static of(c: CaseChild): ChildView {
    return {
      id: c.id,
      name: c.name,
      gender: c.gender,
      birthDate: c.birthDate,
      residence: c.residence,
    };
  }
}

export class ConsentView {
  @ApiProperty({ format: 'uuid' }) partyId: string;
  @ApiProperty() decision: string;
  @ApiProperty() method: string;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
  @ApiProperty({ format: 'uuid' }) recordedBy: string;

  static of(c: CaseConsent): ConsentView {
    return {
      partyId: c.partyId,
      decision: c.decision,
      method: c.method,
      recordedAt: c.decidedAt.toISOString(),
      recordedBy: c.recordedBy,
    };
  }
}

export class ScreeningView {
  @ApiProperty({ format: 'uuid' }) partyId: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'boolean' },
    description: '评估问卷；任何一项为 true 即为家暴迹象',
  })
  answers: Record<string, boolean>;
  @ApiPropertyOptional({ nullable: true, type: String }) notes: string | null;
  @ApiProperty() dvIndicator: boolean;
  @ApiProperty() recommendation: string;
  @ApiProperty({ nullable: true, type: Object }) protectionOrderReferral: {
    urgent: boolean;
    referredAt: string;
    rulingDueAt: string;
  } | null;
  @ApiProperty({ format: 'date-time' }) screenedAt: string;

  /** The screening with its answers and notes decrypted. */
  static of(cipher: FieldCipher, s: CaseScreening): ScreeningView {
    const { answers, notes } = JSON.parse(cipher.decrypt(s.answersEncrypted)) as {
      answers: Record<string, boolean>;
      notes: string | null;
    };
    return {
      partyId: s.partyId,
      answers,
      notes,
      dvIndicator: s.dvIndicator,
      recommendation: s.recommendation,
      protectionOrderReferral: s.protectionOrderReferredAt
        ? {
            urgent: Boolean(s.protectionOrderUrgent),
            referredAt: s.protectionOrderReferredAt.toISOString(),
            rulingDueAt: (s.protectionOrderRulingDueAt as Date).toISOString(),
          }
        : null,
      screenedAt: s.screenedAt.toISOString(),
    };
  }
}

@ApiExtraModels(TrackingView)
export class CaseDetailView extends CaseSummaryView {
  @ApiProperty() summary: string;
  @ApiProperty() claims: string;
  @ApiProperty({ nullable: true, type: String }) closureReason: string | null;
  @ApiProperty({ type: [PartyView] }) parties: PartyView[];
  @ApiProperty({ type: [ChildView] }) children: ChildView[];
  @ApiProperty({ type: [ConsentView] }) consents: ConsentView[];
  @ApiProperty({ type: [ScreeningView] }) screenings: ScreeningView[];
  @ApiPropertyOptional({ type: [AssignmentEntryView], description: '全部指派记录，按先后' })
  assignments?: object[];
  @ApiPropertyOptional({ type: [ExtensionEntryView] }) extensions?: object[];
  @ApiPropertyOptional({
    type: [SessionView],
    description: '调解会次；书记员看不到笔录',
  })
  sessions?: object[];
  @ApiPropertyOptional({
    type: [OutcomeEntryView],
    description: '提交的调解结果及审核',
  })
  outcomes?: object[];
  // OpenAPI 3.0 has no nullable $ref (`nullable` beside `allOf` still refuses null): one of the two.
  @ApiPropertyOptional({
    oneOf: [
      { $ref: getSchemaPath(TrackingView) },
      { type: 'object', nullable: true, enum: [null] },
    ],
    description: '立案、司法确认、协议离婚；尚无时为 null',
  })
  tracking?: object | null;
  @ApiPropertyOptional({ type: [FollowUpEntryView] }) followUps?: object[];
  @ApiPropertyOptional({
    type: [DocumentEntryView],
    description: 'issued documents (every version; 调解笔录 and 卷宗 hidden from clerks)',
  })
  documents?: object[];
  @ApiPropertyOptional({
    type: FamilySummaryView,
    description:
      '同一家庭（按当事人身份证号）的更早记录，仅计调用者可见的（列表见 /cases/{id}/family）',
  })
  family?: FamilySummaryView;
}
