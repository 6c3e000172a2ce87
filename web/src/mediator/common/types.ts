import type { components } from '../../api/schema';

type S = components['schemas'];
export type CaseDetail = S['CaseDetailView'];
export type CaseSummary = S['CaseSummaryView'];
export type Session = S['SessionView'];
export type Notification = S['NotificationView'];
export type RecordSessionBody = S['RecordSessionDto'];
export type OutcomeBody = S['OutcomeDto'];
export type DocumentView = S['DocumentView'];
export type DocumentType = S['IssueDocumentDto']['type'];
