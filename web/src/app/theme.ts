import type { ThemeConfig } from 'antd'

// Colours chosen for contrast ≥ 4.5:1 on white (WCAG AA), which antd's defaults miss for
// secondary text (#00000073 ≈ 2.9:1) and the primary blue (#1677ff ≈ 4.1:1).
const PRIMARY = '#0b57d0' // 6.4:1

export const standardTheme: ThemeConfig = {
  token: {
    colorPrimary: PRIMARY,
    colorLink: PRIMARY,
    colorText: '#1f1f1f',
    colorTextSecondary: '#4a4a4a',
    colorTextTertiary: '#545454',
    colorTextDescription: '#4a4a4a',
    colorError: '#b3261e',
    colorSuccess: '#146c2e',
    colorWarning: '#8a5300',
    fontSize: 16,
    borderRadius: 6,
  },
}

/**
 * 长辈版, after MIIT's 互联网网站适老化通用设计规范: text ≥ 18 px (main text 20), line height
 * ≥ 1.3 everywhere (headings included), controls 60 px high, near-black text.
 */
export const elderlyTheme: ThemeConfig = {
  token: {
    ...standardTheme.token,
    colorText: '#000000',
    colorTextSecondary: '#262626',
    colorTextTertiary: '#262626',
    colorTextDescription: '#262626',
    fontSize: 20,
    fontSizeSM: 18,
    fontSizeLG: 22,
    fontSizeHeading1: 34,
    fontSizeHeading2: 30,
    fontSizeHeading3: 26,
    fontSizeHeading4: 24,
    fontSizeHeading5: 22,
    lineHeight: 1.6,
    lineHeightSM: 1.5,
    lineHeightLG: 1.5,
    lineHeightHeading1: 1.35,
    lineHeightHeading2: 1.35,
    lineHeightHeading3: 1.4,
    lineHeightHeading4: 1.4,
    lineHeightHeading5: 1.4,
    controlHeight: 60,
    controlHeightSM: 60,
    controlHeightLG: 64,
  },
}
