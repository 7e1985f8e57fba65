/** 税务局 · 存量房交易税费申报（契税、增值税、个人所得税等）. */
import type { ItemContent } from '../catalog.schema.js'
import {
  date,
  form,
  guide,
  idNumber,
  implementationCode,
  personName,
  yesNo,
} from './demo-common.js'
import { PROPERTY_FIELDS } from './item-property-transfer-registration.js'

export const PROPERTY_TAX_FIELDS = {
  sellerName: personName('转让方（出卖人）姓名', 'Full name of the seller'),
  sellerIdNumber: idNumber('转让方公民身份号码', 'Resident identity card number of the seller'),
  buyerName: personName('承受方（买受人）姓名', 'Full name of the buyer (deed tax payer)'),
  buyerIdNumber: idNumber('承受方公民身份号码', 'Resident identity card number of the buyer'),
  ...PROPERTY_FIELDS,
  contractSignedOn: date(
    '合同签订日期',
    'Date the sale contract was signed (契税纳税义务发生时间)',
  ),
  buyerOnlyHome: yesNo(
    '是否为买受人家庭唯一住房',
    'Whether the home becomes the only home of the buyer household (deed tax relief)',
  ),
  sellerHeldTwoYears: yesNo(
    '出卖人是否购买满2年',
    'Whether the seller has held the home for 2 years (VAT relief)',
  ),
  sellerOnlyHomeFiveYears: yesNo(
    '是否为出卖人家庭唯一生活用房且满5年',
    'Whether it is the only home of the seller household held for 5 years (individual income tax relief)',
  ),
}

export const PROPERTY_TRANSACTION_TAX: ItemContent = {
  basicCode: '000139021000',
  implementationCode: implementationCode('tax', '000139021000'),
  name: {
    zh: '存量房交易税费申报',
    en: 'Tax declaration for a resale housing transaction',
  },
  departmentCode: 'tax',
  itemType: 'public_service',
  legalBasis: [
    {
      title: '《中华人民共和国契税法》',
      article: '第一条：在中华人民共和国境内转移土地、房屋权属，承受的单位和个人为契税的纳税人',
    },
    {
      title: '《中华人民共和国契税法》',
      article: '第十条：纳税人应当在依法办理土地、房屋权属登记手续前申报缴纳契税',
    },
    {
      title: '《中华人民共和国税收征收管理法》',
      article: '第二十五条：纳税人必须依照法律、行政法规规定的申报期限、申报内容如实办理纳税申报',
    },
    {
      title:
        '《财政部 税务总局 住房城乡建设部关于促进房地产市场平稳健康发展有关税收政策的公告》（2024年第16号）',
      article: '第一条（个人购买家庭唯一住房、第二套住房的契税优惠）',
    },
  ],
  handlingType: 'immediate',
  statutoryLimitDays: 1,
  promisedLimitDays: 0,
  onSiteVisits: 0,
  specialProcedures: [],
  scope: 'city',
  fees: [],
  materials: [
    {
      code: 'sale_contract',
      name: { zh: '存量房买卖合同（网签）', en: 'Online resale contract' },
      required: true,
      copies: 1,
      form: 'electronic',
      note: '通过网签备案系统共享，免于提交',
    },
    {
      code: 'party_identity',
      name: { zh: '买卖双方身份证件', en: 'Identity documents of seller and buyer' },
      required: true,
      copies: 1,
      form: 'electronic',
      licenceType: 'id_card',
    },
    {
      code: 'title_certificate',
      name: { zh: '不动产权属证书', en: 'Real estate title certificate' },
      required: true,
      copies: 1,
      form: 'electronic',
      licenceType: 'property_certificate',
    },
    {
      code: 'household_housing_record',
      name: { zh: '家庭住房情况查询结果', en: 'Household housing record' },
      required: false,
      copies: 1,
      form: 'electronic',
      note: '申请契税、个人所得税优惠的，由不动产登记机构共享查询结果',
    },
    {
      code: 'marital_status',
      name: { zh: '婚姻状况证明', en: 'Proof of marital status' },
      required: false,
      copies: 1,
      form: 'electronic',
      licenceType: 'marriage_certificate',
      note: '按家庭认定住房套数的，通过民政数据共享核验',
    },
  ],
  formSchema: form('存量房交易税费申报表', 'Resale housing tax declaration', PROPERTY_TAX_FIELDS),
  guide: guide('1楼不动产登记综合窗口（税务专窗）', [
    '在办理不动产权属登记前申报缴纳契税及相关税费',
    '个人购买家庭唯一住房，面积为140平方米及以下的减按1%税率征收契税，140平方米以上的减按1.5%',
    '个人将购买2年以上（含2年）的住房对外销售的，免征增值税',
    '个人转让自用5年以上并且是家庭唯一生活用房取得的所得，免征个人所得税',
  ]),
}
