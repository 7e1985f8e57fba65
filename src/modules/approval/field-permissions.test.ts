import { describe, expect, it } from 'vitest'
import { DomainError } from '../../platform/errors.js'
import { refuseUneditable, visibleForm } from './field-permissions.js'

const form = {
  companyName: '示范市星河数智科技有限公司',
  legalRepresentative: { name: '陈思远', idNumber: '330106199807210350', phone: '13800000002' },
  shareholders: [{ name: '陈思远' }],
}

describe('per-step field permissions', () => {
  it('shows every field when the step names none, else only the named ones', () => {
    expect(visibleForm(form, null)).toBe(form)
    expect(visibleForm(form, ['/companyName', '/legalRepresentative/name', '/missing'])).toEqual({
      companyName: '示范市星河数智科技有限公司',
      legalRepresentative: { name: '陈思远' },
    })
    expect(visibleForm(form, [])).toEqual({})
  })

  it('lets a step set only its editable fields, naming each refused one', () => {
    expect(() => refuseUneditable({ creditCode: '9133…' }, ['/creditCode'])).not.toThrow()
    try {
      refuseUneditable({ creditCode: 'x', companyName: 'y', approved: true }, ['/creditCode'])
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError)
      expect((error as DomainError).fields.map((f) => f.pointer)).toEqual([
        '/variables/companyName',
        '/variables/approved',
      ])
    }
  })
})
