import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { DeskLayout, type NavItem } from '../ui/desk/DeskLayout';

// The admin's screens: a desk app (antd). Pages load lazily; paths are relative to /admin.
const HomePage = lazy(() => import('./HomePage').then((m) => ({ default: m.HomePage })));

const NAV: NavItem[] = [{ to: '/admin', label: '首页' }];

/** Loaded by app/router.tsx for /admin/* (React Router's lazy `Component`). */
export function Component() {
  return (
    <DeskLayout nav={NAV}>
      <Routes>
        <Route index element={<HomePage />} />
      </Routes>
    </DeskLayout>
  );
}
