import { Dialog } from 'antd-mobile';
import type { ReactNode } from 'react';

/**
 * "Are you sure?" before a step that cannot be undone. Declarative (`<Dialog visible>`):
 * antd-mobile's imperative Dialog.confirm renders outside React 19's root.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmText,
  cancelText,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmText: string;
  cancelText: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <Dialog
      visible={open}
      aria-label={title}
      title={title}
      content={children}
      closeOnMaskClick
      onClose={onCancel}
      actions={[
        [
          { key: 'cancel', text: cancelText, onClick: onCancel },
          { key: 'confirm', text: confirmText, bold: true, danger: true, onClick: onConfirm },
        ],
      ]}
    />
  );
}
