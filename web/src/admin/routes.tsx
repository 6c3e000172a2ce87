import { ConfigProvider } from 'antd';
import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { DeskLayout, type NavItem } from '../ui/desk/DeskLayout';
import './common/admin.css';

// The admin's screens: a desk app (antd). Pages load lazily; paths are relative to /admin.
const HomePage = lazy(() => import('./HomePage').then((m) => ({ default: m.HomePage })));
const UsersPage = lazy(() => import('./users/UsersPage').then((m) => ({ default: m.UsersPage })));
const RegionsPage = lazy(() =>
  import('./regions/RegionsPage').then((m) => ({ default: m.RegionsPage })),
);
const CourtsPage = lazy(() =>
  import('./courts/CourtsPage').then((m) => ({ default: m.CourtsPage })),
);
const OrganizationsPage = lazy(() =>
  import('./organizations/OrganizationsPage').then((m) => ({ default: m.OrganizationsPage })),
);
const AuditPage = lazy(() => import('./audit/AuditPage').then((m) => ({ default: m.AuditPage })));

const NAV: NavItem[] = [
  { to: '/admin', label: '首页' },
  { to: '/admin/users', label: '用户' },
  { to: '/admin/regions', label: '行政区划' },
  { to: '/admin/courts', label: '法院' },
  { to: '/admin/organizations', label: '调解组织' },
  { to: '/admin/audit', label: '审计日志' },
];

/** Loaded by app/router.tsx for /admin/* (React Router's lazy `Component`). */
export function Component() {
  return (
    <DeskLayout nav={NAV}>
      {/* No space forced into two-character labels: 搜索 is read and found as 搜索, not 搜 索. */}
      <ConfigProvider button={{ autoInsertSpace: false }}>
        <Routes>
          <Route index element={<HomePage />} />
          <Route path="users" element={<UsersPage />} />
          <Route path="regions" element={<RegionsPage />} />
          <Route path="courts" element={<CourtsPage />} />
          <Route path="organizations" element={<OrganizationsPage />} />
          <Route path="audit" element={<AuditPage />} />
        </Routes>
      </ConfigProvider>
    </DeskLayout>
  );
}
