/**
 * 二手房转移登记“一件事”: 存量房交易税费申报 → 不动产转移登记, plus 住房公积金提取 when the buyer
 * asks for it. Tax first: the 完税凭证 is a material of the registration (契税法 第十条).
 */
import type { BundleContent } from '../catalog.schema.js'
import { choice, form, section, yesNo } from './demo-common.js'
import {
  HOUSING_FUND_WITHDRAWAL,
  HOUSING_FUND_WITHDRAWAL_FIELDS as HW,
  WITHDRAWAL_REASON_OPTIONS,
} from './item-housing-fund-withdrawal.js'
import {
  PROPERTY_TAX_FIELDS as TX,
  PROPERTY_TRANSACTION_TAX,
} from './item-property-transaction-tax.js'
import {
  PROPERTY_TRANSFER_FIELDS as RG,
  PROPERTY_TRANSFER_REGISTRATION,
} from './item-property-transfer-registration.js'

const housingFundSection = {
  ...section(
    '住房公积金提取',
    'Housing provident fund withdrawal by the buyer',
    {
      withdraw: yesNo(
        '是否同步申请提取住房公积金',
        'Whether the buyer withdraws housing fund savings',
      ),
      reason: choice(
        '提取原因',
        'Reason for the withdrawal',
        WITHDRAWAL_REASON_OPTIONS.filter(([value]) => value === 'purchase_resale_home'),
      ),
      amount: HW.amount,
      bankName: HW.bankName,
      bankCardNumber: HW.bankCardNumber,
    },
    ['withdraw'],
  ),
  if: { properties: { withdraw: { const: true } } },
  then: { required: ['reason', 'amount', 'bankName', 'bankCardNumber'] },
}

export const PROPERTY_TRANSFER_FORM = form('二手房转移登记“一件事”申请表', 'Buy a resale home', {
  seller: section('转让方（出卖人）', 'Seller', {
    name: RG.sellerName,
    idNumber: RG.sellerIdNumber,
    phone: RG.sellerPhone,
  }),
  buyer: section('受让方（买受人）', 'Buyer', {
    name: RG.buyerName,
    idNumber: RG.buyerIdNumber,
    phone: RG.buyerPhone,
    onlyHome: TX.buyerOnlyHome,
  }),
  property: section('不动产信息', 'Property', {
    certificateNo: RG.propertyCertificateNo,
    address: RG.propertyAddress,
    buildingArea: RG.buildingArea,
    usage: RG.propertyUsage,
    sellerHeldTwoYears: TX.sellerHeldTwoYears,
    sellerOnlyHomeFiveYears: TX.sellerOnlyHomeFiveYears,
  }),
  transaction: section('交易信息', 'Transaction', {
    contractNo: RG.contractNo,
    price: RG.transactionPrice,
    signedOn: TX.contractSignedOn,
  }),
  registration: section(
    '登记信息',
    'Registration',
    {
      shareType: RG.shareType,
      certificateDelivery: RG.certificateDelivery,
      newCertificateNo: {
        ...RG.propertyCertificateNo,
        title: '新不动产权证书号',
        readOnly: true,
        description:
          "Buyer's new title certificate number; filled in by the platform after registration",
      },
    },
    ['shareType', 'certificateDelivery'],
  ),
  housingFund: housingFundSection,
})

const PARTIES = {
  sellerName: '/seller/name',
  sellerIdNumber: '/seller/idNumber',
  buyerName: '/buyer/name',
  buyerIdNumber: '/buyer/idNumber',
  propertyCertificateNo: '/property/certificateNo',
  propertyAddress: '/property/address',
  buildingArea: '/property/buildingArea',
  propertyUsage: '/property/usage',
  contractNo: '/transaction/contractNo',
  transactionPrice: '/transaction/price',
}

export const PROPERTY_TRANSFER: BundleContent = {
  code: 'property_transfer',
  name: { zh: '二手房转移登记“一件事”', en: 'Buy a resale home' },
  description: {
    zh: '存量房买卖“一窗受理、集成服务”：交易税费申报、不动产转移登记一次申请，买受人可同步申请提取住房公积金，完税信息与新证信息部门间实时共享。',
    en: 'One application for a resale home purchase: tax declaration and transfer registration, plus an optional housing fund withdrawal by the buyer; tax and title data flow between departments.',
  },
  members: [
    {
      implementationCode: PROPERTY_TRANSACTION_TAX.implementationCode,
      condition: null,
      fieldMap: {
        ...PARTIES,
        contractSignedOn: '/transaction/signedOn',
        buyerOnlyHome: '/buyer/onlyHome',
        sellerHeldTwoYears: '/property/sellerHeldTwoYears',
        sellerOnlyHomeFiveYears: '/property/sellerOnlyHomeFiveYears',
      },
    },
    {
      implementationCode: PROPERTY_TRANSFER_REGISTRATION.implementationCode,
      condition: null,
      fieldMap: {
        ...PARTIES,
        sellerPhone: '/seller/phone',
        buyerPhone: '/buyer/phone',
        shareType: '/registration/shareType',
        certificateDelivery: '/registration/certificateDelivery',
      },
    },
    {
      implementationCode: HOUSING_FUND_WITHDRAWAL.implementationCode,
      condition: 'housingFund.withdraw = true',
      fieldMap: {
        applicantName: '/buyer/name',
        applicantIdNumber: '/buyer/idNumber',
        applicantPhone: '/buyer/phone',
        reason: '/housingFund/reason',
        propertyCertificateNo: '/registration/newCertificateNo',
        contractNo: '/transaction/contractNo',
        transactionPrice: '/transaction/price',
        amount: '/housingFund/amount',
        bankName: '/housingFund/bankName',
        bankCardNumber: '/housingFund/bankCardNumber',
      },
    },
  ],
  formSchema: PROPERTY_TRANSFER_FORM,
}
