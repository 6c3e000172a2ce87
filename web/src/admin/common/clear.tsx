import { CloseCircleFilled } from '@ant-design/icons';

/** A search box's clear button, named in Chinese (antd's icon says "close-circle"). */
export const CLEAR = { clearIcon: <CloseCircleFilled aria-label="清除" /> };
