import { useQuery } from '@tanstack/react-query'
import { Card, Col, Empty, Row, Typography } from 'antd'
import type { EChartsCoreOption } from 'echarts/core'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { api, orThrow } from '../../api/client'
import { LoadFailed, Loading } from '../../app/status'
import { useLocalized } from '../../i18n/localized'
import { EChart } from './EChart'
import { useDepartments } from './queries'

const bars = (names: string[], values: number[], name: string): EChartsCoreOption => ({
  tooltip: { trigger: 'axis' },
  grid: { left: 48, right: 16, top: 24, bottom: 64 },
  xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: 30 } },
  yAxis: { type: 'value' },
  series: [{ type: 'bar', name, data: values }],
})

/** 统计看板 Dashboards from the server's figures (GET /approval/statistics/dashboard). */
export function DashboardsPage() {
  const { t } = useTranslation()
  const text = useLocalized()
  const departments = useDepartments()
  const figures = useQuery({
    queryKey: ['admin', 'dashboard'],
    queryFn: async () => orThrow(await api.GET('/api/v1/approval/statistics/dashboard')),
  })
  const deptName = useMemo(() => {
    const names = new Map((departments.data ?? []).map((d) => [d.id, d.name]))
    return (id: string) => {
      const name = names.get(id)
      return name ? text(name) : id
    }
  }, [departments.data, text])
  const charts = useMemo(() => {
    const f = figures.data
    if (!f) return null
    return {
      perDay: {
        tooltip: { trigger: 'axis' },
        grid: { left: 48, right: 16, top: 24, bottom: 40 },
        xAxis: { type: 'category', data: f.applicationsPerDay.map((d) => d.date.slice(5)) },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          {
            type: 'line',
            name: t('admin.dashboards.perDay'),
            data: f.applicationsPerDay.map((d) => d.count),
          },
        ],
      },
      onTime: bars(
        f.onTimeByDepartment.map((d) => deptName(d.departmentId)),
        f.onTimeByDepartment.map((d) => Math.round((d.promisedRate ?? 0) * 1000) / 10),
        t('admin.dashboards.onTime'),
      ),
      waiting: bars(
        f.waitingByDepartment.map((d) => deptName(d.departmentId)),
        f.waitingByDepartment.map((d) => d.count),
        t('admin.dashboards.waiting'),
      ),
      workingDays: bars(
        f.workingDaysByItem.map((i) => text(i.name)),
        f.workingDaysByItem.map((i) => i.averageWorkingDays),
        t('admin.dashboards.workingDays'),
      ),
      empty: {
        onTime: f.onTimeByDepartment.length === 0,
        waiting: f.waitingByDepartment.length === 0,
        workingDays: f.workingDaysByItem.length === 0,
      },
    }
  }, [figures.data, deptName, t, text])
  if (figures.isError) return <LoadFailed error={figures.error} />
  if (!charts) return <Loading />
  const card = (key: 'perDay' | 'onTime' | 'waiting' | 'workingDays', empty = false) => (
    <Col xs={24} lg={12} key={key}>
      <Card title={<h2 className="admin-card-title">{t(`admin.dashboards.${key}`)}</h2>}>
        {empty ? (
          <Empty description={t('admin.dashboards.none')} />
        ) : (
          <EChart option={charts[key]} label={t(`admin.dashboards.${key}`)} />
        )}
      </Card>
    </Col>
  )
  return (
    <>
      <Typography.Title level={1}>{t('admin.dashboards.title')}</Typography.Title>
      <Row gutter={[16, 16]}>
        {card('perDay')}
        {card('onTime', charts.empty.onTime)}
        {card('waiting', charts.empty.waiting)}
        {card('workingDays', charts.empty.workingDays)}
      </Row>
    </>
  )
}
