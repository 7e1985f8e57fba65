import { registerMessages } from '../../platform/i18n/i18n.js'

const SIGNATURE = { zh: '【示范市一网通办】', en: '[Demo City One-Stop Services] ' }

/** What an eligible enterprise is told (zh first, en beside), and how to stop it. */
export const POLICY_NOTICE_MESSAGES = {
  'policy.sms.eligible': {
    zh: `${SIGNATURE.zh}{enterprise}：经数据比对，贵单位符合“{policy}”（{documentNumber}）的条件{amountZh}。{howZh}详情见“惠企政策”。不再接收此类提醒请在“惠企政策”中退订。`,
    en: `${SIGNATURE.en}{enterprise}: our records show you qualify for "{policy}" ({documentNumber}){amountEn}. {howEn}See "Policies for enterprises". You can unsubscribe there.`,
  },
  'policy.sms.how.apply': {
    zh: '请在 {deadline} 前申报。',
    en: 'Apply by {deadline}.',
  },
  'policy.sms.how.open': {
    zh: '本政策长期有效，可随时申报。',
    en: 'There is no deadline.',
  },
  'policy.sms.how.exempt': {
    zh: '本政策免申即享，无需申请，经主管部门审核后兑现。',
    en: 'No application is needed: it is granted once the department has confirmed it.',
  },
} as const

registerMessages(POLICY_NOTICE_MESSAGES)
