import { renderAsync } from '@resvg/resvg-js';
import { logger as vegaLogger, parse, View, Warn } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { CHART_FONT_FAMILY } from './chart-fonts.ts';
import { rasterFontFiles } from './font-subset.ts';
import { installTextMetrics } from './text-metrics.ts';

/**
 * Vega-Lite spec to PNG, in process: vega-lite compiles, vega's headless `View` writes
 * SVG, resvg rasterizes it with the bundled fonts only. No browser, no canvas, no
 * system fonts, so the same spec gives the same picture on every machine.
 */

/** Rasterizer zoom: 2 gives sharp text on high-density screens. */
export const DEFAULT_CHART_ZOOM = 2;

/** A rendered chart. */
export interface RenderedChart {
  svg: string;
  png: Buffer;
  /** Pixel size of the PNG. */
  width: number;
  height: number;
  /** What vega-lite and vega warned about while building the chart. */
  warnings: string[];
}

function collectingLogger(warnings: string[]) {
  // vega's own logger, routed into a list instead of the console (stdout belongs to `ask --json`).
  return vegaLogger(Warn, 'warn', (_method, level, args) => {
    warnings.push(`${level} ${args.map(String).join(' ')}`);
  });
}

/** A finished headless vega view of a Vega-Lite spec; the caller finalizes it. */
export async function chartView(spec: TopLevelSpec, warnings: string[] = []): Promise<View> {
  installTextMetrics();
  const logger = collectingLogger(warnings);
  const { spec: vgSpec } = compile(spec, { logger });
  const view = new View(parse(vgSpec), { renderer: 'none', logger });
  await view.runAsync();
  return view;
}

/** The SVG of a Vega-Lite spec. */
export async function renderSvg(spec: TopLevelSpec, warnings: string[] = []): Promise<string> {
  const view = await chartView(spec, warnings);
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** Rasterize an SVG with the bundled fonts, off the main thread. */
export async function rasterize(svg: string, zoom = DEFAULT_CHART_ZOOM): Promise<{ png: Buffer; width: number; height: number }> {
  const image = await renderAsync(svg, {
    font: { loadSystemFonts: false, fontFiles: await rasterFontFiles(svg), defaultFontFamily: CHART_FONT_FAMILY, sansSerifFamily: CHART_FONT_FAMILY },
    fitTo: { mode: 'zoom', value: zoom },
    background: 'white',
    logLevel: 'off',
  });
  return { png: image.asPng(), width: image.width, height: image.height };
}

/** Spec to SVG to PNG. */
export async function renderChart(spec: TopLevelSpec, zoom = DEFAULT_CHART_ZOOM): Promise<RenderedChart> {
  const warnings: string[] = [];
  const svg = await renderSvg(spec, warnings);
  const { png, width, height } = await rasterize(svg, zoom);
  return { svg, png, width, height, warnings };
}
