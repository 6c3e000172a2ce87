import { App as AntApp, Button, ConfigProvider, Layout, Menu, Space, Typography } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { Suspense, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { useCurrentUser } from '../../api/session';
import { useLogout } from '../../app/use-logout';
import { deskTheme } from './theme';

dayjs.locale('zh-cn');

export interface NavItem {
  to: string;
  label: string;
}

const ROLE_NAMES = {
  clerk: '书记员',
  mediator: '调解员',
  supervisor: '督导',
  admin: '管理员',
  sentinel: '哨点信息员',
};

/**
 * The desk screens' frame (clerk, supervisor, admin): antd in Chinese, a top bar with the role's
 * menu, who is signed in, and 退出登录.
 */
export function DeskLayout({ nav, children }: { nav: NavItem[]; children: ReactNode }) {
  const user = useCurrentUser();
  const logout = useLogout();
  const { pathname } = useLocation();
  const selected = nav
    .filter((item) => pathname === item.to || pathname.startsWith(`${item.to}/`))
    .sort((a, b) => b.to.length - a.to.length)[0]?.to;
  return (
    <ConfigProvider locale={zhCN} theme={deskTheme} button={{ autoInsertSpace: false }}>
      <AntApp>
        <Layout style={{ minHeight: '100vh' }}>
          <Layout.Header
            style={{
              display: 'flex',
              alignItems: 'center',
              gap: 24,
              background: '#fff',
              borderBottom: '1px solid #e5e5e5',
              paddingInline: 24,
            }}
          >
            <Typography.Text
              strong
              style={{ fontSize: 18, color: '#8c1c4a', whiteSpace: 'nowrap' }}
            >
              诉前家事调解
            </Typography.Text>
            <nav aria-label="主菜单" style={{ flex: 1, minWidth: 0 }}>
              <Menu
                mode="horizontal"
                selectedKeys={selected ? [selected] : []}
                items={nav.map((item) => ({
                  key: item.to,
                  label: <Link to={item.to}>{item.label}</Link>,
                }))}
                style={{ borderBottom: 'none' }}
              />
            </nav>
            <Space>
              <span>
                {user?.displayName}（{user ? ROLE_NAMES[user.role] : ''}）
              </span>
              <Button onClick={() => void logout()}>退出登录</Button>
            </Space>
          </Layout.Header>
          <Layout.Content style={{ padding: 24 }}>
            <main>
              <Suspense fallback={<p role="status">正在加载…</p>}>{children}</Suspense>
            </main>
          </Layout.Content>
        </Layout>
      </AntApp>
    </ConfigProvider>
  );
}
