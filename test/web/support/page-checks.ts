/// <reference lib="dom" />
// Functions run inside the page by page.evaluate: each is self-contained (no imports, no outer
// helpers), since Playwright sends its source text to the browser.

export interface ElderlyReport {
  textElements: number
  targets: number
  /** Each finding names the element and the measured value. */
  smallText: string[]
  tightLines: string[]
  smallTargets: string[]
  lowContrast: string[]
  floating: string[]
}

/**
 * Measures the page against MIIT's 适老化 rules with getComputedStyle and bounding boxes: text
 * ≥ 18 px with line height ≥ 1.3, every visible click target ≥ 60×60 px, text contrast ≥ 4.5:1
 * (computed from the text colour over the composited backgrounds), nothing fixed or sticky.
 */
export function measureElderly(): ElderlyReport {
  const describe = (el: Element) =>
    `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${
      typeof el.className === 'string' && el.className
        ? `.${el.className.trim().split(/\s+/).join('.')}`
        : ''
    } "${(el.textContent ?? '').trim().slice(0, 30)}"`
  const visible = (el: Element) => {
    const rect = el.getBoundingClientRect()
    const style = getComputedStyle(el)
    return (
      rect.width > 0 &&
      rect.height > 0 &&
      rect.right > 0 &&
      rect.bottom > 0 &&
      style.visibility !== 'hidden' &&
      style.display !== 'none' &&
      Number(style.opacity) > 0
    )
  }
  const rgba = (css: string): [number, number, number, number] | null => {
    const m = /^rgba?\(([^)]+)\)$/.exec(css)
    if (!m?.[1]) return null
    const parts = m[1]
      .split(/[\s,/]+/)
      .filter(Boolean)
      .map(Number)
    return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts[3] ?? 1]
  }
  const over = (
    top: [number, number, number, number],
    under: [number, number, number],
  ): [number, number, number] => [
    top[0] * top[3] + under[0] * (1 - top[3]),
    top[1] * top[3] + under[1] * (1 - top[3]),
    top[2] * top[3] + under[2] * (1 - top[3]),
  ]
  const background = (el: Element): [number, number, number] => {
    const layers: Array<[number, number, number, number]> = []
    for (let node: Element | null = el; node; node = node.parentElement) {
      const c = rgba(getComputedStyle(node).backgroundColor)
      if (c && c[3] > 0) layers.push(c)
      if (c && c[3] === 1) break
    }
    let colour: [number, number, number] = [255, 255, 255]
    for (const layer of layers.reverse()) colour = over(layer, colour)
    return colour
  }
  const luminance = ([r, g, b]: [number, number, number]) => {
    const lin = (v: number) => {
      const s = v / 255
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
    }
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
  }
  const contrast = (a: [number, number, number], b: [number, number, number]) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
    return (hi + 0.05) / (lo + 0.05)
  }

  const report: ElderlyReport = {
    textElements: 0,
    targets: 0,
    smallText: [],
    tightLines: [],
    smallTargets: [],
    lowContrast: [],
    floating: [],
  }
  for (const el of Array.from(document.body.querySelectorAll('*'))) {
    if (!visible(el)) continue
    const style = getComputedStyle(el)
    if (style.position === 'fixed' || style.position === 'sticky')
      report.floating.push(describe(el))
    const ownText = Array.from(el.childNodes).some(
      (n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '',
    )
    if (!ownText || el.closest('[aria-hidden="true"], svg')) continue
    report.textElements++
    const size = parseFloat(style.fontSize)
    if (size < 18) report.smallText.push(`${describe(el)} ${size}px`)
    const line = style.lineHeight === 'normal' ? 0 : parseFloat(style.lineHeight) / size
    if (line < 1.3) report.tightLines.push(`${describe(el)} ${style.lineHeight} / ${size}px`)
    const fg = rgba(style.color)
    if (fg && !el.closest(':disabled, [aria-disabled="true"]')) {
      const bg = background(el)
      const ratio = contrast(over(fg, bg), bg)
      if (ratio < 4.5) report.lowContrast.push(`${describe(el)} ${ratio.toFixed(2)}:1`)
    }
  }
  const clickable =
    'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [role="link"], [role="checkbox"], [role="radio"], [role="switch"], [role="tab"], [tabindex]:not([tabindex="-1"])'
  const seen = new Set<Element>()
  for (const found of Array.from(document.querySelectorAll(clickable))) {
    // A checkbox or radio is clicked through its label.
    const target = found.closest('label') ?? found
    if (seen.has(target) || !visible(target)) continue
    seen.add(target)
    report.targets++
    const rect = target.getBoundingClientRect()
    if (rect.width < 60 || rect.height < 60)
      report.smallTargets.push(
        `${describe(target)} ${Math.round(rect.width)}×${Math.round(rect.height)}`,
      )
  }
  return report
}

/** Whether the page scrolls sideways (it must not, at 360 px or on a desktop). */
export function horizontalOverflow(): number {
  return document.documentElement.scrollWidth - document.documentElement.clientWidth
}
