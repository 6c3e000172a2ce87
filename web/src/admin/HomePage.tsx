import { useQueries } from '@tanstack/react-query';
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { Link } from 'react-router';
import { api, must } from '../api/client';

const one = { params: { query: { pageSize: 1 } } } as const;

/** The admin's start: what the system holds, and where each kind of thing is managed. */
export function HomePage() {
  const [users, courts, orgs, regions] = useQueries({
    queries: [
      {
        queryKey: ['admin', 'users', 'count'],
        queryFn: () => must(api.GET('/api/v1/users', one)),
      },
      {
        queryKey: ['admin', 'courts', 'count'],
        queryFn: () => must(api.GET('/api/v1/courts', one)),
      },
      {
        queryKey: ['admin', 'organizations', 'count'],
        queryFn: () => must(api.GET('/api/v1/organizations', one)),
      },
      {
        queryKey: ['admin', 'regions', 'count'],
        queryFn: () => must(api.GET('/api/v1/regions', one)),
      },
    ],
  });
  const cards = [
    {
      to: '/admin/users',
      title: '用户',
      count: users.data?.total,
      unit: '人',
      text: '账号、角色与范围，重置密码，停用',
    },
    {
      to: '/admin/regions',
      title: '行政区划',
      count: regions.data?.total,
      unit: '个',
      text: '市、县（区）、镇（街道）、村（社区）',
    },
    {
      to: '/admin/courts',
      title: '法院',
      count: courts.data?.total,
      unit: '个',
      text: '法院代码、案号代字与管辖区域',
    },
    {
      to: '/admin/organizations',
      title: '调解组织',
      count: orgs.data?.total,
      unit: '个',
      text: '调解委员会及其调解室',
    },
  ];
  return (
    <>
      <Typography.Title level={2}>系统管理</Typography.Title>
      <Row gutter={[16, 16]}>
        {cards.map((card) => (
          <Col span={6} key={card.to}>
            <Card>
              <Statistic
                title={<Link to={card.to}>{card.title}</Link>}
                value={card.count ?? '—'}
                suffix={card.count === undefined ? undefined : card.unit}
              />
              <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
                {card.text}
              </Typography.Paragraph>
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col span={12}>
          <Card title="审计日志">
            <Typography.Paragraph>
              每一次修改和每一次查看完整身份证号码、手机号都有记录：谁、何时、做了什么、理由。
            </Typography.Paragraph>
            <Link to="/admin/audit">查看审计日志</Link>
          </Card>
        </Col>
        <Col span={12}>
          <Card title="任务队列">
            <Typography.Paragraph>
              短信提醒、到期结案等后台任务的运行情况。将在新窗口打开，需再次输入管理员用户名和密码。
            </Typography.Paragraph>
            <a href="/admin/queues" target="_blank" rel="noopener noreferrer">
              打开队列监控（新窗口）
            </a>
          </Card>
        </Col>
      </Row>
    </>
  );
}
