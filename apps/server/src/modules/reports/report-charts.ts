import fs from 'node:fs';
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import type { EChartsOption } from 'echarts';

const require = createRequire(import.meta.url);
/** Noto Sans SC (SIL OFL), as the mediation PDF uses it: the charts' Chinese labels need a CJK face. */
const FONT_FILE = require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
const FONT_FAMILY = 'Noto Sans SC';

let fontPath: string | undefined;
/** ECharts takes most of a second to load: loaded on the first chart, not with the server. */
let echartsModule: Promise<typeof import('echarts')> | undefined;

/** A chart as a PNG image and its size in pixels (drawn at twice the size for print). */
export interface ChartImage {
  png: Buffer;
  width: number;
  height: number;
}

/**
 * Draws an ECharts option on the server (SVG renderer, no DOM) and rasterises it with resvg in the
 * Noto Sans SC face, so a document shows the same chart the console would.
 */
export async function renderChart(option: EChartsOption, width: number, height: number): Promise<ChartImage> {
  echartsModule ??= import('echarts');
  const echarts = await echartsModule;
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({
      animation: false,
      backgroundColor: '#ffffff',
      textStyle: { fontFamily: FONT_FAMILY },
      ...option,
    });
    const svg = chart.renderToSVGString();
    fontPath ??= fs.existsSync(FONT_FILE) ? FONT_FILE : undefined;
    const resvg = new Resvg(svg, {
      fitTo: { mode: 'zoom', value: 2 },
      font: {
        fontFiles: fontPath ? [fontPath] : [],
        loadSystemFonts: false,
        defaultFontFamily: FONT_FAMILY,
      },
    });
    return { png: resvg.render().asPng(), width, height };
  } finally {
    chart.dispose();
  }
}

const PALETTE = ['#1f5fa8', '#d4380d', '#389e0d', '#d48806', '#722ed1', '#08979c', '#c41d7f', '#595959'];

/** 诉求量: a bar chart of counts now and in the previous period, one pair per group. */
export function volumeChart(
  title: string,
  rows: { label: string; count: number; previous: number }[],
  labels: { now: string; before: string },
): Promise<ChartImage> {
  const shown = rows.slice(0, 10);
  return renderChart(
    {
      color: PALETTE,
      title: { text: title, left: 'center', textStyle: { fontSize: 15 } },
      legend: { bottom: 0, data: [labels.now, labels.before] },
      grid: { left: 48, right: 16, top: 52, bottom: 72 },
      xAxis: {
        type: 'category',
        data: shown.map((r) => r.label),
        axisLabel: { interval: 0, rotate: shown.length > 5 ? 30 : 0, fontSize: 11 },
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          name: labels.now,
          type: 'bar',
          data: shown.map((r) => r.count),
          label: { show: true, position: 'top' },
        },
        { name: labels.before, type: 'bar', data: shown.map((r) => r.previous) },
      ],
    },
    640,
    320,
  );
}

/** 趋势: registered cases per day (bars) and the three rates (lines, in per cent). */
export function trendChart(
  days: {
    day: string;
    total: number;
    response: number | null;
    solving: number | null;
    satisfaction: number | null;
  }[],
): Promise<ChartImage> {
  const pct = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);
  return renderChart(
    {
      color: PALETTE,
      title: { text: '每日诉求量与三率', left: 'center', textStyle: { fontSize: 15 } },
      legend: { bottom: 0, data: ['登记件数', '响应率', '解决率', '满意率'] },
      grid: { left: 48, right: 48, top: 52, bottom: 56 },
      xAxis: { type: 'category', data: days.map((d) => d.day.slice(5)) },
      yAxis: [
        { type: 'value', name: '件', minInterval: 1 },
        { type: 'value', name: '%', min: 0, max: 100 },
      ],
      series: [
        { name: '登记件数', type: 'bar', data: days.map((d) => d.total) },
        {
          name: '响应率',
          type: 'line',
          yAxisIndex: 1,
          data: days.map((d) => pct(d.response)),
          connectNulls: true,
        },
        {
          name: '解决率',
          type: 'line',
          yAxisIndex: 1,
          data: days.map((d) => pct(d.solving)),
          connectNulls: true,
        },
        {
          name: '满意率',
          type: 'line',
          yAxisIndex: 1,
          data: days.map((d) => pct(d.satisfaction)),
          connectNulls: true,
        },
      ],
    },
    640,
    320,
  );
}
