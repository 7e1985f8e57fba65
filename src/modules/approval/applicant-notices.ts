import type { Transaction } from 'kysely'
import { registerMessages } from '../../platform/i18n/i18n.js'
import type { ApprovalDeps } from './approval.deps.js'
import type { ApprovalTables } from './approval.tables.js'

const SIGNATURE = { zh: '【示范市一网通办】', en: '[Demo City One-Stop Services] ' }

/** The texts an applicant receives when their application changes state (zh first, en beside). */
export const APPLICANT_NOTICE_MESSAGES = {
  'approval.sms.awaiting_correction': {
    zh: `${SIGNATURE.zh}您的办件 {caseNumber}（{name}）需要补正。各部门的要求已合并为一次告知，请登录“我的办件”查看，一次补齐后提交。`,
    en: `${SIGNATURE.en}Your application {caseNumber} ({name}) needs corrections. All departments' requests are in one notice under "My applications"; fix them once and resubmit.`,
  },
  'approval.sms.approved': {
    zh: `${SIGNATURE.zh}您的办件 {caseNumber}（{name}）已办结，准予许可。电子证照可在“我的证照”查看。`,
    en: `${SIGNATURE.en}Your application {caseNumber} ({name}) is approved. Your electronic licences are under "My licences".`,
  },
  'approval.sms.partially_approved': {
    zh: `${SIGNATURE.zh}您的办件 {caseNumber}（{name}）已办结，部分事项准予许可。各事项的决定及理由请登录“我的办件”查看。`,
    en: `${SIGNATURE.en}Your application {caseNumber} ({name}) is decided: some items are approved. See each decision and its reasons under "My applications".`,
  },
  'approval.sms.rejected': {
    zh: `${SIGNATURE.zh}您的办件 {caseNumber}（{name}）已办结，不予许可。决定理由及申请复议、提起诉讼的途径请登录“我的办件”查看。`,
    en: `${SIGNATURE.en}Your application {caseNumber} ({name}) is refused. The reasons and how to appeal are under "My applications".`,
  },
} as const

registerMessages(APPLICANT_NOTICE_MESSAGES)

type NoticeStatus = 'awaiting_correction' | 'approved' | 'partially_approved' | 'rejected'
const NOTICE_STATUSES: ReadonlySet<string> = new Set<NoticeStatus>([
  'awaiting_correction',
  'approved',
  'partially_approved',
  'rejected',
])

/**
 * Texts the applicant when their application enters a state they must act on or learn of: a
 * correction notice, or the final decision. Sent in the step's transaction, so a step that rolls
 * back texts nobody, and a committed one is never left untold. A withdrawal is the applicant's
 * own act and is not texted back; a second department's correction joins the notice already sent
 * (一次告知) instead of sending another.
 */
export async function noticeStatusChange(
  trx: Transaction<ApprovalTables>,
  deps: Pick<ApprovalDeps, 'notifier' | 'parties'>,
  application: { applicant_id: string; case_number: string; name_zh: string },
  from: string,
  to: string,
): Promise<void> {
  if (from === to || !NOTICE_STATUSES.has(to)) return
  const contact = await deps.parties.contactOf(application.applicant_id, trx)
  if (!contact) return
  await deps.notifier.sendSms(trx, {
    ...contact,
    template: `approval.sms.${to}`,
    params: { caseNumber: application.case_number, name: application.name_zh },
  })
}
