import type { OutcomeBody } from '../common/types';

export type Result = OutcomeBody['result'];
export type Route = OutcomeBody['route'];

/** The routes the law allows for each result (as the API's outcome-routes.ts, said in words). */
export const ALLOWED: Record<Result, Route[]> = {
  reconciled: ['none'],
  divorce_agreed: ['court_mediation_document', 'registry_divorce'],
  ancillary_agreed: ['judicial_confirmation'],
  no_agreement: ['court_filing'],
  withdrawn: ['none'],
};

export const RESULTS: { value: Result; text: string; explain: string }[] = [
  {
    value: 'reconciled',
    text: '和好',
    explain: '双方和好，申请人不再起诉离婚。须有双方签字的笔录。',
  },
  {
    value: 'divorce_agreed',
    text: '同意离婚并达成协议',
    explain: '双方同意离婚，并就子女抚养、财产等达成一致。',
  },
  {
    value: 'ancillary_agreed',
    text: '仅就抚养费、探望或财产达成协议',
    explain: '不涉及离婚本身，只就抚养费、探望、财产等达成协议。',
  },
  { value: 'no_agreement', text: '未达成协议', explain: '调解不成，案件转回法院立案审理。' },
  { value: 'withdrawn', text: '申请人撤回', explain: '申请人主动撤回调解申请。' },
];

export const ROUTES: { value: Route; text: string; explain: string }[] = [
  {
    value: 'court_mediation_document',
    text: '法院出具民事调解书',
    explain: '由法院立案并出具民事调解书，与判决有同等效力，一方不履行可申请强制执行。',
  },
  {
    value: 'registry_divorce',
    text: '到婚姻登记机关协议离婚',
    explain: '双方到民政局婚姻登记处申请，经30日离婚冷静期后，再30日内共同领取离婚证。',
  },
  {
    value: 'judicial_confirmation',
    text: '申请司法确认',
    explain: '协议生效之日起30日内，双方共同向法院申请司法确认；确认后可申请强制执行。',
  },
  { value: 'court_filing', text: '转法院立案', explain: '由法院依法立案审理。' },
  { value: 'none', text: '无需后续程序', explain: '不需要法院或登记机关的后续程序。' },
];

/** Why the law refuses a route for a result, in words a mediator can repeat to the parties. */
export function refusal(result: Result, route: Route): string | null {
  if (ALLOWED[result].includes(route)) return null;
  if (result === 'divorce_agreed' && route === 'judicial_confirmation')
    return '离婚不能申请司法确认：司法确认不适用于婚姻等身份关系，请选择法院出具民事调解书或协议离婚。';
  if (result === 'ancillary_agreed' && route !== 'judicial_confirmation')
    return '仅就抚养、探望或财产达成的协议，应申请司法确认。';
  if (result === 'no_agreement') return '未达成协议的，只能转法院立案。';
  if (route === 'court_filing') return '已达成协议或和好的案件，不转法院立案。';
  return '该调解结果不能走这一途径。';
}
