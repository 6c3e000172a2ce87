import { lazy, useEffect, type ComponentType, type ReactNode } from 'react';
import { Route, Routes, useParams } from 'react-router';
import { Screen } from './common/Screen';
// Drafts of 笔录 live in this browser: their deletion is registered with onLogout at once.
import './sessions/drafts';
import { PinGuard } from './sync/PinGuard';
import { useSyncAgent } from './sync/sync-agent';

// The mediator's screens: a phone app (antd-mobile only, never antd). Paths are relative to /mediator.
const loaders: (() => Promise<unknown>)[] = [];
const page = <T,>(load: () => Promise<T>, name: keyof T) => {
  loaders.push(load);
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
};

/**
 * Fetches every screen of hers once she is online, so that the service worker keeps them all
 * (it keeps what the browser fetched): a screen she has never opened still opens in a village.
 */
function warmScreens(): void {
  for (const load of loaders) load().catch(() => undefined);
}

const TodayPage = page(() => import('./today/TodayPage'), 'TodayPage');
const CasesPage = page(() => import('./cases/CasesPage'), 'CasesPage');
const CaseDetailPage = page(() => import('./cases/CaseDetailPage'), 'CaseDetailPage');
const AcceptPage = page(() => import('./cases/AcceptPage'), 'AcceptPage');
const DeclinePage = page(() => import('./cases/DeclinePage'), 'DeclinePage');
const SchedulePage = page(() => import('./sessions/SchedulePage'), 'SchedulePage');
const RecordPage = page(() => import('./sessions/RecordPage'), 'RecordPage');
const ReschedulePage = page(() => import('./sessions/ReschedulePage'), 'ReschedulePage');
const CancelSessionPage = page(() => import('./sessions/CancelSessionPage'), 'CancelSessionPage');
const NoShowPage = page(() => import('./sessions/NoShowPage'), 'NoShowPage');
const OutcomePage = page(() => import('./outcome/OutcomePage'), 'OutcomePage');
const ExtensionPage = page(() => import('./extension/ExtensionPage'), 'ExtensionPage');
const FollowUpPage = page(() => import('./followup/FollowUpPage'), 'FollowUpPage');
const DocumentsPage = page(() => import('./documents/DocumentsPage'), 'DocumentsPage');
const SyncPage = page(() => import('./sync/SyncPage'), 'SyncPage');

/** A screen of one case, with the way back to it. */
function CaseScreen({ title, children }: { title: string; children: ReactNode }) {
  const { id = '' } = useParams();
  return (
    <Screen title={title} back={{ to: `/mediator/cases/${id}`, label: '返回案件' }}>
      {children}
    </Screen>
  );
}

/** Loaded by app/router.tsx for /mediator/* (React Router's lazy `Component`). */
export function Component() {
  // The outbox is sent and her cases read into the phone from any of her screens.
  useSyncAgent();
  useEffect(() => {
    const timer = window.setTimeout(() => navigator.onLine && warmScreens(), 4_000);
    return () => window.clearTimeout(timer);
  }, []);
  return (
    <PinGuard>
      <Routes>
        <Route
          index
          element={
            <Screen title="今日">
              <TodayPage />
            </Screen>
          }
        />
        <Route
          path="cases"
          element={
            <Screen title="我的案件">
              <CasesPage />
            </Screen>
          }
        />
        <Route
          path="cases/:id"
          element={
            <Screen title="案件详情" back={{ to: '/mediator/cases', label: '我的案件' }}>
              <CaseDetailPage />
            </Screen>
          }
        />
        <Route
          path="cases/:id/accept"
          element={
            <CaseScreen title="接收案件">
              <AcceptPage />
            </CaseScreen>
          }
        />
        <Route
          path="cases/:id/decline"
          element={
            <CaseScreen title="拒绝或回避">
              <DeclinePage />
            </CaseScreen>
          }
        />
        <Route
          path="cases/:id/sessions/new"
          element={
            <CaseScreen title="安排调解">
              <SchedulePage />
            </CaseScreen>
          }
        />
        <Route
          path="cases/:id/sessions/:sessionId/record"
          element={
            <CaseScreen title="调解笔录">
              <RecordPage />
            </CaseScreen>
          }
        />
        <Route
          path="cases/:id/sessions/:sessionId/reschedule"
          element={
            <CaseScreen title="改期">
              <ReschedulePage />
            </CaseScreen>
          }
        />
        <Route
          path="cases/:id/sessions/:sessionId/cancel"
          element={
            <CaseScreen title="取消调解">
              <CancelSessionPage />
            </CaseScreen>
          }
        />
        <Route
          path="cases/:id/sessions/:sessionId/no-show"
          element={
            <CaseScreen title="当事人未到场">
              <NoShowPage />
            </CaseScreen>
          }
        />
        <Route
          path="cases/:id/outcome"
          element={
            <CaseScreen title="调解结果">
              <OutcomePage />
            </CaseScreen>
          }
        />
        <Route
          path="cases/:id/extension"
          element={
            <CaseScreen title="延长期限">
              <ExtensionPage />
            </CaseScreen>
          }
        />
        <Route
          path="cases/:id/follow-up"
          element={
            <CaseScreen title="回访">
              <FollowUpPage />
            </CaseScreen>
          }
        />
        <Route
          path="cases/:id/documents"
          element={
            <CaseScreen title="文书">
              <DocumentsPage />
            </CaseScreen>
          }
        />
        <Route
          path="sync"
          element={
            <Screen title="同步">
              <SyncPage />
            </Screen>
          }
        />
        <Route
          path="*"
          element={
            <Screen title="未找到">
              <p>未找到该页面。</p>
            </Screen>
          }
        />
      </Routes>
    </PinGuard>
  );
}
