import { Typography } from 'antd';

/** Placeholder until the admin's screens are built. */
export function HomePage() {
  return (
    <>
      <Typography.Title level={2}>系统管理</Typography.Title>
      <Typography.Paragraph>此处的功能正在建设中。</Typography.Paragraph>
    </>
  );
}
