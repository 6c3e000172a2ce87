import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { DeskLayout, type NavItem } from '../ui/desk/DeskLayout';

// The supervisor's screens: a desk app (antd). Pages load lazily; paths are relative to /supervisor.
const page = <K extends string>(load: () => Promise<Record<K, React.ComponentType>>, name: K) =>
  lazy(() => load().then((m) => ({ default: m[name] })));

const DashboardPage = page(() => import('./dashboard/DashboardPage'), 'DashboardPage');
const CaseListPage = page(() => import('./dashboard/CaseListPage'), 'CaseListPage');
const QueuesPage = page(() => import('./queues/QueuesPage'), 'QueuesPage');
const AssignPage = page(() => import('./queues/AssignPage'), 'AssignPage');
const ReviewListPage = page(() => import('./review/ReviewListPage'), 'ReviewListPage');
const ReviewPage = page(() => import('./review/ReviewPage'), 'ReviewPage');
const RosterPage = page(() => import('./roster/RosterPage'), 'RosterPage');
const ReportsPage = page(() => import('./reports/ReportsPage'), 'ReportsPage');

const NAV: NavItem[] = [
  { to: '/supervisor', label: '统计概览' },
  { to: '/supervisor/queues', label: '待办队列' },
  { to: '/supervisor/review', label: '结案审核' },
  { to: '/supervisor/roster', label: '调解员名册' },
  { to: '/supervisor/reports', label: '统计报表' },
];

/** Loaded by app/router.tsx for /supervisor/* (React Router's lazy `Component`). */
export function Component() {
  return (
    <DeskLayout nav={NAV}>
      <Routes>
        <Route index element={<DashboardPage />} />
        <Route path="cases" element={<CaseListPage />} />
        <Route path="queues" element={<QueuesPage />} />
        <Route path="queues/assign/:id" element={<AssignPage />} />
        <Route path="review" element={<ReviewListPage />} />
        <Route path="review/:id" element={<ReviewPage />} />
        <Route path="roster" element={<RosterPage />} />
        <Route path="reports" element={<ReportsPage />} />
      </Routes>
    </DeskLayout>
  );
}
