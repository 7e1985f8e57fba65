import { v7 as uuidv7 } from 'uuid'
import { systemActor, type Actor } from '../../platform/auth/principal.js'
import { toShanghaiDate } from '../../platform/calendar/index.js'
import type { RootDb } from '../../platform/db/database.js'
import { DomainError } from '../../platform/errors.js'
import { computeCreditCodeCheckChar } from '../../platform/standards/credit-code.js'
import { approvalDb, type ApprovalDeps } from './approval.deps.js'
import { approvalStore } from './approval.store.js'
import type { ApplicationRow, CaseRow, LicenceRow } from './approval.tables.js'
import type { ServiceHandler } from './background.service.js'
import type { CaseSessions } from './case-session.js'
import { LICENCE_TYPES, type LicenceType } from './licence-types.js'
import {
  canonicalDigest,
  licenceIdentifier,
  licenceQrPayload,
  licenceStatus,
  parseLicenceIdentifier,
  parseQrPayload,
  signLicence,
  verifyLicenceSignature,
  type HolderKind,
  type LicenceDataValue,
  type LicenceMetadata,
} from './licence/index.js'

type Holder = {
  partyId: string
  name: string
  code: string
  kind: HolderKind
  /** This licence assigned the credit code of the enterprise the application founds. */
  founded?: boolean
}

/** Electronic licences: issued by the `issue-licence` service task, verified by anyone. */
export function createLicenceService(deps: ApprovalDeps, sessions: CaseSessions) {
  const db = approvalDb(deps)

  async function holderOf(
    trx: RootDb,
    application: ApplicationRow,
    caseRow: CaseRow,
    type: LicenceType,
    serial: number,
  ): Promise<Holder> {
    if (application.enterprise_id) {
      const enterprise = await deps.parties.findEnterprise(application.enterprise_id, trx)
      if (!enterprise) throw new DomainError('APPROVAL_LICENCE_HOLDER_UNKNOWN')
      return {
        partyId: enterprise.id,
        name: enterprise.name,
        code: enterprise.creditCode,
        kind: 'legal_person',
      }
    }
    if (type.holder === 'legal_person') {
      // The enterprise this application founds: its first legal-person licence (the business
      // licence) assigns the credit code, and every later one of the application names the same
      // enterprise by it, whichever department finishes first.
      const earlier = await approvalStore.findLegalPersonLicence(trx, application.id)
      if (earlier)
        return {
          partyId: application.applicant_id,
          name: earlier.holder_name,
          code: earlier.holder_code,
          kind: 'legal_person',
          founded: false,
        }
      const form = JSON.parse(caseRow.form_json) as Record<string, unknown>
      const name = typeof form.companyName === 'string' ? form.companyName : caseRow.name_zh
      return {
        partyId: application.applicant_id,
        name,
        code: newCreditCode(deps.regionCode, serial),
        kind: 'legal_person',
        founded: true,
      }
    }
    const person = await deps.parties.findPerson(application.applicant_id, trx)
    if (!person) throw new DomainError('APPROVAL_LICENCE_HOLDER_UNKNOWN')
    return { partyId: person.id, name: person.name, code: person.idNumber, kind: 'natural_person' }
  }

  const issue: ServiceHandler = async ({ trx, caseRow, session, service }) => {
    const typeCode = service.inputs.licenceType ?? ''
    const type = LICENCE_TYPES[typeCode]
    if (!type) throw new DomainError('APPROVAL_LICENCE_TYPE_UNKNOWN')
    const application = await approvalStore.findApplication(trx, caseRow.application_id)
    const issuer = await deps.parties.findDepartment(caseRow.department_id, trx)
    if (!application || !issuer) throw new DomainError('APPROVAL_LICENCE_HOLDER_UNKNOWN')
    const serial = await approvalStore.nextSerial(trx, deps.dialect)
    const holder = await holderOf(trx, application, caseRow, type, serial)
    const now = deps.clock.now()
    const issuedOn = toShanghaiDate(now)
    const identifier = licenceIdentifier({
      typeCode: `${issuer.creditCode}${String(type.index).padStart(3, '0')}`,
      issuerCreditCode: issuer.creditCode,
      serial,
      version: 1,
    })
    const metadata: LicenceMetadata = {
      identifier,
      name: type.name.zh,
      type: {
        code: `${issuer.creditCode}${String(type.index).padStart(3, '0')}`,
        name: type.name.zh,
      },
      number: caseRow.case_number,
      holder: { name: holder.name, code: holder.code, kind: holder.kind },
      issuer: { name: issuer.name, code: issuer.creditCode },
      issuedOn,
      validFrom: issuedOn,
      validUntil: type.validYears === null ? null : addYears(issuedOn, type.validYears),
      legalBasis: type.legalBasis,
      data: faceData(caseRow),
    }
    const signature = signLicence(
      metadata,
      deps.licenceKey.privateKeyHex,
      deps.licenceKey.publicKeyHex,
    )
    const at = now.toISOString()
    const row: LicenceRow = {
      id: uuidv7(),
      identifier,
      type_code: typeCode,
      name_zh: type.name.zh,
      holder_kind: holder.kind,
      holder_code: holder.code,
      holder_name: holder.name,
      holder_party_id: holder.partyId,
      issuer_department_id: caseRow.department_id,
      case_id: caseRow.id,
      application_id: caseRow.application_id,
      metadata_json: JSON.stringify(metadata),
      signature,
      public_key: deps.licenceKey.publicKeyHex,
      valid_from: metadata.validFrom,
      valid_until: metadata.validUntil,
      revoked_at: null,
      cancelled_at: null,
      issued_at: at,
      created_at: at,
      updated_at: at,
    }
    await trx.insertInto('approval_licences').values(row).execute()
    sessions.note(
      session,
      { type: 'case.licence_issued', at, licenceId: row.id, identifier },
      systemActor('licence'),
    )
    // 信息共享: the other departments of the application see the new enterprise's code at once.
    if (holder.founded)
      await approvalStore.shareData(trx, {
        application_id: caseRow.application_id,
        name: 'creditCode',
        value: holder.code,
        source_case_id: caseRow.id,
        created_at: at,
      })
    return {
      licenceId: row.id,
      licenceIdentifier: identifier,
      ...(holder.kind === 'legal_person' && !application.enterprise_id
        ? { creditCode: holder.code }
        : {}),
    }
  }

  // SM2 verification costs ~20 ms in JavaScript; a verdict is kept per exact content, key and
  // signature, so a changed row is verified afresh.
  const verdicts = new Map<string, boolean>()
  function signatureHolds(metadata: LicenceMetadata, digest: string, row: LicenceRow): boolean {
    const key = `${digest}:${row.public_key}:${row.signature}`
    let verdict = verdicts.get(key)
    if (verdict === undefined) {
      verdict = verifyLicenceSignature(metadata, row.signature, row.public_key)
      if (verdicts.size >= 10_000) verdicts.delete(verdicts.keys().next().value ?? key)
      verdicts.set(key, verdict)
    }
    return verdict
  }

  function publicView(row: LicenceRow) {
    const metadata = JSON.parse(row.metadata_json) as LicenceMetadata
    const digest = canonicalDigest(metadata)
    const status = licenceStatus(
      {
        validFrom: row.valid_from,
        validUntil: row.valid_until,
        revokedAt: row.revoked_at,
        cancelledAt: row.cancelled_at,
      },
      deps.clock.now().toISOString(),
    )
    return {
      identifier: row.identifier,
      name: metadata.name,
      number: metadata.number,
      holder: {
        name: metadata.holder.name,
        code: maskCode(metadata.holder.code),
        kind: metadata.holder.kind,
      },
      issuer: metadata.issuer,
      issuedOn: metadata.issuedOn,
      validFrom: metadata.validFrom,
      validUntil: metadata.validUntil,
      status,
      signatureValid: signatureHolds(metadata, digest, row),
      digest,
      qrPayload: licenceQrPayload(metadata),
    }
  }

  return {
    issue,

    /** Public verification (扫码验证): by identifier or by the scanned QR text. */
    async verify(input: { identifier?: string; qr?: string }) {
      let identifier = input.identifier ?? ''
      let digest: string | null = null
      if (input.qr !== undefined) {
        const parsed = parseQrPayload(input.qr)
        if (!parsed.ok) throw new DomainError('APPROVAL_LICENCE_NOT_FOUND')
        identifier = parsed.value.identifier.identifier
        digest = parsed.value.digest
      }
      if (!parseLicenceIdentifier(identifier).ok)
        throw new DomainError('APPROVAL_LICENCE_NOT_FOUND')
      const row = await db
        .selectFrom('approval_licences')
        .selectAll()
        .where('identifier', '=', identifier)
        .executeTakeFirst()
      if (!row) throw new DomainError('APPROVAL_LICENCE_NOT_FOUND')
      const view = publicView(row)
      return {
        ...view,
        qrMatches: digest === null ? null : view.digest.toUpperCase().startsWith(digest),
      }
    },

    /**
     * 吊销/撤销 (revoke) or 注销 (cancel) by the issuing department's approver, with the reason; the
     * signature stays valid, the status says the licence no longer stands.
     */
    async endLicence(actor: Actor, identifier: string, how: 'revoke' | 'cancel', reason: string) {
      const row = await db
        .selectFrom('approval_licences')
        .selectAll()
        .where('identifier', '=', identifier)
        .executeTakeFirst()
      if (!row) throw new DomainError('APPROVAL_LICENCE_NOT_FOUND')
      deps.guard.require(actor, 'application.task.decide', {
        type: 'licence',
        id: row.id,
        departmentId: row.issuer_department_id,
      })
      if (row.revoked_at || row.cancelled_at)
        throw new DomainError('APPROVAL_ACTION_NOT_ALLOWED', {
          reasonZh: '证照已被吊销或注销',
          reason: 'the licence was already revoked or cancelled',
        })
      const at = deps.clock.now().toISOString()
      const change = how === 'revoke' ? { revoked_at: at } : { cancelled_at: at }
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('approval_licences')
          .set({ ...change, updated_at: at })
          .where('id', '=', row.id)
          .execute()
        await deps.audit.record(trx, actor, {
          action: how === 'revoke' ? 'approval.licence.revoked' : 'approval.licence.cancelled',
          subject: { type: 'licence', id: row.id },
          after: { identifier, reason },
        })
      })
      return publicView({ ...row, ...change, updated_at: at })
    },

    /** The licences a person holds, or an enterprise they act for (免提交 reuse). */
    async listHeld(actor: Actor, enterpriseId?: string) {
      const principal = deps.guard.require(actor, 'application.read', {
        type: 'licence',
        id: '*',
        ownerId: actor.principal?.id ?? null,
      })
      if (enterpriseId !== undefined && !(await deps.parties.isAgent(enterpriseId, principal.id)))
        throw new DomainError('APPROVAL_NOT_AGENT')
      const rows = await db
        .selectFrom('approval_licences')
        .selectAll()
        .where('holder_party_id', '=', enterpriseId ?? principal.id)
        .orderBy('issued_at', 'desc')
        .execute()
      return rows.map(publicView)
    },
  }
}

function faceData(caseRow: CaseRow): Record<string, LicenceDataValue> {
  const form = JSON.parse(caseRow.form_json) as Record<string, unknown>
  const data: Record<string, LicenceDataValue> = {}
  for (const [key, value] of Object.entries(form)) {
    if (value === null || ['string', 'number', 'boolean'].includes(typeof value))
      data[key] = value as LicenceDataValue
  }
  return data
}

function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const end = new Date(Date.UTC(y + years, m - 1, d - 1))
  return end.toISOString().slice(0, 10)
}

function maskCode(code: string): string {
  return code.length <= 8
    ? code
    : `${code.slice(0, 4)}${'*'.repeat(code.length - 8)}${code.slice(-4)}`
}

/** A new enterprise's unified social credit code (GB 32100): 9 (市场监管) 1 (企业), region, serial. */
function newCreditCode(regionCode: string, serial: number): string {
  const organisation = String(serial % 1e9).padStart(9, '0')
  const first17 = `91${regionCode}${organisation}`
  return `${first17}${computeCreditCodeCheckChar(first17)}`
}

export type LicenceService = ReturnType<typeof createLicenceService>
