import { defineMessages } from '../../common/i18n/catalogue.js';
import { DocumentCode } from './documents.codes.js';

export const DOCUMENTS_MESSAGES = defineMessages(DocumentCode, {
  [DocumentCode.NotFound]: { zh: '文书不存在或不在您的管辖范围内', en: 'Document not found' },
  [DocumentCode.IssueContended]: {
    zh: '同一文书正由他人同时出具，请稍后重试',
    en: 'Others are issuing the same document at this moment; try again shortly',
  },
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
  [DocumentCode.ScanNotFound]: { zh: '扫描件不存在或不在您的管辖范围内', en: 'Scan not found' },
  [DocumentCode.ScanFileRequired]: {
    zh: '请以 multipart/form-data 上传一个名为 file 的图片文件',
    en: 'upload one image file in the multipart/form-data field "file"',
    variants: {
      one: { zh: '每次只能上传一个文件', en: 'upload one file at a time' },
      empty: { zh: '上传的文件为空', en: 'the file is empty' },
    },
  },
  [DocumentCode.ScanFileTooLarge]: {
    title: { zh: '扫描件过大', en: 'Scan too large' },
    zh: '扫描件不能超过 {{limit}}',
    en: 'a scan must not exceed {{limit}}',
  },
  [DocumentCode.ScanFileType]: {
    title: { zh: '不支持的图片类型', en: 'Unsupported image type' },
    zh: '扫描件须为 JPEG、PNG 或 WebP 图片（按文件内容识别为：{{detected}}）',
    en: 'a scan must be a JPEG, PNG or WebP image (the content is: {{detected}})',
    variants: {
      unknown: {
        zh: '扫描件须为 JPEG、PNG 或 WebP 图片（无法识别的文件类型）',
        en: 'a scan must be a JPEG, PNG or WebP image (the content is of no known file type)',
      },
    },
  },
  [DocumentCode.ScanFileUnreadable]: {
    zh: '无法读取该图片（文件已损坏或像素过多）',
    en: 'the image cannot be read (damaged, or too many pixels)',
  },
  [DocumentCode.ScanQrMismatch]: {
    zh: '二维码内容与本文书不符',
    en: 'the QR code is not this document’s',
    variants: {
      format: { zh: '二维码内容无法识别', en: 'the QR code payload is not one of ours' },
      document: {
        zh: '二维码属于另一份文书',
        en: 'the QR code belongs to another document',
      },
      version: {
        zh: '二维码属于本文书的第{{printed}}版，当前为第{{version}}版',
        en: 'the QR code is of version {{printed}}, this is version {{version}}',
      },
      digest: {
        zh: '二维码的校验码与本文书不符',
        en: 'the QR code’s check digits do not match this document',
      },
    },
  },
  [DocumentCode.ScanPageOutOfRange]: {
    zh: '页码应在 1 至 {{pages}} 之间',
    en: 'the page must be between 1 and {{pages}}',
    variants: {
      qr: {
        zh: '页码与二维码所示的第{{printed}}页不符',
        en: 'the page differs from the QR code’s page {{printed}}',
      },
    },
  },
});
