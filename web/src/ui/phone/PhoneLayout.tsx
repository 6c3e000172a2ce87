import { ConfigProvider, SafeArea } from './kit';
import zhCN from 'antd-mobile/es/locales/zh-CN';
import { Suspense, type ReactNode } from 'react';
import { useCurrentUser } from '../../api/session';
import { LogoutButton } from './LogoutButton';
import './phone.css';

/**
 * The mediator's phone frame: antd-mobile only (the desk kit is never loaded here), large
 * touch targets, who is signed in and 退出登录.
 */
export function PhoneLayout({
  title,
  banner,
  children,
}: {
  title: string;
  /** Said above the screen (the mediator's sync bar). */
  banner?: ReactNode;
  children: ReactNode;
}) {
  const user = useCurrentUser();
  return (
    <ConfigProvider locale={zhCN}>
      <div style={{ minHeight: '100vh', background: '#f7f7f7', fontSize: 17 }}>
        <SafeArea position="top" />
        {/* antd-mobile's NavBar leaves an unnamed role="button" behind: a plain bar instead. */}
        <header
          style={{
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            minHeight: 48,
            padding: '0 12px',
            background: '#fff',
            borderBottom: '1px solid #e5e5e5',
          }}
        >
          <h1 style={{ fontSize: 19, margin: 0 }}>{title}</h1>
          <LogoutButton />
        </header>
        <main style={{ padding: 12 }}>
          <p style={{ margin: '0 0 12px', color: '#404040' }}>{user?.displayName}，您好</p>
          {banner}
          <Suspense fallback={<p role="status">正在加载…</p>}>{children}</Suspense>
        </main>
        <SafeArea position="bottom" />
      </div>
    </ConfigProvider>
  );
}
