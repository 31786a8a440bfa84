/**
 * The report's chart: one horizontal bar per term, as long as its uses, cut into one segment per form it is
 * written in (the approved form, each admitted form, each variant to fix, each variant not reported). Plain
 * inline SVG coloured by class, so the page's light, dark, print and VS Code styles apply to it, with a
 * `<title>` on every bar and segment for a pointer or a screen reader.
 */
import type { TermUsage } from '../model';
import { escapeHtml as esc } from './escape';

/** Terms drawn at most; the page says when there are more (the tables list them all). */
export const MAX_CHART_TERMS = 40;

const ROW = 24;
const BAR = 16;
const BAR_WIDTH = 480;
const CHAR = 7;
const MAX_LABEL = 40;

export type SegmentClass = 'approved' | 'admitted' | 'finding' | 'unreported';

export interface Segment {
  label: string;
  count: number;
  cls: SegmentClass;
}

/** A term's uses, form by form, in the order drawn: acceptable forms first, then what is to fix. */
export function segmentsOf(t: TermUsage): Segment[] {
  const out: Segment[] = [];
  for (const f of t.forms) if (f.uses > 0) out.push({ label: `${f.form} (${f.status})`, count: f.uses, cls: f.status });
  for (const v of t.variants) out.push({ label: `${v.found} (${v.kind}${v.reported ? '' : ', not reported'})`, count: v.count, cls: v.reported ? 'finding' : 'unreported' });
  return out;
}

function clip(s: string): string {
  return s.length > MAX_LABEL ? `${s.slice(0, MAX_LABEL - 1)}…` : s;
}

export function renderChart(terms: readonly TermUsage[]): string {
  const shown = terms.slice(0, MAX_CHART_TERMS);
  if (shown.length === 0) return '';
  const labelWidth = Math.min(MAX_LABEL, Math.max(...shown.map((t) => clip(t.term).length))) * CHAR + 16;
  const max = Math.max(1, ...shown.map((t) => t.uses));
  const width = labelWidth + BAR_WIDTH + 64;
  const height = shown.length * ROW + 8;
  const rows = shown.map((t, i) => {
    const y = 4 + i * ROW;
    let x = labelWidth;
    const segments = segmentsOf(t).map((s) => {
      const w = (s.count / max) * BAR_WIDTH;
      const rect = `<rect class="${s.cls}" x="${x.toFixed(1)}" y="${y + (ROW - BAR) / 2}" width="${w.toFixed(1)}" height="${BAR}"><title>${esc(`${s.label}: ${s.count}`)}</title></rect>`;
      x += w;
      return rect;
    });
    const toFix = t.findings > 0 ? `, ${t.findings} to fix` : '';
    return (
      `<g class="row"><title>${esc(`${t.term}: ${t.uses} use${t.uses === 1 ? '' : 's'}${toFix}`)}</title>` +
      `<text x="${labelWidth - 8}" y="${y + ROW / 2 + 4}" text-anchor="end">${esc(clip(t.term))}</text>` +
      `<rect class="track" x="${labelWidth}" y="${y + (ROW - BAR) / 2}" width="${BAR_WIDTH}" height="${BAR}"/>` +
      segments.join('') +
      `<text class="count" x="${(x + 6).toFixed(1)}" y="${y + ROW / 2 + 4}">${t.uses}</text></g>`
    );
  });
  return (
    `<svg class="chart" id="uses-chart" role="img" aria-labelledby="chart-title" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">` +
    `<title id="chart-title">Uses per term and form</title>${rows.join('')}</svg>`
  );
}
