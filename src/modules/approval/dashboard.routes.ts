import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { tags, type ApprovalRouteOptions } from './approval-routes-common.js'

const Rate = Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()])
const DashboardView = Type.Object({
  applicationsPerDay: Type.Array(Type.Object({ date: Type.String(), count: Type.Integer() }), {
    description: '近 30 日每日申请数（北京时间）applications per day, last 30 days',
  }),
  onTimeByDepartment: Type.Array(
    Type.Object({
      departmentId: Type.String(),
      decided: Type.Integer(),
      promisedRate: Rate,
      statutoryRate: Rate,
    }),
  ),
  waitingByDepartment: Type.Array(
    Type.Object({ departmentId: Type.String(), count: Type.Integer() }),
    { description: '各部门待办任务数 open tasks per department' },
  ),
  workingDaysByItem: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.Object({ zh: Type.String(), en: Type.String() }),
      cases: Type.Integer(),
      averageWorkingDays: Type.Number(),
    }),
    { description: '各事项从申请到办结的平均工作日 mean working days per item' },
  ),
})

/** 统计看板 The admin dashboard's aggregate figures. */
export const dashboardRoutes: FastifyPluginAsyncTypebox<ApprovalRouteOptions> = async (app, o) => {
  app.get(
    '/statistics/dashboard',
    {
      config: { access: { action: 'approval.statistics.read' } },
      schema: {
        tags,
        summary:
          '统计看板 Dashboard figures: applications per day, on-time rates, waiting, working days',
        response: { 200: DashboardView },
      },
    },
    (req) => o.dashboard.figures(o.actorOf(req)),
  )
}
