import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { DeskLayout, type NavItem } from '../ui/desk/DeskLayout';

// The supervisor's screens: a desk app (antd). Pages load lazily; paths are relative to /supervisor.
const HomePage = lazy(() => import('./HomePage').then((m) => ({ default: m.HomePage })));

const NAV: NavItem[] = [{ to: '/supervisor', label: '首页' }];

/** Loaded by app/router.tsx for /supervisor/* (React Router's lazy `Component`). */
export function Component() {
  return (
    <DeskLayout nav={NAV}>
      <Routes>
        <Route index element={<HomePage />} />
      </Routes>
    </DeskLayout>
  );
}
