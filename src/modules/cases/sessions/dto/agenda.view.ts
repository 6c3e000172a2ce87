import { ApiProperty } from '@nestjs/swagger';
import { FollowUpEntryView } from '../../dto/stage-records.view.js';
import { CaseSummaryView } from '../../dto/case.view.js';
import { SessionBriefView } from './session.dto.js';

/** A session of the day with its case, as 今日 lists it. */
export class AgendaSessionView {
  @ApiProperty({ type: SessionBriefView }) session: SessionBriefView;
  @ApiProperty({ type: CaseSummaryView }) case: CaseSummaryView;
}

export class AgendaFollowUpView {
  @ApiProperty({ type: FollowUpEntryView }) followUp: FollowUpEntryView;
  @ApiProperty({ type: CaseSummaryView }) case: CaseSummaryView;
}

/** The signed-in mediator's day: one request for the phone's first screen. */
export class AgendaView {
  @ApiProperty({ format: 'date', example: '2026-12-07', description: '今天（北京时间）' })
  date: string;
  @ApiProperty({
    type: [AgendaSessionView],
    description: '今天的会次，按时间先后（含已取消、未到场）',
  })
  sessions: AgendaSessionView[];
  @ApiProperty({
    type: [AgendaFollowUpView],
    description: '尚未回访、7 天内到期或已逾期的回访，按到期日先后',
  })
  followUps: AgendaFollowUpView[];
}
