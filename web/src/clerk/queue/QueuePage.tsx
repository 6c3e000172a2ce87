import { Typography } from 'antd';

export function QueuePage() {
  return <Typography.Title level={2}>本院案件</Typography.Title>;
}
