/**
 * Sample applications for the demo bundles, filled in by the demo persons. They drive the demo
 * script and the tests: each validates against its bundle form, and `expectedMembers` lists the
 * members whose FEEL condition holds.
 */
import { OPEN_RESTAURANT } from './bundle-open-restaurant.js'
import { PROPERTY_TRANSFER } from './bundle-property-transfer.js'
import { START_COMPANY } from './bundle-start-company.js'
import { COMPANY_REGISTRATION } from './item-company-registration.js'
import { FOOD_BUSINESS_LICENCE } from './item-food-business-licence.js'
import { HOUSING_FUND_REGISTRATION } from './item-housing-fund-registration.js'
import { HOUSING_FUND_WITHDRAWAL } from './item-housing-fund-withdrawal.js'
import { NEW_TAXPAYER } from './item-new-taxpayer.js'
import { PROPERTY_TRANSACTION_TAX } from './item-property-transaction-tax.js'
import { PROPERTY_TRANSFER_REGISTRATION } from './item-property-transfer-registration.js'
import { PUBLIC_PLACE_HYGIENE_LICENCE } from './item-public-place-hygiene-licence.js'
import { SEAL_FILING } from './item-seal-filing.js'
import { SOCIAL_INSURANCE_REGISTRATION } from './item-social-insurance-registration.js'

export interface DemoBundleSample {
  bundleCode: string
  title: string
  /** idNumber of the applying DEMO_PERSONS entry. */
  applicantIdNumber: string
  form: Record<string, unknown>
  /** Values the platform fills in from earlier members' results (JSON pointer → value). */
  backfill: Record<string, unknown>
  /** Implementation codes of the members whose condition holds, in bundle order. */
  expectedMembers: string[]
}

const CHEN = { name: '陈思远', idNumber: '330106199807210350', phone: '13800000002' }
const LIN = { name: '林晓雯', idNumber: '330108199011020263', phone: '13800000003' }
const WANG = { name: '王海峰', idNumber: '330105198205090178', phone: '13800000004' }
const ZHANG = { name: '张建国', idNumber: '330102194803150137', phone: '13800000001' }
const LI = { name: '李秀英', idNumber: '33010219750128044X', phone: '13800000005' }
const ZHAO = { name: '赵子涵', idNumber: '330108199509300289', phone: '13800000006' }
const ALL_INSURANCES = ['pension', 'unemployment', 'work_injury']
const SCOPE_NOTE = '（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）'

export const DEMO_BUNDLE_SAMPLES: DemoBundleSample[] = [
  {
    bundleCode: START_COMPANY.code,
    title: '陈思远开办示范市星河数智科技有限公司（申请刻章）',
    applicantIdNumber: CHEN.idNumber,
    form: {
      applicant: CHEN,
      company: {
        name: '示范市星河数智科技有限公司',
        type: 'llc_natural_person_controlled',
        registeredCapital: '1000000',
        businessScope: `一般项目：技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广；软件开发；数据处理服务。${SCOPE_NOTE}`,
        addressDivision: '330106',
        address: '示范市西湖区文新街道学院路168号2幢501室',
        shareholders: [
          {
            name: CHEN.name,
            idNumber: CHEN.idNumber,
            subscribedCapital: '700000',
            contributionDeadline: '2030-12-31',
          },
          {
            name: LIN.name,
            idNumber: LIN.idNumber,
            subscribedCapital: '300000',
            contributionDeadline: '2030-12-31',
          },
        ],
      },
      legalRepresentative: CHEN,
      seal: {
        needed: true,
        types: ['company_seal', 'finance_seal', 'invoice_seal'],
        engraver: 'engraver_chengxin',
        deliveryMethod: 'mail',
      },
      tax: {
        taxpayerType: 'small_scale',
        accountingStandard: 'small_enterprise',
        invoiceKinds: ['digital_ordinary'],
      },
      finance: LIN,
      employment: {
        employeeCount: 8,
        insuranceTypes: ALL_INSURANCES,
        housingFundRate: 12,
        housingFundFirstMonth: '2026-08',
        contactName: LIN.name,
        contactPhone: LIN.phone,
      },
    },
    backfill: { '/company/creditCode': '91330106MA2M3R6K2D' },
    expectedMembers: [
      COMPANY_REGISTRATION.implementationCode,
      SEAL_FILING.implementationCode,
      NEW_TAXPAYER.implementationCode,
      SOCIAL_INSURANCE_REGISTRATION.implementationCode,
      HOUSING_FUND_REGISTRATION.implementationCode,
    ],
  },
  {
    bundleCode: START_COMPANY.code,
    title: '林晓雯开办示范市拾光文化传播有限公司（不刻章）',
    applicantIdNumber: LIN.idNumber,
    form: {
      applicant: LIN,
      company: {
        name: '示范市拾光文化传播有限公司',
        type: 'llc_natural_person_sole',
        registeredCapital: '300000',
        businessScope: `一般项目：组织文化艺术交流活动；会议及展览服务；平面设计。${SCOPE_NOTE}`,
        addressDivision: '330105',
        address: '示范市拱墅区小河街道运河路88号3幢201室',
        shareholders: [
          {
            name: LIN.name,
            idNumber: LIN.idNumber,
            subscribedCapital: '300000',
            contributionDeadline: '2031-06-30',
          },
        ],
      },
      legalRepresentative: LIN,
      seal: { needed: false },
      tax: {
        taxpayerType: 'small_scale',
        accountingStandard: 'small_enterprise',
        invoiceKinds: [],
      },
      finance: LIN,
      employment: {
        employeeCount: 2,
        insuranceTypes: ALL_INSURANCES,
        housingFundRate: 5,
        housingFundFirstMonth: '2026-09',
        contactName: LIN.name,
        contactPhone: LIN.phone,
      },
      bank: { bankName: '示范农商银行拱墅支行', accountNumber: '6217000000000000011' },
    },
    backfill: { '/company/creditCode': '91330105MA2C7F1P13' },
    expectedMembers: [
      COMPANY_REGISTRATION.implementationCode,
      NEW_TAXPAYER.implementationCode,
      SOCIAL_INSURANCE_REGISTRATION.implementationCode,
      HOUSING_FUND_REGISTRATION.implementationCode,
    ],
  },
  {
    bundleCode: OPEN_RESTAURANT.code,
    title: '湖畔小馆（已有营业执照）新开带卡拉OK包厢的门店',
    applicantIdNumber: WANG.idNumber,
    form: {
      applicant: WANG,
      company: {
        registered: true,
        name: '示范市湖畔小馆餐饮有限公司',
        creditCode: '91330102MA2H8N3T96',
      },
      legalRepresentative: WANG,
      premises: {
        address: '示范市上城区湖滨街道平海路15号1-2楼',
        area: 260,
        publicPlaceTypes: ['karaoke'],
      },
      food: {
        mainBusinessForm: 'catering',
        businessItems: ['hot_food', 'cold_food', 'self_made_drinks'],
        safetyManagerName: WANG.name,
        safetyManagerPhone: WANG.phone,
      },
      hygiene: {
        employeeCount: 12,
        healthCertifiedCount: 12,
        centralAirConditioning: true,
        managerName: WANG.name,
        managerPhone: WANG.phone,
      },
    },
    backfill: {},
    expectedMembers: [
      FOOD_BUSINESS_LICENCE.implementationCode,
      PUBLIC_PLACE_HYGIENE_LICENCE.implementationCode,
    ],
  },
  {
    bundleCode: OPEN_RESTAURANT.code,
    title: '赵子涵新开轻食店（同步办理营业执照，无公共场所）',
    applicantIdNumber: ZHAO.idNumber,
    form: {
      applicant: ZHAO,
      company: {
        registered: false,
        name: '示范市子涵轻食餐饮有限公司',
        type: 'llc_natural_person_sole',
        registeredCapital: '100000',
        businessScope:
          '许可项目：餐饮服务。一般项目：餐饮管理。（依法须经批准的项目，经相关部门批准后方可开展经营活动）',
        addressDivision: '330108',
        address: '示范市滨江区西兴街道江陵路66号1楼',
        shareholders: [
          {
            name: ZHAO.name,
            idNumber: ZHAO.idNumber,
            subscribedCapital: '100000',
            contributionDeadline: '2031-03-31',
          },
        ],
      },
      legalRepresentative: ZHAO,
      premises: { address: '示范市滨江区西兴街道江陵路66号1楼', area: 85.5, publicPlaceTypes: [] },
      food: {
        mainBusinessForm: 'catering',
        businessItems: ['hot_food', 'cold_food', 'self_made_drinks'],
        safetyManagerName: ZHAO.name,
        safetyManagerPhone: ZHAO.phone,
      },
    },
    backfill: { '/company/creditCode': '91330108MA2D5H8W9M' },
    expectedMembers: [
      COMPANY_REGISTRATION.implementationCode,
      FOOD_BUSINESS_LICENCE.implementationCode,
    ],
  },
  {
    bundleCode: PROPERTY_TRANSFER.code,
    title: '李秀英将葵巷住房出售给赵子涵（首套，提取公积金）',
    applicantIdNumber: ZHAO.idNumber,
    form: {
      seller: LI,
      buyer: { ...ZHAO, onlyHome: true },
      property: {
        certificateNo: '浙（2019）示范市不动产权第0123456号',
        address: '示范市上城区小营街道葵巷88号3幢401室',
        buildingArea: 89.6,
        usage: 'residential',
        sellerHeldTwoYears: true,
        sellerOnlyHomeFiveYears: false,
      },
      transaction: { contractNo: 'CL2026000123', price: '3200000', signedOn: '2026-06-18' },
      registration: { shareType: 'sole', certificateDelivery: 'electronic' },
      housingFund: {
        withdraw: true,
        reason: 'purchase_resale_home',
        amount: '150000',
        bankName: '示范农商银行滨江支行',
        bankCardNumber: '6230000000000000062',
      },
    },
    backfill: { '/registration/newCertificateNo': '浙（2026）示范市不动产权第0654321号' },
    expectedMembers: [
      PROPERTY_TRANSACTION_TAX.implementationCode,
      PROPERTY_TRANSFER_REGISTRATION.implementationCode,
      HOUSING_FUND_WITHDRAWAL.implementationCode,
    ],
  },
  {
    bundleCode: PROPERTY_TRANSFER.code,
    title: '张建国（1948年生，满五唯一）将河坊社区住房出售给陈思远（不提取公积金）',
    applicantIdNumber: CHEN.idNumber,
    form: {
      seller: ZHANG,
      buyer: { ...CHEN, onlyHome: true },
      property: {
        certificateNo: '浙（2016）示范市不动产权第0012345号',
        address: '示范市上城区清波街道河坊社区12幢3单元201室',
        buildingArea: 62.3,
        usage: 'residential',
        sellerHeldTwoYears: true,
        sellerOnlyHomeFiveYears: true,
      },
      transaction: { contractNo: 'CL2026000456', price: '2100000', signedOn: '2026-07-02' },
      registration: { shareType: 'sole', certificateDelivery: 'pickup' },
      housingFund: { withdraw: false },
    },
    backfill: {},
    expectedMembers: [
      PROPERTY_TRANSACTION_TAX.implementationCode,
      PROPERTY_TRANSFER_REGISTRATION.implementationCode,
    ],
  },
]
