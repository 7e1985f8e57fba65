import { BarChart, LineChart } from 'echarts/charts'
import { AriaComponent, GridComponent, TooltipComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import type { EChartsCoreOption } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import { useEffect, useRef } from 'react'

// Only the parts the dashboards draw; this file is reached only from the lazy dashboards page,
// so the portal never carries ECharts.
echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, AriaComponent, SVGRenderer])

/** One ECharts chart in a box; `label` names it for screen readers. */
export function EChart({ option, label }: { option: EChartsCoreOption; label: string }) {
  const box = useRef<HTMLDivElement>(null)
  const chart = useRef<echarts.ECharts | null>(null)
  useEffect(() => {
    if (!box.current) return
    const instance = echarts.init(box.current, undefined, { renderer: 'svg' })
    chart.current = instance
    const resize = () => instance.resize()
    window.addEventListener('resize', resize)
    return () => {
      window.removeEventListener('resize', resize)
      instance.dispose()
      chart.current = null
    }
  }, [])
  useEffect(() => {
    chart.current?.setOption({ aria: { enabled: true }, ...option }, true)
  }, [option])
  return <div ref={box} className="admin-chart" role="img" aria-label={label} />
}
