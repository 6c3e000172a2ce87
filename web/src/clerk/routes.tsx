import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { DeskLayout, type NavItem } from '../ui/desk/DeskLayout';

// The clerk's screens (desk, antd). Pages load lazily; paths are relative to /clerk.
const QueuePage = lazy(() => import('./queue/QueuePage').then((m) => ({ default: m.QueuePage })));

const NAV: NavItem[] = [{ to: '/clerk', label: '本院案件' }];

/** Loaded by app/router.tsx for /clerk/* (React Router's lazy `Component`). */
export function Component() {
  return (
    <DeskLayout nav={NAV}>
      <Routes>
        <Route index element={<QueuePage />} />
      </Routes>
    </DeskLayout>
  );
}
