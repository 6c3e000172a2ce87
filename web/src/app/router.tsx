import { createBrowserRouter } from 'react-router';
import { LoginPage } from './LoginPage';
import { NotFoundPage } from './NotFoundPage';
import { RouteError } from './RouteError';
import { HomeRedirect, RequireRole, SessionGate } from './session-gate';

/**
 * Each role's screens are one lazily loaded module, `<role>/routes.tsx`, exporting `Component`
 * (React Router's lazy-route convention): the role's layout and its own <Routes>. A phone
 * signed in as a mediator therefore never downloads the desk kit, and each role folder is
 * filled in without touching this file.
 */
export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage />, errorElement: <RouteError /> },
  {
    path: '/',
    element: <SessionGate />,
    // A role's screens that did not arrive (offline, a dropped connection) or failed to render.
    errorElement: <RouteError />,
    children: [
      { index: true, element: <HomeRedirect /> },
      {
        element: <RequireRole role="clerk" />,
        children: [{ path: 'clerk/*', lazy: () => import('../clerk/routes') }],
      },
      {
        element: <RequireRole role="mediator" />,
        children: [{ path: 'mediator/*', lazy: () => import('../mediator/routes') }],
      },
      {
        element: <RequireRole role="supervisor" />,
        children: [{ path: 'supervisor/*', lazy: () => import('../supervisor/routes') }],
      },
      {
        element: <RequireRole role="admin" />,
        children: [{ path: 'admin/*', lazy: () => import('../admin/routes') }],
      },
      {
        element: <RequireRole role="sentinel" />,
        children: [{ path: 'sentinel/*', lazy: () => import('../sentinel/routes') }],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
