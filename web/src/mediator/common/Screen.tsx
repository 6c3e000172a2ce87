import type { ReactNode } from 'react';
import { Link, NavLink } from 'react-router';
import { PhoneLayout } from '../../ui/phone/PhoneLayout';
import { setLargeType, useMediatorFrame } from './elder';
import { SyncBar } from '../sync/SyncBar';
import './mediator.css';

/** One mediator screen: the phone frame, an optional way back, and the bottom navigation. */
export function Screen({
  title,
  back,
  children,
}: {
  title: string;
  back?: { to: string; label: string };
  children: ReactNode;
}) {
  const large = useMediatorFrame();
  return (
    <PhoneLayout title={title} banner={<SyncBar />}>
      <div className="med-screen">
        {back ? (
          <Link className="med-back" to={back.to}>
            <span aria-hidden="true">‹ </span>
            {back.label}
          </Link>
        ) : null}
        {children}
      </div>
      <nav className="med-nav" aria-label="主导航">
        <NavLink to="/mediator" end className="med-nav-item">
          今日
        </NavLink>
        <NavLink to="/mediator/cases" className="med-nav-item">
          我的案件
        </NavLink>
        <NavLink to="/mediator/sync" className="med-nav-item">
          同步
        </NavLink>
        <button
          type="button"
          className="med-nav-item"
          aria-pressed={large}
          onClick={() => setLargeType(!large)}
        >
          长辈版<span aria-hidden="true">{large ? ' ✔' : ''}</span>
        </button>
      </nav>
    </PhoneLayout>
  );
}
