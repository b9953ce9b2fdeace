import type { Answer, Chart } from '../core/answer.ts';
import type { CoreLogger } from '../core/logger.ts';
import { chartFonts } from './chart-fonts.ts';
import { planChart, type ChartPlan } from './chart-plan.ts';
import { chartSpec, DEFAULT_CHART_SIZE, type ChartSize } from './chart-spec.ts';
import { chartKey, readStoredChart, storeChart } from './chart-store.ts';
import { DEFAULT_CHART_ZOOM, renderChart } from './render-chart.ts';

/**
 * Attaching charts to answers. Front ends get the PNG's path and the data drawn in
 * `answer.chart`; uploading it (Slack files, Discord attachments) is theirs to do.
 */

/** What the command runner calls after a command answered. */
export interface ChartAttacher {
  /** The answer with `chart` set when it is a chartable series or comparison; otherwise unchanged. Rejects when rendering fails. */
  attach(answer: Answer): Promise<Answer>;
}

/** Where and how charts are drawn. */
export interface ChartOptions {
  /** Folder of the PNG files (CHARTS_DIR). */
  dir: string;
  size?: ChartSize;
  zoom?: number;
  logger?: CoreLogger;
}

/** Draw a plan, or reuse the file of an equal chart drawn before. */
export async function drawChart(plan: ChartPlan, options: ChartOptions): Promise<Chart> {
  const size = options.size ?? DEFAULT_CHART_SIZE;
  const zoom = options.zoom ?? DEFAULT_CHART_ZOOM;
  const spec = chartSpec(plan, size);
  const key = chartKey({ plan, spec, zoom, fonts: chartFonts().fingerprint });
  const stored = await readStoredChart(options.dir, key);
  if (stored) return stored;
  const rendered = await renderChart(spec, zoom);
  if (rendered.warnings.length) options.logger?.warn({ chart: key, warnings: rendered.warnings.slice(0, 5) }, 'chart rendered with warnings');
  const chart: Omit<Chart, 'path'> = {
    width: rendered.width,
    height: rendered.height,
    title: plan.title,
    series: plan.series.map((s) => ({
      company: s.company,
      label: s.label,
      points: s.points.map((p) => ({ period: p.period, value: p.value, computed: p.computed })),
    })),
  };
  if (plan.notes.length) chart.note = plan.notes.join(' ');
  return storeChart(options.dir, key, rendered.png, chart);
}

/** An attacher that writes charts to `options.dir`. */
export function createChartAttacher(options: ChartOptions): ChartAttacher {
  return {
    async attach(answer) {
      if (answer.chart) return answer;
      const planned = planChart(answer);
      if (!planned.ok) return answer;
      return { ...answer, chart: await drawChart(planned.plan, options) };
    },
  };
}
