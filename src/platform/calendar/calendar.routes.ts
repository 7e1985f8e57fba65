import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import { Type } from 'typebox'
import type { Actor } from '../auth/principal.js'
import { DomainError, defineErrors, fieldError, validationFailed } from '../errors.js'
import type { CalendarService } from './calendar.service.js'
import { isIsoDate } from './iso-date.js'
import type { Answer } from './answers.js'

export const CALENDAR_ERRORS = defineErrors({
  CALENDAR_YEAR_NOT_LOADED: {
    status: 422,
    zh: '{year} 年的节假日安排尚未载入，无法计算工作日',
    en: 'The holiday schedule of {year} is not loaded; working days cannot be computed',
  },
  CALENDAR_YEAR_NOT_FOUND: {
    status: 404,
    zh: '{year} 年的节假日安排尚未载入',
    en: 'The holiday schedule of {year} is not loaded',
  },
})

const tags = ['calendar 工作日历']
const YearParams = Type.Object({ year: Type.Integer({ minimum: 1949, maximum: 2200 }) })
const IsoDate = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
  description: 'YYYY-MM-DD (Asia/Shanghai)',
})

function known<T>(answer: Answer<T>): T {
  if (!answer.known) throw new DomainError('CALENDAR_YEAR_NOT_LOADED', { year: answer.year })
  return answer.value
}

function checkDates(dates: Record<string, string>): void {
  const bad = Object.entries(dates).filter(([, value]) => !isIsoDate(value))
  if (bad.length > 0)
    throw validationFailed(
      bad.map(([name]) =>
        fieldError(`/querystring/${name}`, 'invalid_date', {
          zh: '不是有效日期',
          en: 'is not a valid date',
        }),
      ),
    )
}

export const calendarRoutes: FastifyPluginAsyncTypebox<{
  calendar: CalendarService
  actorOf(request: FastifyRequest): Actor
}> = async (app, o) => {
  app.get(
    '/years',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: '已载入年份 Loaded years',
        response: { 200: Type.Array(Type.Object({ year: Type.Integer(), source: Type.String() })) },
      },
    },
    () => o.calendar.listYears(),
  )
  app.get(
    '/years/:year',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: "一年的节假日与调休 A year's holidays and make-up working days",
        params: YearParams,
        response: {
          200: Type.Object({
            year: Type.Integer(),
            source: Type.String(),
            holidays: Type.Array(
              Type.Object({
                name: Type.String(),
                nameEn: Type.String(),
                days: Type.Array(Type.String()),
                makeUpWorkdays: Type.Array(Type.String()),
              }),
            ),
          }),
        },
      },
    },
    (req) => {
      const year = o.calendar.getYear(req.params.year)
      if (!year) throw new DomainError('CALENDAR_YEAR_NOT_FOUND', { year: req.params.year })
      return {
        ...year,
        holidays: year.holidays.map((h) => ({
          ...h,
          days: [...h.days],
          makeUpWorkdays: [...h.makeUpWorkdays],
        })),
      }
    },
  )
  app.put(
    '/years/:year',
    {
      config: { access: { action: 'calendar.load' } },
      schema: {
        tags,
        summary: '载入一年的节假日安排 Load a year',
        params: YearParams,
        body: Type.Record(Type.String(), Type.Unknown()),
      },
    },
    async (req) => {
      if (req.body.year !== req.params.year)
        throw validationFailed([
          fieldError('/year', 'year_mismatch', {
            zh: '年份与路径不一致',
            en: 'does not match the year in the path',
          }),
        ])
      return o.calendar.loadYear(o.actorOf(req), req.body)
    },
  )
  app.get(
    '/add-working-days',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'N 个工作日之后 Add working days',
        querystring: Type.Object({
          from: IsoDate,
          days: Type.Integer({ minimum: 0, maximum: 3650 }),
        }),
        response: {
          200: Type.Object({ from: Type.String(), days: Type.Integer(), date: Type.String() }),
        },
      },
    },
    (req) => {
      checkDates({ from: req.query.from })
      return {
        ...req.query,
        date: known(o.calendar.current().addWorkingDays(req.query.from, req.query.days)),
      }
    },
  )
  app.get(
    '/working-days-between',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: '两日之间的工作日数 Working days between',
        querystring: Type.Object({ from: IsoDate, to: IsoDate }),
        response: {
          200: Type.Object({ from: Type.String(), to: Type.String(), workingDays: Type.Integer() }),
        },
      },
    },
    (req) => {
      checkDates(req.query)
      return {
        ...req.query,
        workingDays: known(o.calendar.current().workingDaysBetween(req.query.from, req.query.to)),
      }
    },
  )
}
