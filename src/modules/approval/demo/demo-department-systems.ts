import { sm3Hex } from '../../../platform/crypto/index.js'
import type { ServiceHandler } from '../background.service.js'

/**
 * Stand-ins for the department systems the demo processes hand work to (社保、公积金、税务、
 * 刻章 systems). A real installation leaves these topics to the departments' own workers;
 * the demo city has none, so these answer in their place with numbers derived from the case.
 */
const digits = (seed: string, length: number) =>
  BigInt(`0x${sm3Hex(seed).slice(0, 15)}`)
    .toString()
    .padStart(length, '0')
    .slice(-length)

export const DEMO_DEPARTMENT_SYSTEMS: Record<string, ServiceHandler> = {
  'notify-seal-engraver': async ({ caseRow }) => ({
    sealOrderNumber: `YZ${digits(caseRow.id, 10)}`,
  }),
  'grant-invoice-quota': async ({ caseRow }) => ({
    invoiceQuotaYuan: '100000.00',
    taxpayerNumber: `TX${digits(caseRow.id, 12)}`,
  }),
  'open-social-insurance-account': async ({ caseRow }) => ({
    socialInsuranceUnitNumber: `${caseRow.case_number.slice(0, 6)}${digits(caseRow.id, 10)}`,
  }),
  'open-housing-fund-account': async ({ caseRow }) => ({
    housingFundAccount: `GJJ${digits(caseRow.id, 12)}`,
  }),
  'disburse-housing-fund': async ({ caseRow }) => ({
    disbursementReference: `ZF${digits(caseRow.id, 12)}`,
  }),
}
