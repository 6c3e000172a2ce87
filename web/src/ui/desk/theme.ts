import type { ThemeConfig } from 'antd';

/** AA contrast (4.5:1) for every text antd draws, including secondary and placeholder text. */
export const deskTheme: ThemeConfig = {
  token: {
    colorPrimary: '#8c1c4a',
    colorLink: '#0b5394',
    colorError: '#b3261e',
    colorTextSecondary: 'rgba(0, 0, 0, 0.72)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.66)',
    colorTextDescription: 'rgba(0, 0, 0, 0.66)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.58)',
    colorTextDisabled: 'rgba(0, 0, 0, 0.58)',
    fontFamily: "'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', system-ui, sans-serif",
  },
};
