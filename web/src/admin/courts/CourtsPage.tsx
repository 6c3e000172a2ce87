import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Form, Input, Modal, Table, Typography } from 'antd';
import { useState } from 'react';
import { api, must } from '../../api/client';
import { CLEAR } from '../common/clear';
import { RegionSelect, useRegionNames, type CourtView } from '../common/lookups';
import { asProblem, problemDetail, showProblemOnForm } from '../common/problem-form';

const PAGE_SIZE = 20;
const FIELDS = ['code', 'designator', 'name', 'regionId'] as const;

interface Values {
  code: string;
  designator?: string;
  name: string;
  regionId: string;
}

/** 法院管理: the courts, their 案号代字 (designator) and jurisdiction; create and correct. */
export function CourtsPage() {
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [form, setForm] = useState<{ editing: CourtView | null } | null>(null);
  const courts = useQuery({
    queryKey: ['admin', 'courts', { q, page }],
    queryFn: () =>
      must(
        api.GET('/api/v1/courts', {
          params: { query: { page, pageSize: PAGE_SIZE, ...(q ? { q } : {}) } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  const regions = useRegionNames((courts.data?.items ?? []).map((c) => c.regionId));

  return (
    <>
      <Flex justify="space-between" align="center">
        <Typography.Title level={2}>法院管理</Typography.Title>
        <Button type="primary" onClick={() => setForm({ editing: null })}>
          新增法院
        </Button>
      </Flex>
      <div role="search" aria-label="筛选法院" style={{ marginBottom: 16 }}>
        <Input.Search
          aria-label="搜索法院名称、代码或代字"
          placeholder="名称、代码或代字"
          allowClear={CLEAR}
          enterButton="搜索"
          onSearch={(value) => {
            setQ(value.trim());
            setPage(1);
          }}
          style={{ width: 320 }}
        />
      </div>
      <Table<CourtView>
        rowKey="id"
        size="middle"
        loading={courts.isFetching}
        dataSource={courts.data?.items}
        locale={{
          emptyText: courts.isError ? problemDetail(asProblem(courts.error)) : '没有符合条件的法院',
        }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: courts.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => `共 ${total} 个`,
          onChange: setPage,
        }}
        columns={[
          { title: '法院名称', dataIndex: 'name' },
          { title: '代码', dataIndex: 'code' },
          {
            title: '案号代字',
            dataIndex: 'designator',
            render: (d: string) => <span lang="zh-CN">{d}</span>,
          },
          {
            title: '管辖区域',
            dataIndex: 'regionId',
            render: (id: string) => regions.get(id)?.name ?? '',
          },
          {
            title: '操作',
            key: 'actions',
            render: (_, c) => (
              <Button type="link" onClick={() => setForm({ editing: c })}>
                编辑<span className="mx-visually-hidden"> {c.name}</span>
              </Button>
            ),
          },
        ]}
      />
      {form ? (
        <CourtForm
          key={form.editing?.id ?? 'new'}
          editing={form.editing}
          onClose={() => setForm(null)}
        />
      ) : null}
    </>
  );
}

function CourtForm({ editing, onClose }: { editing: CourtView | null; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [banner, setBanner] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (values: Values) =>
      editing
        ? must(
            api.PATCH('/api/v1/courts/{id}', {
              params: { path: { id: editing.id } },
              body: { name: values.name, designator: values.designator || undefined },
            }),
          )
        : must(
            api.POST('/api/v1/courts', {
              body: {
                code: values.code,
                name: values.name,
                regionId: values.regionId,
                ...(values.designator ? { designator: values.designator } : {}),
              },
            }),
          ),
    onSuccess: async (court) => {
      await queryClient.invalidateQueries({ queryKey: ['admin', 'courts'] });
      void message.success(
        `${editing ? '已保存' : '已新增'}：${court.name}（${court.designator}）`,
      );
      onClose();
    },
    onError: (error) => setBanner(showProblemOnForm(form, error, FIELDS)),
  });
  return (
    <Modal
      open
      title={editing ? `编辑法院：${editing.name}` : '新增法院'}
      okText={editing ? '保存' : '新增法院'}
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
        initialValues={editing ?? {}}
        onFinish={(values) => {
          setBanner(null);
          save.mutate(values);
        }}
      >
        <Form.Item
          name="name"
          label="法院名称"
          rules={[{ required: true, message: '请填写法院名称' }]}
        >
          <Input autoComplete="off" placeholder="如：胶州市人民法院" />
        </Form.Item>
        <Form.Item
          name="code"
          label="代码"
          extra={editing ? '代码创建后不能修改' : '本系统内的简码，2–16 位大写字母或数字，如 J37'}
          rules={[{ required: true, message: '请填写代码' }]}
        >
          <Input autoComplete="off" disabled={Boolean(editing)} />
        </Form.Item>
        <Form.Item
          name="designator"
          label="案号代字"
          extra={
            editing
              ? '修改后只影响此后的新案号，已编的案号不变'
              : '省份简称加地市或区县代码，如 鲁0281；不填则按管辖区域的区划代码自动生成'
          }
        >
          <Input autoComplete="off" placeholder="如：鲁0281" />
        </Form.Item>
        <Form.Item
          name="regionId"
          label="管辖区域"
          extra={editing ? '管辖区域创建后不能修改' : '县（区）或市'}
          rules={[{ required: true, message: '请选择管辖区域' }]}
        >
          {editing ? (
            <RegionSelect levels={['county', 'city']} disabled />
          ) : (
            <RegionSelect levels={['county', 'city']} />
          )}
        </Form.Item>
      </Form>
    </Modal>
  );
}
