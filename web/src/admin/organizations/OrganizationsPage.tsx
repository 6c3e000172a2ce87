import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Form, Input, Modal, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { api, must } from '../../api/client';
import { CLEAR } from '../common/clear';
import { RegionSelect, useRegionNames, type OrganizationView } from '../common/lookups';
import { asProblem, problemDetail, showProblemOnForm } from '../common/problem-form';

const PAGE_SIZE = 20;

interface Values {
  name: string;
  regionId: string;
  rooms: string[];
}

/** 调解组织: the mediation organisations (the name on documents and seals) and their rooms. */
export function OrganizationsPage() {
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [form, setForm] = useState<{ editing: OrganizationView | null } | null>(null);
  const orgs = useQuery({
    queryKey: ['admin', 'organizations', { q, page }],
    queryFn: () =>
      must(
        api.GET('/api/v1/organizations', {
          params: { query: { page, pageSize: PAGE_SIZE, ...(q ? { q } : {}) } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  const regions = useRegionNames((orgs.data?.items ?? []).map((o) => o.regionId));
  return (
    <>
      <Flex justify="space-between" align="center">
        <Typography.Title level={2}>调解组织与调解室</Typography.Title>
        <Button type="primary" onClick={() => setForm({ editing: null })}>
          新增调解组织
        </Button>
      </Flex>
      <div role="search" aria-label="筛选调解组织" style={{ marginBottom: 16 }}>
        <Input.Search
          aria-label="搜索调解组织名称"
          placeholder="组织名称"
          allowClear={CLEAR}
          enterButton="搜索"
          onSearch={(value) => {
            setQ(value.trim());
            setPage(1);
          }}
          style={{ width: 320 }}
        />
      </div>
      <Table<OrganizationView>
        rowKey="id"
        size="middle"
        loading={orgs.isFetching}
        dataSource={orgs.data?.items}
        locale={{
          emptyText: orgs.isError ? problemDetail(asProblem(orgs.error)) : '没有符合条件的调解组织',
        }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: orgs.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => `共 ${total} 个`,
          onChange: setPage,
        }}
        columns={[
          { title: '名称（用于文书和印章）', dataIndex: 'name' },
          {
            title: '所在区划',
            dataIndex: 'regionId',
            render: (id: string) => regions.get(id)?.name ?? '',
          },
          {
            title: '调解室',
            dataIndex: 'rooms',
            render: (rooms: string[]) =>
              rooms.length === 0 ? (
                <span className="mx-muted">未登记</span>
              ) : (
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {rooms.map((room) => (
                    <li key={room}>{room}</li>
                  ))}
                </ul>
              ),
          },
          {
            title: '操作',
            key: 'actions',
            render: (_, o) => (
              <Button type="link" onClick={() => setForm({ editing: o })}>
                编辑<span className="mx-visually-hidden"> {o.name}</span>
              </Button>
            ),
          },
        ]}
      />
      {form ? (
        <OrganizationForm
          key={form.editing?.id ?? 'new'}
          editing={form.editing}
          onClose={() => setForm(null)}
        />
      ) : null}
    </>
  );
}

function OrganizationForm({
  editing,
  onClose,
}: {
  editing: OrganizationView | null;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [banner, setBanner] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (values: Values) => {
      const rooms = (values.rooms ?? []).map((r) => r.trim()).filter(Boolean);
      return editing
        ? must(
            api.PATCH('/api/v1/organizations/{id}', {
              params: { path: { id: editing.id } },
              body: { name: values.name, rooms },
            }),
          )
        : must(
            api.POST('/api/v1/organizations', {
              body: { name: values.name, regionId: values.regionId, rooms },
            }),
          );
    },
    onSuccess: async (org) => {
      await queryClient.invalidateQueries({ queryKey: ['admin', 'organizations'] });
      void message.success(`${editing ? '已保存' : '已新增'}：${org.name}`);
      onClose();
    },
    onError: (error) => setBanner(showProblemOnForm(form, error, ['name', 'regionId', 'rooms'])),
  });
  return (
    <Modal
      open
      title={editing ? `编辑调解组织：${editing.name}` : '新增调解组织'}
      okText={editing ? '保存' : '新增'}
      cancelText="取消"
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      onCancel={onClose}
      width={600}
    >
      {banner ? <Alert type="error" showIcon title={banner} style={{ marginBottom: 16 }} /> : null}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={
          editing
            ? { name: editing.name, regionId: editing.regionId, rooms: editing.rooms }
            : { rooms: [''] }
        }
        onFinish={(values) => {
          setBanner(null);
          save.mutate(values);
        }}
      >
        <Form.Item
          name="name"
          label="组织名称"
          extra={
            editing
              ? '印在调解文书和印章上的全称；修改后只用于此后出具的文书'
              : '印在调解文书和印章上的全称'
          }
          rules={[{ required: true, message: '请填写组织名称' }]}
        >
          <Input autoComplete="off" placeholder="如：胶西镇婚姻家庭纠纷人民调解委员会" />
        </Form.Item>
        <Form.Item
          name="regionId"
          label="所在区划"
          extra={editing ? '所在区划创建后不能修改' : undefined}
          rules={[{ required: true, message: '请选择所在区划' }]}
        >
          <RegionSelect disabled={Boolean(editing)} />
        </Form.Item>
        <Form.List name="rooms">
          {(fields, { add, remove }) => (
            <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
              <legend style={{ fontSize: 14, marginBottom: 8 }}>调解室</legend>
              {fields.map((field, index) => (
                <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
                  <Form.Item name={field.name} style={{ marginBottom: 8 }}>
                    <Input
                      aria-label={`调解室 ${index + 1} 名称`}
                      placeholder="如：百合调解室"
                      style={{ width: 320 }}
                    />
                  </Form.Item>
                  <Button onClick={() => remove(field.name)}>
                    删除<span className="mx-visually-hidden"> 调解室 {index + 1}</span>
                  </Button>
                </Space>
              ))}
              <Button type="dashed" onClick={() => add('')}>
                添加调解室
              </Button>
            </fieldset>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
