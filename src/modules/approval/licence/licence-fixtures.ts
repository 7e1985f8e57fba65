import { computeCreditCodeCheckChar } from '../../../platform/standards/index.js'
import type { LicenceMetadata } from './licence-metadata.js'
import { licenceIdentifier } from './licence-identifier.js'

/** Test data only: credit codes completed with their GB 32100 check character. */
const creditCode = (first17: string): string => first17 + computeCreditCodeCheckChar(first17)

/** A national-level department (division 100000) defining a licence type. */
export const DEPARTMENT_CODE = creditCode('11100000MB0000001')
/** Type number 001 under that department. */
export const TYPE_CODE = `${DEPARTMENT_CODE}001`
/** A county-level market regulation bureau in Hangzhou (division 330106). */
export const ISSUER_CODE = creditCode('11330106MB1234567')
/** An enterprise holder in Hangzhou. */
export const HOLDER_CREDIT_CODE = creditCode('91330106MA2ABCDE1')

export const IDENTIFIER = licenceIdentifier({
  typeCode: TYPE_CODE,
  issuerCreditCode: ISSUER_CODE,
  serial: 42,
  version: 1,
})

export const sampleMetadata = (): LicenceMetadata => ({
  identifier: IDENTIFIER,
  name: '食品经营许可证',
  type: { code: TYPE_CODE, name: '食品经营许可证' },
  number: 'JY23301060012345',
  holder: { name: '杭州示例餐饮有限公司', code: HOLDER_CREDIT_CODE, kind: 'legal_person' },
  issuer: { name: '杭州市西湖区市场监督管理局', code: ISSUER_CODE },
  issuedOn: '2026-03-02',
  validFrom: '2026-03-02',
  validUntil: '2031-03-01',
  legalBasis: '《中华人民共和国食品安全法》第三十五条',
  data: {
    经营场所: '杭州市西湖区文三路1号',
    主体业态: '餐饮服务经营者',
    经营项目: '热食类食品制售',
    从业人员数: 12,
    网络经营: false,
    备注: null,
  },
})
