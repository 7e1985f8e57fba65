import type { paths } from '../../api/schema'

type Ok<P extends keyof paths> = paths[P]['get'] extends {
  responses: { 200: { content: { 'application/json': infer T } } }
}
  ? T
  : never

export type Application = Ok<'/api/v1/approval/applications/{id}'>
export type TimelineEntry = Ok<'/api/v1/approval/applications/{id}/timeline'>[number]
export type GivenRating = Ok<'/api/v1/approval/applications/{id}/ratings'>[number]
