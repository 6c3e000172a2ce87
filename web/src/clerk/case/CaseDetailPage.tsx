import { FilePdfOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  List,
  Space,
  Spin,
  Timeline,
  Typography,
} from 'antd';
import { useParams } from 'react-router';
import { api, must } from '../../api/client';
import { ApiProblem } from '../../api/problem';
import { DaysLeftBadge } from '../../ui/DaysLeftBadge';
import { formatDate, formatDateTime } from '../../ui/format';
import { problemText } from '../../ui/problem-messages';
import { StatusTag } from '../../ui/StatusTag';
import { ClosureTracks } from '../closure/ClosureTracks';
import {
  ACTIONS,
  DISPUTE_TYPES,
  GENDERS,
  KINDS,
  label,
  RESIDENCE,
  RESULTS,
  ROLE_NAMES,
  ROUTES,
  SOURCES,
} from '../labels';
import { caseKey, useCase, useTimeline, type CaseDetail } from '../queries';
import { useCaseForm } from './case-form';
import { openPdf } from './open-pdf';
import { FamilyPanel } from './FamilyPanel';
import { PartyCard } from './PartyCard';

/** One case: particulars, each party's consent and screening, refer, letter, timeline, tracks. */
export function CaseDetailPage() {
  const { id = '' } = useParams();
  const kase = useCase(id);
  if (kase.isLoading) return <Spin tip="正在加载…" />;
  if (kase.error || !kase.data)
    return (
      <Alert
        type="error"
        showIcon
        title={kase.error instanceof ApiProblem ? problemText(kase.error.problem) : '加载失败'}
      />
    );
  return <CaseView kase={kase.data} />;
}

function CaseView({ kase }: { kase: CaseDetail }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const refer = useCaseForm({
    kase,
    write: (_: void, version: number) =>
      must(
        api.POST('/api/v1/cases/{id}/refer', {
          params: { path: { id: kase.id } },
          body: { version },
        }),
      ),
    done: '已委派调解',
  });
  const allConsented =
    kase.parties.length > 0 &&
    kase.parties.every((p) =>
      kase.consents.some((c) => c.partyId === p.id && c.decision === 'consented'),
    );
  const allScreened = kase.parties.every((p) => kase.screenings.some((s) => s.partyId === p.id));
  const letter = [...(kase.documents ?? [])]
    .reverse()
    .find((d) => d.type === 'referral_letter' && !d.supersededAt);

  const printLetter = () =>
    openPdf(async () => {
      if (letter) return letter.id;
      const doc = await must(
        api.POST('/api/v1/cases/{id}/documents', {
          params: { path: { id: kase.id } },
          body: { type: 'referral_letter', draft: false },
        }),
      );
      void queryClient.invalidateQueries({ queryKey: caseKey(kase.id) });
      return doc.id;
    }).catch((error: unknown) =>
      message.error(
        error instanceof ApiProblem ? problemText(error.problem) : '文书打开失败，请稍后再试',
      ),
    );

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap="middle">
        <Space align="center" wrap>
          <Typography.Title level={2} style={{ margin: 0 }}>
            {kase.caseNumber}
          </Typography.Title>
          <StatusTag status={kase.status} />
          {kase.status !== 'closed' ? <DaysLeftBadge daysLeft={kase.daysLeft} /> : null}
          {kase.dvFlag ? (
            <span className="mx-tag mx-tone-danger">
              <span aria-hidden="true">▲</span> 家暴风险
            </span>
          ) : null}
        </Space>
        <Space>
          {kase.status === 'received' ? (
            <Button
              type="primary"
              disabled={!allConsented || !allScreened}
              loading={refer.pending}
              onClick={() => refer.submit()}
            >
              委派调解
            </Button>
          ) : null}
          {letter || kase.status === 'assigned' || kase.status === 'in_mediation' ? (
            <Button icon={<FilePdfOutlined />} onClick={() => void printLetter()}>
              打印委派调解函
            </Button>
          ) : null}
        </Space>
      </Flex>
      {refer.alert}
      {kase.status === 'received' && (!allConsented || !allScreened) ? (
        <Alert type="info" showIcon title="委派前须：每位当事人同意调解，并分别完成安全评估。" />
      ) : null}
      <Card size="small" title={<h2 style={{ margin: 0, fontSize: 16 }}>案件信息</h2>}>
        <Descriptions size="small" column={3}>
          <Descriptions.Item label="法院案号">{kase.courtReference ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="纠纷类型">
            {label(DISPUTE_TYPES, kase.disputeType)}
          </Descriptions.Item>
          <Descriptions.Item label="调解类型">{label(KINDS, kase.mediationKind)}</Descriptions.Item>
          <Descriptions.Item label="案件来源">{label(SOURCES, kase.source)}</Descriptions.Item>
          <Descriptions.Item label="收案时间">{formatDateTime(kase.receivedAt)}</Descriptions.Item>
          <Descriptions.Item label="调解期限">
            {kase.deadlineAt ? formatDate(kase.deadlineAt) : '调解员接收后起算'}
          </Descriptions.Item>
          {kase.result ? (
            <Descriptions.Item label="调解结果">
              {label(RESULTS, kase.result)}
              {kase.route ? `，${label(ROUTES, kase.route)}` : ''}
            </Descriptions.Item>
          ) : null}
          <Descriptions.Item label="案情摘要" span={3}>
            {kase.summary}
          </Descriptions.Item>
          <Descriptions.Item label="诉讼请求" span={3}>
            {kase.claims}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <section aria-label="当事人">
        {kase.parties.map((party) => (
          <PartyCard key={party.id} kase={kase} party={party} />
        ))}
      </section>
      <Card size="small" title={<h2 style={{ margin: 0, fontSize: 16 }}>未成年子女</h2>}>
        {kase.children.length === 0 ? (
          <Typography.Text>无</Typography.Text>
        ) : (
          <List
            size="small"
            dataSource={kase.children}
            renderItem={(c) => (
              <List.Item>
                {c.name}，{label(GENDERS, c.gender)}，{formatDate(c.birthDate)}出生，
                {label(RESIDENCE, c.residence)}
              </List.Item>
            )}
          />
        )}
      </Card>
      <FamilyPanel kase={kase} />
      {kase.status === 'closed' ? <ClosureTracks kase={kase} /> : null}
      {(kase.documents ?? []).length > 0 ? (
        <Card size="small" title={<h2 style={{ margin: 0, fontSize: 16 }}>文书</h2>}>
          <List
            size="small"
            dataSource={kase.documents}
            renderItem={(d) => (
              <List.Item
                actions={[
                  <Button
                    key="open"
                    type="link"
                    onClick={() =>
                      void openPdf(async () => d.id).catch(() => message.error('文书打开失败'))
                    }
                  >
                    打开
                  </Button>,
                ]}
              >
                {d.title}（第{d.version}版，{formatDateTime(d.issuedAt)}）
                {d.supersededAt ? '已被新版本取代' : ''}
              </List.Item>
            )}
          />
        </Card>
      ) : null}
      <CaseTimeline id={kase.id} />
    </Space>
  );
}

function CaseTimeline({ id }: { id: string }) {
  const timeline = useTimeline(id);
  return (
    <Card
      size="small"
      title={<h2 style={{ margin: 0, fontSize: 16 }}>办理经过</h2>}
      loading={timeline.isLoading}
    >
      <Timeline
        items={(timeline.data ?? []).map((entry) => ({
          children: (
            <span>
              {formatDateTime(entry.at)} {entry.actor ?? '系统'}
              {entry.role ? `（${label(ROLE_NAMES, entry.role)}）` : ''}：
              {ACTIONS[entry.action] ?? entry.action}
            </span>
          ),
        }))}
      />
    </Card>
  );
}
