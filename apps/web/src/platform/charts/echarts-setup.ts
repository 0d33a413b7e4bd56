import {
  BarChart,
  EffectScatterChart,
  HeatmapChart,
  LineChart,
  LinesChart,
  ScatterChart,
} from 'echarts/charts';
import {
  GeoComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

// Only the parts the console draws, so the lazy chunk stays small. Loaded by <EChart> with a dynamic import:
// nothing here may be imported statically from a page, or ECharts would land in that page's chunk.
echarts.use([
  GeoComponent,
  TooltipComponent,
  GridComponent,
  LegendComponent,
  LineChart,
  // a patrol's route over the grid's boundary
  LinesChart,
  BarChart,
  ScatterChart,
  // routes on a map (a patrol's track)
  LinesChart,
  // the command hall's wall: today's cases as a heat layer and new cases pulsing
  HeatmapChart,
  VisualMapComponent,
  EffectScatterChart,
  CanvasRenderer,
]);

export { echarts };
