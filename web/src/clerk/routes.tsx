import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../app/NotFoundPage';
import { DeskLayout, type NavItem } from '../ui/desk/DeskLayout';

// The clerk's screens (desk, antd), one folder per stage. Paths are relative to /clerk.
const QueuePage = lazy(() => import('./queue/QueuePage').then((m) => ({ default: m.QueuePage })));
const NewReferralPage = lazy(() =>
  import('./referral/NewReferralPage').then((m) => ({ default: m.NewReferralPage })),
);
const CaseDetailPage = lazy(() =>
  import('./case/CaseDetailPage').then((m) => ({ default: m.CaseDetailPage })),
);
const SearchPage = lazy(() =>
  import('./search/SearchPage').then((m) => ({ default: m.SearchPage })),
);

const NAV: NavItem[] = [
  { to: '/clerk', label: '本院案件' },
  { to: '/clerk/referrals/new', label: '登记委派' },
  { to: '/clerk/search', label: '查找案件' },
];

/** Loaded by app/router.tsx for /clerk/* (React Router's lazy `Component`). */
export function Component() {
  return (
    <DeskLayout nav={NAV}>
      <Routes>
        <Route index element={<QueuePage />} />
        <Route path="referrals/new" element={<NewReferralPage />} />
        <Route path="cases/:id" element={<CaseDetailPage />} />
        <Route path="search" element={<SearchPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </DeskLayout>
  );
}
