/** Sections and field maps shared by the company-related bundles (企业开办, 开餐馆). */
import type { JsonSchema } from './demo-common.js'
import { section } from './demo-common.js'
import { COMPANY_REGISTRATION_FIELDS as C } from './item-company-registration.js'
import { SEAL_FILING_FIELDS } from './item-seal-filing.js'

export const APPLICANT_SECTION = section('申请人（经办人）', 'Person filing the application', {
  name: C.applicantName,
  idNumber: C.applicantIdNumber,
  phone: C.applicantPhone,
})

export const LEGAL_REPRESENTATIVE_SECTION = section('法定代表人', 'Legal representative', {
  name: C.legalRepresentativeName,
  idNumber: C.legalRepresentativeIdNumber,
  phone: C.legalRepresentativePhone,
})

/** Fields of a company being established, as entered in a bundle's `company` section. */
export const NEW_COMPANY_PROPERTIES: Record<string, JsonSchema> = {
  name: C.companyName,
  type: C.companyType,
  registeredCapital: C.registeredCapital,
  businessScope: C.businessScope,
  addressDivision: C.addressDivision,
  address: C.address,
  shareholders: C.shareholders,
}

export function creditCodeBackfilled(note: string): JsonSchema {
  return { ...SEAL_FILING_FIELDS.creditCode, readOnly: true, description: note }
}

/** 企业设立登记 fields → merged form; identical in every bundle that establishes a company. */
export const COMPANY_REGISTRATION_FIELD_MAP: Record<string, string> = {
  companyName: '/company/name',
  companyType: '/company/type',
  registeredCapital: '/company/registeredCapital',
  businessScope: '/company/businessScope',
  addressDivision: '/company/addressDivision',
  address: '/company/address',
  shareholders: '/company/shareholders',
  legalRepresentativeName: '/legalRepresentative/name',
  legalRepresentativeIdNumber: '/legalRepresentative/idNumber',
  legalRepresentativePhone: '/legalRepresentative/phone',
  applicantName: '/applicant/name',
  applicantIdNumber: '/applicant/idNumber',
  applicantPhone: '/applicant/phone',
}
