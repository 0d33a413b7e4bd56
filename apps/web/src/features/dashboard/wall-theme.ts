import { type ThemeConfig, theme } from 'antd';

/** The wall's design size: every panel is laid out for it, then scaled to the screen. */
export const WALL_WIDTH = 1920;
export const WALL_HEIGHT = 1080;

/** The command hall's colours: deep navy, glowing cyan and blue, amber and red for what needs attention. */
export const WALL = {
  background: '#020b1f',
  panel: 'linear-gradient(180deg, rgba(8, 38, 84, 0.72) 0%, rgba(4, 20, 48, 0.78) 100%)',
  border: 'rgba(56, 182, 255, 0.38)',
  glow: '0 0 18px rgba(0, 162, 255, 0.22) inset',
  cyan: '#3ee6ff',
  blue: '#2f8cff',
  text: '#e6f4ff',
  muted: '#8fb3d9',
  green: '#3ddc97',
  amber: '#ffc53d',
  red: '#ff5c5c',
  numerals: '"DIN Alternate", "Bahnschrift", "Roboto Mono", "DejaVu Sans Mono", monospace',
} as const;

/** antd on the wall: the dark algorithm in the wall's colours. */
export const WALL_ANTD_THEME: ThemeConfig = {
  algorithm: theme.darkAlgorithm,
  token: {
    colorPrimary: WALL.blue,
    colorBgBase: WALL.background,
    colorTextBase: WALL.text,
    fontSize: 16,
  },
};

/** The colour of a case's light (绿灯/黄灯/红灯) on the wall. */
export const LIGHT_COLOURS = { green: WALL.green, yellow: WALL.amber, red: WALL.red } as const;
