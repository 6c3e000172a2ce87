import { Alert, Button, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';

/**
 * A new password shown once: it is not stored anywhere in the app and cannot be shown again,
 * only reset. The admin passes it on to the user, who changes it.
 */
export function OneTimePassword({
  shown,
  onClose,
}: {
  shown: { username: string; displayName: string; password: string; reset: boolean } | null;
  onClose: () => void;
}) {
  const [copied, setCopied] = useState(false);
  return (
    <Modal
      open={shown !== null}
      title={shown?.reset ? '密码已重置' : '用户已创建'}
      onCancel={() => {
        setCopied(false);
        onClose();
      }}
      footer={
        <Button
          type="primary"
          onClick={() => {
            setCopied(false);
            onClose();
          }}
        >
          我已记下，关闭
        </Button>
      }
      destroyOnHidden
    >
      {shown ? (
        <>
          <Typography.Paragraph>
            {shown.displayName}（用户名 <strong>{shown.username}</strong>）的初始密码：
          </Typography.Paragraph>
          <Space.Compact style={{ width: '100%', marginBottom: 16 }}>
            <Input
              readOnly
              aria-label="初始密码"
              value={shown.password}
              style={{ fontSize: 20, fontFamily: 'ui-monospace, monospace' }}
            />
            <Button
              onClick={() =>
                void navigator.clipboard
                  ?.writeText(shown.password)
                  .then(() => setCopied(true))
                  .catch(() => setCopied(false))
              }
            >
              {copied ? '已复制' : '复制密码'}
            </Button>
          </Space.Compact>
          <Alert
            type="warning"
            showIcon
            title="此密码只显示这一次"
            description="关闭后无法再次查看，只能重新重置。请当面或通过可靠渠道交给本人，并提醒其登录后修改。"
          />
        </>
      ) : null}
    </Modal>
  );
}
