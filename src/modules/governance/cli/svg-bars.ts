import { truncate } from './text-format.js'

/** One bar: its label, its value (null: nothing measured) and the text shown beside it. */
export interface Bar {
  label: string
  value: number | null
  text: string
}

export interface BarChartOptions {
  title: string
  /** The value of a full-length bar. */
  max: number
  colour: (value: number) => string
}

const LABEL_WIDTH = 300
const BAR_WIDTH = 380
const ROW = 24
const WIDTH = LABEL_WIDTH + BAR_WIDTH + 90

/** Escapes text for HTML and SVG content and attribute values. */
export const escapeHtml = (text: string): string =>
  text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;')

function barRow(bar: Bar, index: number, options: BarChartOptions): string {
  const y = index * ROW + 4
  const label = `<text x="${LABEL_WIDTH - 8}" y="${y + 15}" text-anchor="end">${escapeHtml(truncate(bar.label, 44))}</text>`
  const value = bar.value ?? 0
  const length =
    value <= 0 || options.max <= 0
      ? 0
      : Math.max(1, Math.round((Math.min(value, options.max) / options.max) * BAR_WIDTH))
  const rect =
    length === 0
      ? ''
      : `<rect x="${LABEL_WIDTH}" y="${y + 2}" width="${length}" height="${ROW - 8}" rx="2" fill="${options.colour(value)}"/>`
  const text = `<text x="${LABEL_WIDTH + length + 6}" y="${y + 15}">${escapeHtml(bar.text)}</text>`
  return `<g><title>${escapeHtml(`${bar.label}: ${bar.text}`)}</title>${label}${rect}${text}</g>`
}

/**
 * A horizontal bar chart as inline SVG (no xmlns, no scripts, no fonts to fetch): the report stays
 * one self-contained file.
 */
export function barChart(bars: readonly Bar[], options: BarChartOptions): string {
  const height = bars.length * ROW + 8
  const rows = bars.map((bar, i) => barRow(bar, i, options)).join('')
  const axis = `<line x1="${LABEL_WIDTH}" y1="0" x2="${LABEL_WIDTH}" y2="${height}" stroke="#999"/>`
  return (
    `<svg class="chart" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-label="${escapeHtml(options.title)}">` +
    `<title>${escapeHtml(options.title)}</title>${axis}${rows}</svg>`
  )
}

/** Green from 95, amber from 80, red below. */
export const scoreColour = (value: number): string =>
  value >= 95 ? '#2e7d32' : value >= 80 ? '#f9a825' : '#c62828'
