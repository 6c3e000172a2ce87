import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Input, Popconfirm, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { api, must } from '../../api/client';
import { CLEAR } from '../common/clear';
import { useCurrentUser } from '../../api/session';
import { MaskedField } from '../../ui/MaskedField';
import { formatDateTime } from '../../ui/format';
import { ActiveTag } from '../common/ActiveTag';
import { ROLE_LABELS, type Role } from '../common/labels';
import {
  useAllCourts,
  useAllOrganizations,
  useRegionNames,
  type UserView,
} from '../common/lookups';
import { OneTimePassword } from '../common/OneTimePassword';
import { generatePassword } from '../common/password';
import { asProblem, problemDetail } from '../common/problem-form';
import { UserForm } from './UserForm';

const PAGE_SIZE = 20;

type Shown = { username: string; displayName: string; password: string; reset: boolean };

/** 用户管理: search, filter by role and status, create, edit, reset a password, deactivate. */
export function UsersPage() {
  const { message } = App.useApp();
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const [q, setQ] = useState('');
  const [role, setRole] = useState<Role | undefined>();
  const [active, setActive] = useState<'true' | 'false' | undefined>();
  const [page, setPage] = useState(1);
  const [form, setForm] = useState<{ editing: UserView | null } | null>(null);
  const [shown, setShown] = useState<Shown | null>(null);

  const users = useQuery({
    queryKey: ['admin', 'users', { q, role, active, page }],
    queryFn: () =>
      must(
        api.GET('/api/v1/users', {
          params: {
            query: {
              page,
              pageSize: PAGE_SIZE,
              ...(q ? { q } : {}),
              ...(role ? { role } : {}),
              ...(active ? { active: active === 'true' } : {}),
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  const courts = useAllCourts();
  const organizations = useAllOrganizations();
  const regions = useRegionNames((users.data?.items ?? []).map((u) => u.regionId));
  const courtName = (id: string | null) => courts.data?.items.find((c) => c.id === id)?.name;
  const orgName = (id: string | null) => organizations.data?.items.find((o) => o.id === id)?.name;

  const patch = useMutation({
    mutationFn: async ({ user, change }: { user: UserView; change: 'reset' | 'off' | 'on' }) => {
      const password = change === 'reset' ? generatePassword() : null;
      const body = change === 'reset' ? { password: password! } : { active: change === 'on' };
      const saved = await must(
        api.PATCH('/api/v1/users/{id}', { params: { path: { id: user.id } }, body }),
      );
      return { saved, password, change };
    },
    onSuccess: async ({ saved, password, change }) => {
      await queryClient.invalidateQueries({ queryKey: ['admin', 'users'] });
      if (password) {
        setShown({
          username: saved.username,
          displayName: saved.displayName,
          password,
          reset: true,
        });
      } else {
        void message.success(
          change === 'off'
            ? `已停用 ${saved.displayName}，其登录会话已全部注销`
            : `已启用 ${saved.displayName}`,
        );
      }
    },
    onError: (error) => void message.error(problemDetail(asProblem(error))),
  });

  const placeOf = (u: UserView): string => {
    if (u.role === 'clerk') return courtName(u.courtId) ?? '';
    const region = u.regionId ? regions.get(u.regionId)?.name : undefined;
    if (u.role === 'mediator')
      return [orgName(u.organizationId), region].filter(Boolean).join(' · ');
    if (u.role === 'supervisor') return region ? `${region}及下属区划` : '';
    return '全部';
  };

  return (
    <>
      <Flex justify="space-between" align="center">
        <Typography.Title level={2}>用户管理</Typography.Title>
        <Button type="primary" onClick={() => setForm({ editing: null })}>
          新建用户
        </Button>
      </Flex>
      <Space wrap style={{ marginBottom: 16 }} role="search" aria-label="筛选用户">
        <Input.Search
          aria-label="搜索用户名或姓名"
          placeholder="用户名或姓名"
          allowClear={CLEAR}
          enterButton="搜索"
          onSearch={(value) => {
            setQ(value.trim());
            setPage(1);
          }}
          style={{ width: 280 }}
        />
        <Select
          aria-label="角色"
          placeholder="全部角色"
          allowClear
          style={{ width: 140 }}
          value={role}
          onChange={(v: Role | undefined) => {
            setRole(v);
            setPage(1);
          }}
          options={(Object.keys(ROLE_LABELS) as Role[]).map((r) => ({
            value: r,
            label: ROLE_LABELS[r],
          }))}
        />
        <Select
          aria-label="状态"
          placeholder="全部状态"
          allowClear
          style={{ width: 140 }}
          value={active}
          onChange={(v: 'true' | 'false' | undefined) => {
            setActive(v);
            setPage(1);
          }}
          options={[
            { value: 'true', label: '启用' },
            { value: 'false', label: '已停用' },
          ]}
        />
      </Space>
      <Table<UserView>
        rowKey="id"
        size="middle"
        loading={users.isFetching}
        dataSource={users.data?.items}
        locale={{
          emptyText: users.isError ? problemDetail(asProblem(users.error)) : '没有符合条件的用户',
        }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: users.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => `共 ${total} 人`,
          onChange: setPage,
        }}
        columns={[
          { title: '用户名', dataIndex: 'username' },
          { title: '姓名', dataIndex: 'displayName' },
          { title: '角色', dataIndex: 'role', render: (r: Role) => ROLE_LABELS[r] },
          { title: '所属单位 / 范围', key: 'place', render: (_, u) => placeOf(u) },
          {
            title: '手机号',
            dataIndex: 'phone',
            render: (phone: string | null) => <MaskedField label="手机号" masked={phone} />,
          },
          { title: '状态', dataIndex: 'active', render: (a: boolean) => <ActiveTag active={a} /> },
          {
            title: '最近登录',
            dataIndex: 'lastLoginAt',
            render: (at: string | null) => (at ? formatDateTime(at) : '从未登录'),
          },
          {
            title: '操作',
            key: 'actions',
            render: (_, u) => (
              <Space size={0} wrap>
                <Button type="link" onClick={() => setForm({ editing: u })}>
                  编辑<span className="mx-visually-hidden"> {u.displayName}</span>
                </Button>
                <Popconfirm
                  title={`重置 ${u.displayName} 的密码？`}
                  description="将生成新的初始密码并注销其全部登录会话。"
                  okText="重置"
                  cancelText="取消"
                  onConfirm={() => patch.mutate({ user: u, change: 'reset' })}
                >
                  <Button type="link">
                    重置密码<span className="mx-visually-hidden"> {u.displayName}</span>
                  </Button>
                </Popconfirm>
                {u.active ? (
                  <Popconfirm
                    title={`停用 ${u.displayName}？`}
                    description="停用后不能登录，现有登录会话立即注销。可随时重新启用。"
                    okText="停用"
                    okButtonProps={{ danger: true }}
                    cancelText="取消"
                    onConfirm={() => patch.mutate({ user: u, change: 'off' })}
                    disabled={u.id === me?.id}
                  >
                    <Button type="link" danger disabled={u.id === me?.id}>
                      停用<span className="mx-visually-hidden"> {u.displayName}</span>
                    </Button>
                  </Popconfirm>
                ) : (
                  <Button type="link" onClick={() => patch.mutate({ user: u, change: 'on' })}>
                    启用<span className="mx-visually-hidden"> {u.displayName}</span>
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {form ? (
        <UserForm
          key={form.editing?.id ?? 'new'}
          open
          editing={form.editing}
          onClose={() => setForm(null)}
          onCreated={(user, password) =>
            setShown({
              username: user.username,
              displayName: user.displayName,
              password,
              reset: false,
            })
          }
        />
      ) : null}
      <OneTimePassword shown={shown} onClose={() => setShown(null)} />
    </>
  );
}
