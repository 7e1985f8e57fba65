import { readFileSync } from 'node:fs'
import { expect, it } from 'vitest'
import { START_COMPANY } from './approval-support.js'

it('keeps the README tour’s 企业开办 request equal to the demo sample', () => {
  const tour = JSON.parse(
    readFileSync(new URL('../../docs/tour/start-company.json', import.meta.url), 'utf8'),
  ) as unknown
  expect(tour).toEqual({ kind: 'bundle', code: 'start_company', form: START_COMPANY?.form })
})
