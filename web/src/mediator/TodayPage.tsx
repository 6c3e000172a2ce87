import { ErrorBlock } from 'antd-mobile';

/** Placeholder until the mediator's screens are built. */
export function TodayPage() {
  return <ErrorBlock status="empty" title="今日暂无安排" description="此处的功能正在建设中。" />;
}
