import { describe, expect, it } from 'vitest'
import {
  titlesAt,
  validateObject,
  visibleFields,
  visibleValue,
  type FieldSchema,
} from '../../web/src/components/schema-form-rules.js'

const seal: FieldSchema = {
  type: 'object',
  title: '印章刻制',
  properties: {
    needed: { type: 'boolean', title: '是否申请刻制印章' },
    engraver: { type: 'string', title: '刻制单位', oneOf: [{ const: 'a', title: 'A' }] },
  },
  required: ['needed'],
  if: { properties: { needed: { const: true } } },
  then: { required: ['engraver'] },
}
const form: FieldSchema = {
  type: 'object',
  properties: {
    seal,
    company: {
      type: 'object',
      title: '企业信息',
      properties: {
        name: { type: 'string', title: '企业名称', minLength: 4 },
        phone: { type: 'string', title: '联系电话', pattern: '^1[3-9]\\d{9}$' },
        creditCode: { type: 'string', title: '统一社会信用代码', readOnly: true },
        shareholders: {
          type: 'array',
          title: '股东',
          minItems: 1,
          items: {
            type: 'object',
            properties: { name: { type: 'string', title: '姓名', minLength: 1 } },
            required: ['name'],
          },
        },
      },
      required: ['name', 'shareholders'],
    },
  },
  required: ['seal', 'company'],
}

describe('the browser’s reading of a form’s JSON Schema', () => {
  it('shows a field only its condition asks for while the condition holds', () => {
    expect(visibleFields(seal, { needed: false })).toEqual(['needed'])
    expect(visibleFields(seal, { needed: true })).toEqual(['needed', 'engraver'])
  })

  it('names each problem by its field and says why, in Chinese and English', () => {
    const errors = validateObject(form, {
      seal: { needed: true },
      company: { name: '示范', phone: '123', shareholders: [{}] },
    })
    expect(errors['/seal/engraver']?.zh).toBe('请选择刻制单位')
    expect(errors['/company/name']?.zh).toBe('企业名称至少 4 个字')
    expect(errors['/company/phone']?.zh).toBe('联系电话须为11位手机号码')
    expect(errors['/company/shareholders/0/name']?.zh).toBe('请填写姓名')
    expect(errors['/company/creditCode']).toBeUndefined()
    // An untouched section names its own missing fields.
    expect(Object.keys(validateObject(form, { seal: { needed: false } }))).toEqual([
      '/company/name',
      '/company/shareholders',
    ])
  })

  it('sends neither hidden nor read-only nor empty answers', () => {
    const value = {
      seal: { needed: false, engraver: 'a' },
      company: { name: '示范市星河', phone: '', creditCode: 'x', shareholders: [{ name: '陈' }] },
    }
    expect(visibleValue(form, value)).toEqual({
      seal: { needed: false },
      company: { name: '示范市星河', shareholders: [{ name: '陈' }] },
    })
  })

  it('names a field by the titles on its pointer', () => {
    expect(titlesAt(form, '/company/name')).toEqual(['企业信息', '企业名称'])
    expect(titlesAt(form, '/company/shareholders/1/name')).toEqual([
      '企业信息',
      '股东',
      '2',
      '姓名',
    ])
  })
})
