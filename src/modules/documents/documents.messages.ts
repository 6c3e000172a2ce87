import { defineMessages } from '../../common/i18n/catalogue.js';
import { DocumentCode } from './documents.codes.js';

export const DOCUMENTS_MESSAGES = defineMessages(DocumentCode, {
  [DocumentCode.NotFound]: { zh: '文书不存在或不在您的管辖范围内', en: 'Document not found' },
  [DocumentCode.NotIssuer]: {
    zh: '{{role, role}}不出具{{type, documentType}}',
    en: 'a {{role}} does not issue a {{type}}',
  },
  [DocumentCode.NotIssuable]: {
    zh: '目前不能出具{{type, documentType}}',
    en: 'a {{type}} cannot be issued now',
    variants: {
      status: {
        zh: '案件状态为“{{status, caseStatus}}”时不能出具{{type, documentType}}',
        en: 'a {{type}} cannot be issued for a case in status "{{status}}"',
      },
      result: {
        zh: '{{type, documentType}}仅适用于以下调解结果：{{needs, result}}（本案：{{result, result}}）',
        en: 'a {{type}} needs a result of {{needs, list}} (the case has {{result}})',
      },
      no_result: {
        zh: '{{type, documentType}}仅适用于以下调解结果：{{needs, result}}（本案尚无调解结果）',
        en: 'a {{type}} needs a result of {{needs, list}} (the case has none)',
      },
      approved_draft: {
        zh: '调解结果已审核通过，请出具正式的{{type, documentType}}，而非草稿',
        en: 'the outcome is approved: issue the final {{type}}, not a draft',
      },
      session: {
        zh: '调解笔录须对应已举行并已记录的调解',
        en: 'a session record needs a held, recorded session',
      },
      extension: { zh: '本案没有延长调解期限', en: 'the case has no extension' },
      follow_up: {
        zh: '回访记录须对应已记录的回访',
        en: 'a follow-up record needs a recorded visit',
      },
    },
  },
  [DocumentCode.OutcomeNotApproved]: {
    zh: '{{type, documentType}}须在督导审核通过调解结果后出具',
    en: "a {{type}} presupposes the supervisor's approval of the outcome",
    variants: {
      draftable: {
        zh: '{{type, documentType}}须在督导审核通过调解结果后出具（审核前可先出具草稿）',
        en: "a {{type}} presupposes the supervisor's approval of the outcome (a draft may be issued meanwhile)",
      },
    },
  },
  [DocumentCode.NothingToBind]: {
    zh: '请先出具本案的文书，再装订卷宗',
    en: 'Issue the case documents before the case file',
  },
  [DocumentCode.NotDraftable]: {
    zh: '{{type, documentType}}不能以草稿形式出具',
    en: 'a {{type}} is not issued as a draft',
  },
  [DocumentCode.SubjectRequired]: {
    zh: '出具{{type, documentType}}须填写此项',
    en: 'a {{type}} needs this field',
  },
});
