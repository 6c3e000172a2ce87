import { Card, List, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { formatDate } from '../../ui/format';
import { StatusTag } from '../../ui/StatusTag';
import { DISPUTE_TYPES, label, PARTY_ROLES, RESULTS } from '../labels';
import { useFamily, type CaseDetail } from '../queries';

/**
 * 家庭记录: the other cases of the same people (by ID number), as far as she may see them; the
 * API lists only those. Nothing at all when the family has no other record.
 */
export function FamilyPanel({ kase }: { kase: CaseDetail }) {
  const family = useFamily(kase.id);
  const items = (family.data?.items ?? []).filter((i) => i.kind === 'case');
  if (items.length === 0) return null;
  const earlier = family.data?.earlierRecords ?? kase.family?.earlierRecords ?? 0;
  return (
    <Card
      size="small"
      title={
        <h2 id="family-title" style={{ margin: 0, fontSize: 16 }}>
          家庭记录
        </h2>
      }
    >
      <section aria-labelledby="family-title">
        <Typography.Paragraph strong>
          {earlier > 0
            ? `该家庭有 ${earlier} 条更早的记录`
            : `该家庭没有更早的记录，有 ${items.length} 条更晚的记录`}
        </Typography.Paragraph>
        <List
          size="small"
          dataSource={items}
          renderItem={(item) => (
            <List.Item>
              <Space direction="vertical" size={2}>
                <Space wrap>
                  <Link to={`/clerk/cases/${item.caseId}`}>{item.caseNumber}</Link>
                  <StatusTag status={item.status} />
                  <span>{label(DISPUTE_TYPES, item.disputeType)}</span>
                  {item.result ? <span>{label(RESULTS, item.result)}</span> : null}
                </Space>
                <span>
                  收案 {formatDate(item.receivedAt)}
                  {item.closedAt ? `，结案 ${formatDate(item.closedAt)}` : ''}
                  {item.earlier ? '（早于本案）' : '（晚于本案）'}
                </span>
                <span>
                  共同当事人：
                  {item.shared
                    .map(
                      (s) =>
                        `${s.name}（本案${label(PARTY_ROLES, s.role)}，该案${label(PARTY_ROLES, s.roleThere)}，身份证 ${s.idNumber}）`,
                    )
                    .join('；')}
                </span>
              </Space>
            </List.Item>
          )}
        />
      </section>
    </Card>
  );
}
