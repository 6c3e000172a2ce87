import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { PhoneLayout } from '../ui/phone/PhoneLayout';

// The mediator's screens: a phone app (antd-mobile only, never antd). Paths are relative to /mediator.
const TodayPage = lazy(() => import('./TodayPage').then((m) => ({ default: m.TodayPage })));

/** Loaded by app/router.tsx for /mediator/* (React Router's lazy `Component`). */
export function Component() {
  return (
    <PhoneLayout title="今日">
      <Routes>
        <Route index element={<TodayPage />} />
      </Routes>
    </PhoneLayout>
  );
}
