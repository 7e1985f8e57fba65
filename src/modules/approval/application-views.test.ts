import { describe, expect, it } from 'vitest'
import { createApplicationViews, type ApplicationHeads } from './application-views.js'

const heads = (status: string) =>
  ({ application: { id: 'a1', status }, cases: [] }) as unknown as ApplicationHeads

describe('remembered application views', () => {
  it('serves the remembered view until a step of this process changes the application', async () => {
    let now = 0
    const views = createApplicationViews(() => now)
    let reads = 0
    const load = (status: string) => async () => {
      reads++
      return heads(status)
    }
    expect((await views.read('a1', load('in_progress')))?.application.status).toBe('in_progress')
    expect((await views.read('a1', load('ignored')))?.application.status).toBe('in_progress')
    expect(reads).toBe(1)
    views.changed('a1')
    expect((await views.read('a1', load('approved')))?.application.status).toBe('approved')
    expect(reads).toBe(2)
    now += 999
    await views.read('a1', load('ignored'))
    expect(reads).toBe(2)
  })

  it('reads again after a second, for steps committed by another instance', async () => {
    let now = 0
    const views = createApplicationViews(() => now)
    await views.read('a1', async () => heads('in_progress'))
    now += 1000
    expect((await views.read('a1', async () => heads('approved')))?.application.status).toBe(
      'approved',
    )
  })

  it('does not remember what a read saw while a step on the application committed', async () => {
    const views = createApplicationViews(() => 0)
    const stale = await views.read('a1', async () => {
      views.changed('a1') // the step commits while this read is on its way
      return heads('in_progress')
    })
    expect(stale?.application.status).toBe('in_progress')
    expect((await views.read('a1', async () => heads('approved')))?.application.status).toBe(
      'approved',
    )
  })

  it('remembers nothing for an application that does not exist', async () => {
    const views = createApplicationViews(() => 0)
    expect(await views.read('missing', async () => null)).toBeNull()
    expect((await views.read('missing', async () => heads('new')))?.application.status).toBe('new')
  })
})
