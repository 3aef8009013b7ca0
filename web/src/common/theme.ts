import type { ThemeConfig } from 'antd';

/**
 * The look of Chinese government and enterprise systems: Ant Design defaults, a deep
 * government red as the accent of the header, the standard blue for actions (readable contrast:
 * white on #1f4e9c and #a61d24 is above 7:1).
 */
export const theme: ThemeConfig = {
  token: {
    // People who ask their system for less motion (prefers-reduced-motion) get none: dropdowns,
    // drawers and messages appear at once, without their animations.
    motion: !prefersReducedMotion(),
    colorPrimary: '#1f4e9c',
    colorLink: '#1f4e9c',
    borderRadius: 4,
    fontFamily:
      '-apple-system, BlinkMacSystemFont, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  },
  components: {
    Layout: { headerBg: '#a61d24', headerHeight: 56, headerPadding: '0 16px', siderBg: '#ffffff' },
    Menu: { itemSelectedColor: '#1f4e9c' },
  },
};

export const HEADER_TEXT_COLOR = '#ffffff';

/** Whether the reader's system asks for reduced motion (an accessibility setting). */
function prefersReducedMotion(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}
