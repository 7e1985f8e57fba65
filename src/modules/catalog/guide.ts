import type { LocalizedMessage } from '../../platform/i18n/i18n.js'
import type { GuideView, ItemContent } from './catalog.schema.js'

export interface DepartmentRef {
  id: string
  code: string
  name: LocalizedMessage
}

const ITEM_TYPES: Record<ItemContent['itemType'], LocalizedMessage> = {
  administrative_licence: { zh: '行政许可', en: 'Administrative licence' },
  administrative_confirmation: { zh: '行政确认', en: 'Administrative confirmation' },
  administrative_registration: { zh: '行政登记', en: 'Administrative registration' },
  administrative_payment: { zh: '行政给付', en: 'Administrative payment' },
  public_service: { zh: '公共服务', en: 'Public service' },
}
const SCOPES: Record<ItemContent['scope'], LocalizedMessage> = {
  city: { zh: '全市通办', en: 'Anywhere in the city' },
  province: { zh: '全省通办', en: 'Anywhere in the province' },
  cross_province: { zh: '跨省通办', en: 'Across provinces' },
}

function visits(n: number): LocalizedMessage {
  if (n === 0) return { zh: '零跑动（全程网办）', en: 'No visit needed (fully online)' }
  if (n === 1) return { zh: '最多跑一次', en: 'At most one visit' }
  return { zh: `到现场 ${n} 次`, en: `${n} visits on site` }
}

/** The published guide (办事指南), generated from the item so the two never disagree. */
export function renderGuide(content: ItemContent, department: DepartmentRef): GuideView {
  const immediate = content.handlingType === 'immediate'
  return {
    title: { zh: `${content.name.zh}办事指南`, en: `Guide: ${content.name.en}` },
    department: department.name,
    itemType: ITEM_TYPES[content.itemType],
    handlingType: immediate
      ? { zh: '即办件', en: 'Handled on the spot' }
      : { zh: '承诺件', en: 'Handled within a promised time' },
    timeLimits: {
      statutoryWorkingDays: content.statutoryLimitDays,
      promisedWorkingDays: content.promisedLimitDays,
      text: {
        zh: `法定办结时限 ${content.statutoryLimitDays} 个工作日，承诺办结时限 ${content.promisedLimitDays} 个工作日`,
        en: `Statutory limit ${content.statutoryLimitDays} working days; promised ${content.promisedLimitDays} working days`,
      },
    },
    specialProcedures: content.specialProcedures.map((p) => ({
      name: p.name,
      workingDays: p.limitDays,
      note: { zh: '特别程序时间不计入办结时限', en: 'Not counted in the time limit' },
    })),
    onSiteVisits: visits(content.onSiteVisits),
    scope: SCOPES[content.scope],
    legalBasis: content.legalBasis.map((b) => `${b.title} ${b.article}`),
    conditions: content.guide.conditions,
    materials: content.materials.map((m) => ({
      code: m.code,
      name: m.name,
      required: m.required,
      copies: m.copies,
      form: m.form,
      reusableLicence: m.licenceType ?? null,
      note: m.licenceType
        ? {
            zh: '已有电子证照的可免提交',
            en: 'Not needed if the government already issued it electronically',
          }
        : null,
    })),
    fees:
      content.fees.length === 0
        ? [{ name: { zh: '不收费', en: 'Free of charge' }, amount: '0', basis: '' }]
        : content.fees,
    contact: {
      address: content.guide.address,
      phone: content.guide.phone,
      hours: content.guide.hours,
      onlineUrl: content.guide.onlineUrl ?? null,
    },
  }
}

export type Guide = ReturnType<typeof renderGuide>
