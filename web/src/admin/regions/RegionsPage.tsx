import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Form,
  Input,
  List,
  Row,
  Tree,
  Typography,
} from 'antd';
import { useState, type Key } from 'react';
import { api, must } from '../../api/client';
import { CLEAR } from '../common/clear';
import { CHILD_LEVEL, LEVEL_LABELS, type RegionLevel } from '../common/labels';
import { regionLabel, type RegionView } from '../common/lookups';
import { showProblemOnForm } from '../common/problem-form';

interface Node {
  key: string;
  title: string;
  isLeaf: boolean;
  children?: Node[];
}

const fetchChildren = (parent: RegionView | null) =>
  must(
    api.GET('/api/v1/regions', {
      params: {
        query: parent ? { parentId: parent.id, pageSize: 100 } : { level: 'city', pageSize: 100 },
      },
    }),
  );

/**
 * 行政区划: the tree city › county › township › village, opened level by level; a search by
 * name or code; the selected region's details and a form for a region under it.
 */
export function RegionsPage() {
  const queryClient = useQueryClient();
  const [childLists, setChildLists] = useState<Map<string, RegionView[]>>(new Map());
  const [expanded, setExpanded] = useState<Key[]>([]);
  const [selected, setSelected] = useState<RegionView | null>(null);
  const [q, setQ] = useState('');

  const roots = useQuery({
    queryKey: ['admin', 'regions', 'children', 'root'],
    queryFn: () => fetchChildren(null),
  });
  const lists = new Map(childLists);
  if (roots.data) lists.set('root', roots.data.items);
  const byId = new Map<string, RegionView>();
  for (const list of lists.values()) for (const r of list) byId.set(r.id, r);

  const load = async (parent: RegionView) => {
    const page = await queryClient.fetchQuery({
      queryKey: ['admin', 'regions', 'children', parent.id],
      queryFn: () => fetchChildren(parent),
    });
    setChildLists((old) => new Map(old).set(parent.id, page.items));
  };

  const search = useQuery({
    queryKey: ['admin', 'regions', 'search', q],
    queryFn: () => must(api.GET('/api/v1/regions', { params: { query: { q, pageSize: 50 } } })),
    enabled: q.length > 0,
  });

  const build = (parentKey: string): Node[] | undefined =>
    lists.get(parentKey)?.map((r) => {
      return {
        key: r.id,
        title: `${r.name}（${LEVEL_LABELS[r.level]}，${r.code}）`,
        isLeaf: r.level === 'village',
        children: build(r.id),
      };
    });
  const tree = build('root') ?? [];

  const onCreated = async (region: RegionView) => {
    const parent = region.parentId ? (byId.get(region.parentId) ?? null) : null;
    await queryClient.invalidateQueries({ queryKey: ['admin', 'regions'] });
    if (parent) await load(parent);
    if (parent) setExpanded((old) => [...new Set([...old, parent.id])]);
  };

  return (
    <>
      <Typography.Title level={2}>行政区划</Typography.Title>
      <Row gutter={24}>
        <Col span={12}>
          <Card title="区划树" size="small">
            <div role="search" aria-label="搜索区划" style={{ marginBottom: 12 }}>
              <Input.Search
                aria-label="按名称或区划代码搜索"
                placeholder="名称或区划代码"
                allowClear={CLEAR}
                enterButton="搜索"
                onSearch={(value) => setQ(value.trim())}
              />
            </div>
            {q ? (
              <List<RegionView>
                size="small"
                bordered
                loading={search.isFetching}
                header={`“${q}”的搜索结果`}
                dataSource={search.data?.items ?? []}
                locale={{ emptyText: '没有符合的区划' }}
                renderItem={(r) => (
                  <List.Item>
                    <Button type="link" onClick={() => setSelected(r)}>
                      {regionLabel(r)}
                    </Button>
                  </List.Item>
                )}
                style={{ marginBottom: 12 }}
              />
            ) : null}
            {tree.length === 0 ? (
              <Empty description="还没有区划，请先在右侧新增一个市" />
            ) : (
              <Tree<Node>
                aria-label="行政区划树"
                treeData={tree}
                expandedKeys={expanded}
                onExpand={setExpanded}
                selectedKeys={selected ? [selected.id] : []}
                onSelect={(keys) => {
                  const r = keys[0] ? byId.get(String(keys[0])) : undefined;
                  setSelected(r ?? null);
                  // Choosing a region also opens it: its children are what one adds next.
                  if (r && r.level !== 'village') {
                    if (!lists.has(r.id)) void load(r);
                    setExpanded((old) => (old.includes(r.id) ? old : [...old, r.id]));
                  }
                }}
                loadData={async (node) => {
                  const r = byId.get(String(node.key));
                  if (r && !lists.has(r.id)) await load(r);
                }}
                showLine
                blockNode
              />
            )}
          </Card>
        </Col>
        <Col span={12}>
          {selected ? (
            <Card title={`${selected.name}`} size="small" style={{ marginBottom: 16 }}>
              <Descriptions
                column={1}
                size="small"
                items={[
                  { key: 'name', label: '名称', children: selected.name },
                  { key: 'level', label: '级别', children: LEVEL_LABELS[selected.level] },
                  { key: 'code', label: '区划代码', children: selected.code },
                  {
                    key: 'parent',
                    label: '上级',
                    children: selected.parentId
                      ? (byId.get(selected.parentId)?.name ?? selected.path.split('.').at(-2))
                      : '无（市级）',
                  },
                ]}
              />
            </Card>
          ) : null}
          <RegionForm
            key={selected?.id ?? 'root'}
            parent={selected}
            onCreated={(r) => void onCreated(r)}
          />
        </Col>
      </Row>
    </>
  );
}

interface Values {
  code: string;
  name: string;
}

function RegionForm({
  parent,
  onCreated,
}: {
  parent: RegionView | null;
  onCreated: (region: RegionView) => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [banner, setBanner] = useState<string | null>(null);
  const level: RegionLevel | null = parent ? CHILD_LEVEL[parent.level] : 'city';
  const save = useMutation({
    mutationFn: (values: Values) =>
      must(
        api.POST('/api/v1/regions', {
          body: { ...values, level: level!, parentId: parent?.id ?? null },
        }),
      ),
    onSuccess: (region) => {
      void message.success(`已新增：${region.name}`);
      form.resetFields();
      onCreated(region);
    },
    onError: (error) => setBanner(showProblemOnForm(form, error, ['code', 'name', 'level'])),
  });
  if (!level) {
    return <Alert type="info" showIcon title="村（社区）是最末一级，不能再添加下级区划。" />;
  }
  const title = parent ? `在“${parent.name}”下新增${LEVEL_LABELS[level]}` : '新增市';
  return (
    <Card title={<span id="region-form-title">{title}</span>} size="small">
      {banner ? <Alert type="error" showIcon title={banner} style={{ marginBottom: 16 }} /> : null}
      <Form<Values>
        form={form}
        layout="vertical"
        aria-labelledby="region-form-title"
        onFinish={(values) => {
          setBanner(null);
          save.mutate(values);
        }}
      >
        <Form.Item name="name" label="名称" rules={[{ required: true, message: '请填写名称' }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="code"
          label="区划代码"
          extra="12 位统计用区划代码"
          rules={[
            { required: true, message: '请填写区划代码' },
            { pattern: /^\d{12}$/, message: '区划代码为 12 位数字' },
          ]}
        >
          <Input autoComplete="off" inputMode="numeric" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          新增{LEVEL_LABELS[level]}
        </Button>
        {parent ? (
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            要新增市，请再次点击已选中的区划取消选择。
          </Typography.Paragraph>
        ) : null}
      </Form>
    </Card>
  );
}
