import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { api, must } from '../../api/client';
import type { components } from '../../api/schema';
import { ROLE_LABELS, type Role } from '../common/labels';
import { RegionSelect, useAllCourts, useAllOrganizations, type UserView } from '../common/lookups';
import { generatePassword } from '../common/password';
import { showProblemOnForm } from '../common/problem-form';

type CreateUser = components['schemas']['CreateUserDto'];
type UpdateUser = components['schemas']['UpdateUserDto'];

interface Values {
  username: string;
  displayName: string;
  role: Role;
  courtId?: string;
  organizationId?: string;
  regionId?: string;
  phone?: string;
  villageIds?: string[];
}

const FIELDS = [
  'username',
  'password',
  'displayName',
  'role',
  'courtId',
  'organizationId',
  'regionId',
  'phone',
  'villageIds',
] as const;

const ROLE_OPTIONS = (Object.keys(ROLE_LABELS) as Role[]).map((role) => ({
  value: role,
  label: ROLE_LABELS[role],
}));

/**
 * Creates a user (with a generated one-time password, handed back to be shown once) or edits
 * one. Where a user belongs follows her role: a clerk to a court, a mediator to a village and a
 * mediation organisation, a supervisor to the region she oversees.
 */
export function UserForm({
  open,
  editing,
  onClose,
  onCreated,
}: {
  open: boolean;
  editing: UserView | null;
  onClose: () => void;
  onCreated: (user: UserView, password: string) => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [banner, setBanner] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const courts = useAllCourts();
  const organizations = useAllOrganizations();
  const role = Form.useWatch('role', form) ?? editing?.role;
  // A mediator's villages are kept in her roster entry (名册), not on the user.
  const roster = useQuery({
    queryKey: ['admin', 'mediator', editing?.id],
    queryFn: () =>
      must(api.GET('/api/v1/mediators/{id}', { params: { path: { id: editing!.id } } })),
    enabled: editing?.role === 'mediator',
  });
  useEffect(() => {
    if (roster.data && !form.isFieldTouched('villageIds')) {
      form.setFieldValue('villageIds', roster.data.villageIds);
    }
  }, [roster.data, form]);

  const saveVillages = async (userId: string, villageIds: string[] | undefined) => {
    if (role !== 'mediator' || villageIds === undefined) return;
    await must(
      api.PATCH('/api/v1/mediators/{id}', {
        params: { path: { id: userId } },
        body: { villageIds },
      }),
    );
    await queryClient.invalidateQueries({ queryKey: ['admin', 'mediator', userId] });
  };

  const save = useMutation({
    mutationFn: async (values: Values) => {
      if (editing) {
        const body: UpdateUser = { displayName: values.displayName };
        if (role === 'clerk') body.courtId = values.courtId;
        if (role === 'mediator') body.organizationId = values.organizationId;
        if (role === 'mediator' || role === 'supervisor') body.regionId = values.regionId;
        if (values.phone) body.phone = values.phone;
        const user = await must(
          api.PATCH('/api/v1/users/{id}', { params: { path: { id: editing.id } }, body }),
        );
        await saveVillages(user.id, values.villageIds);
        return { user, password: null };
      }
      const password = generatePassword();
      const body: CreateUser = {
        username: values.username,
        password,
        displayName: values.displayName,
        role: values.role,
        ...(values.role === 'clerk' ? { courtId: values.courtId } : {}),
        ...(values.role === 'mediator'
          ? { organizationId: values.organizationId, regionId: values.regionId }
          : {}),
        ...(values.role === 'supervisor' ? { regionId: values.regionId } : {}),
        ...(values.phone ? { phone: values.phone } : {}),
      };
      const user = await must(api.POST('/api/v1/users', { body }));
      try {
        await saveVillages(user.id, values.villageIds);
      } catch {
        void message.error('用户已创建，但负责的村未能保存，请在编辑中重新选择');
      }
      return { user, password };
    },
    onSuccess: async ({ user, password }) => {
      await queryClient.invalidateQueries({ queryKey: ['admin', 'users'] });
      queryClient.setQueryData(['admin', 'user', user.id], user);
      setBanner(null);
      form.resetFields();
      onClose();
      if (password) onCreated(user, password);
    },
    onError: (error) => setBanner(showProblemOnForm(form, error, FIELDS)),
  });

  const initialValues: Partial<Values> = editing
    ? {
        username: editing.username,
        displayName: editing.displayName,
        role: editing.role,
        courtId: editing.courtId ?? undefined,
        organizationId: editing.organizationId ?? undefined,
        regionId: editing.regionId ?? undefined,
      }
    : { role: 'clerk' };

  return (
    <Modal
      open={open}
      title={editing ? `编辑用户：${editing.displayName}` : '新建用户'}
      okText={editing ? '保存' : '创建用户'}
      cancelText="取消"
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      onCancel={() => {
        setBanner(null);
        onClose();
      }}
      destroyOnHidden
      width={640}
    >
      {banner ? <Alert type="error" showIcon title={banner} style={{ marginBottom: 16 }} /> : null}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(values) => {
          setBanner(null);
          save.mutate(values);
        }}
        preserve
      >
        <Form.Item
          name="username"
          label="用户名"
          extra={editing ? '用户名创建后不能修改' : '3–64 位字母、数字、点、短横线或下划线'}
          rules={[{ required: true, message: '请填写用户名' }]}
        >
          <Input autoComplete="off" disabled={Boolean(editing)} />
        </Form.Item>
        <Form.Item
          name="displayName"
          label="姓名"
          rules={[{ required: true, message: '请填写姓名' }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="role"
          label="角色"
          extra={editing ? '角色创建后不能修改' : undefined}
          rules={[{ required: true, message: '请选择角色' }]}
        >
          <Select options={ROLE_OPTIONS} disabled={Boolean(editing)} />
        </Form.Item>
        {role === 'clerk' ? (
          <Form.Item
            name="courtId"
            label="所属法院"
            rules={[{ required: true, message: '书记员须选择所属法院' }]}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              placeholder="选择法院"
              loading={courts.isLoading}
              options={(courts.data?.items ?? []).map((c) => ({
                value: c.id,
                label: `${c.name}（${c.designator}）`,
              }))}
            />
          </Form.Item>
        ) : null}
        {role === 'mediator' ? (
          <>
            <Form.Item
              name="organizationId"
              label="所属调解组织"
              rules={[{ required: true, message: '调解员须选择所属调解组织' }]}
            >
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                placeholder="选择调解组织"
                loading={organizations.isLoading}
                options={(organizations.data?.items ?? []).map((o) => ({
                  value: o.id,
                  label: o.name,
                }))}
              />
            </Form.Item>
            <Form.Item
              name="regionId"
              label="所在村（社区）"
              rules={[{ required: true, message: '调解员须选择所在村（社区）' }]}
            >
              <RegionSelect levels={['village']} />
            </Form.Item>
            <Form.Item
              name="villageIds"
              label="负责的村（社区）"
              extra="调解员名册中登记的服务范围，可选多个；案件按此推荐调解员"
            >
              <RegionSelect levels={['village']} multiple />
            </Form.Item>
          </>
        ) : null}
        {role === 'supervisor' ? (
          <Form.Item
            name="regionId"
            label="督导范围"
            extra="可督导该区划及其下属全部区划的案件"
            rules={[{ required: true, message: '督导须选择督导范围' }]}
          >
            <RegionSelect />
          </Form.Item>
        ) : null}
        <Form.Item
          name="phone"
          label="手机号"
          extra={
            editing?.phone
              ? `当前：${editing.phone}（已隐藏部分）。留空则不修改`
              : '11 位手机号，可不填'
          }
        >
          <Input autoComplete="off" inputMode="tel" />
        </Form.Item>
        {editing ? null : (
          <Alert
            type="info"
            showIcon
            title="创建后系统生成初始密码，只显示一次。"
            style={{ marginTop: 8 }}
          />
        )}
      </Form>
    </Modal>
  );
}
