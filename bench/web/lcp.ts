import type { Page } from 'playwright-core'

/**
 * Loads `url` in a fresh page and reads its Largest Contentful Paint from the Performance API
 * (milliseconds from navigation start); the page is left open for the caller to close.
 */
export async function largestContentfulPaint(
  page: Page,
  url: string,
  ready: string,
): Promise<number> {
  await page.goto(url, { waitUntil: 'load' })
  await page.locator(ready).first().waitFor()
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let last = 0
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) last = Math.max(last, entry.startTime)
        }).observe({ type: 'largest-contentful-paint', buffered: true })
        // The buffered entries arrive in the observer's first callback; give it a frame or two.
        setTimeout(() => resolve(last), 300)
      }),
  )
}

/** The median of the numbers. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}
