import type { MessageKey } from '../../i18n/messages.zh-CN.js';

/** The panels the wall can show. */
export type WallPanel =
  | 'map'
  | 'counts'
  | 'rates'
  | 'ticker'
  | 'hotCategories'
  | 'hotWords'
  | 'warnings'
  | 'unitAlerts'
  | 'ranking'
  | 'petitionRisks';

/**
 * One panel of a scene and where it sits on the wall's grid of 12 columns × 6 rows, as a CSS `grid-area`:
 * `row-start / column-start / row-end / column-end` (lines, 1-based; the end line is past the last cell).
 */
export interface ScenePanel {
  panel: WallPanel;
  area: string;
}

/** A scene of the wall (总体态势 …): its name and its panels. */
export interface WallScene {
  key: string;
  labelKey: MessageKey;
  panels: readonly ScenePanel[];
}

/**
 * The scenes the wall switches between, in order. A city rearranges its wall here: panels may be moved,
 * resized, left out or repeated; the grid is 12 × 6 on a 1920 × 1080 design.
 */
export const WALL_SCENES: readonly WallScene[] = [
  {
    key: 'overall',
    labelKey: 'dashboard.scene.overall',
    panels: [
      { panel: 'counts', area: '1 / 1 / 2 / 4' },
      { panel: 'rates', area: '2 / 1 / 4 / 4' },
      { panel: 'hotCategories', area: '4 / 1 / 6 / 4' },
      { panel: 'hotWords', area: '6 / 1 / 7 / 4' },
      { panel: 'map', area: '1 / 4 / 5 / 10' },
      { panel: 'ticker', area: '5 / 4 / 7 / 10' },
      { panel: 'warnings', area: '1 / 10 / 3 / 13' },
      { panel: 'unitAlerts', area: '3 / 10 / 5 / 13' },
      { panel: 'ranking', area: '5 / 10 / 7 / 13' },
    ],
  },
  {
    key: 'urban',
    labelKey: 'dashboard.scene.urban',
    panels: [
      { panel: 'hotCategories', area: '1 / 1 / 4 / 4' },
      { panel: 'unitAlerts', area: '4 / 1 / 7 / 4' },
      { panel: 'map', area: '1 / 4 / 7 / 10' },
      { panel: 'counts', area: '1 / 10 / 2 / 13' },
      { panel: 'ticker', area: '2 / 10 / 5 / 13' },
      { panel: 'ranking', area: '5 / 10 / 7 / 13' },
    ],
  },
  {
    key: 'governance',
    labelKey: 'dashboard.scene.governance',
    panels: [
      { panel: 'warnings', area: '1 / 1 / 3 / 4' },
      { panel: 'petitionRisks', area: '3 / 1 / 5 / 4' },
      { panel: 'hotWords', area: '5 / 1 / 7 / 4' },
      { panel: 'map', area: '1 / 4 / 7 / 10' },
      { panel: 'rates', area: '1 / 10 / 3 / 13' },
      { panel: 'ranking', area: '3 / 10 / 5 / 13' },
      { panel: 'ticker', area: '5 / 10 / 7 / 13' },
    ],
  },
  {
    key: 'services',
    labelKey: 'dashboard.scene.services',
    panels: [
      { panel: 'counts', area: '1 / 1 / 2 / 5' },
      { panel: 'rates', area: '2 / 1 / 4 / 5' },
      { panel: 'hotCategories', area: '4 / 1 / 7 / 5' },
      { panel: 'ticker', area: '1 / 5 / 7 / 9' },
      { panel: 'ranking', area: '1 / 9 / 4 / 13' },
      { panel: 'unitAlerts', area: '4 / 9 / 7 / 13' },
    ],
  },
];
