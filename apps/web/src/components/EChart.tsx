import { Flex, Spin } from 'antd';
import type { EChartsCoreOption, EChartsType } from 'echarts/core';
import { type CSSProperties, useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';

type EChartsModule = typeof import('../platform/charts/echarts-setup.js');

let loading: Promise<EChartsModule> | null = null;
// ECharts comes with the first chart a user opens, never with the shell.
function loadECharts(): Promise<EChartsModule> {
  loading ??= import('../platform/charts/echarts-setup.js').catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

/** A GeoJSON FeatureCollection to register as an ECharts map. */
export type MapGeoJson = Parameters<EChartsModule['echarts']['registerMap']>[1];

/** Props of {@link EChart}. */
export interface EChartProps {
  option: EChartsCoreOption;
  /** maps the option names (`geo.map`), registered before the option is set */
  maps?: Record<string, MapGeoJson>;
  /** called once with the chart, e.g. to listen to clicks */
  onInit?: (chart: EChartsType) => void;
  style?: CSSProperties;
  /** accessible description of what the chart shows */
  ariaLabel: string;
  /** a registered ECharts theme (`dark` on the command hall's wall) */
  theme?: string;
  /** pixels drawn per CSS pixel, above the screen's own when the chart is scaled up by a CSS transform */
  pixelRatio?: number;
}

/** A chart that loads ECharts on demand, follows its container's size and replaces its option on change. */
export function EChart({ option, maps, onInit, style, ariaLabel, theme, pixelRatio }: EChartProps) {
  const { t } = useI18n();
  const container = useRef<HTMLDivElement>(null);
  const chartRef = useRef<EChartsType | null>(null);
  const [lib, setLib] = useState<EChartsModule | null>(null);
  const [failed, setFailed] = useState(false);
  const onInitRef = useRef(onInit);
  onInitRef.current = onInit;
  const latest = useRef({ option, maps });
  latest.current = { option, maps };

  useEffect(() => {
    let alive = true;
    loadECharts().then(
      (module) => alive && setLib(module),
      () => alive && setFailed(true),
    );
    return () => {
      alive = false;
    };
  }, []);

  useEffect(() => {
    if (!lib || !container.current) return;
    const chart = lib.echarts.init(
      container.current,
      theme,
      pixelRatio ? { devicePixelRatio: pixelRatio } : {},
    );
    onInitRef.current?.(chart);
    // a chart made again (another theme or pixel ratio) starts from the option in force
    const draw = () => {
      for (const [name, geoJson] of Object.entries(latest.current.maps ?? {}))
        lib.echarts.registerMap(name, geoJson);
      chart.setOption(latest.current.option, { notMerge: true });
      chartRef.current = chart;
    };
    // a container not laid out yet or hidden (an inactive tab) measures 0 × 0: ECharts cannot lay a map out
    // in it (its view's transform does not invert), so the chart is drawn once the container has a size, and
    // keeps its last size while it is hidden again
    const element = container.current;
    if (element.clientWidth > 0 && element.clientHeight > 0) draw();
    const observer = new ResizeObserver(([entry]) => {
      if (!entry || entry.contentRect.width === 0 || entry.contentRect.height === 0) return;
      if (chartRef.current) chart.resize();
      else draw();
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, [lib, theme, pixelRatio]);

  useEffect(() => {
    const chart = chartRef.current;
    if (!lib || !chart) return;
    for (const [name, geoJson] of Object.entries(maps ?? {})) lib.echarts.registerMap(name, geoJson);
    chart.setOption(option, { notMerge: true });
  }, [lib, option, maps]);

  return (
    <div style={{ position: 'relative', ...style }} role="img" aria-label={ariaLabel}>
      <div ref={container} style={{ position: 'absolute', inset: 0 }} />
      {!lib && (
        <Flex align="center" justify="center" style={{ position: 'absolute', inset: 0 }}>
          {failed ? t('chart.loadFailed') : <Spin />}
        </Flex>
      )}
    </div>
  );
}
