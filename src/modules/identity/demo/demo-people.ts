/**
 * Demo city (示范市) identity data: departments, staff, citizens and enterprises.
 *
 * 示范市 borrows the GB/T 2260 division code 330100 and its real district codes (330102 上城区,
 * 330105 拱墅区, 330106 西湖区, 330108 滨江区) so that every identifier below carries a valid
 * check character; the people and enterprises themselves are fictitious.
 */
import type {
  DemoDepartment,
  DemoDepartmentCode,
  DemoDepartmentStaff,
  DemoEnterprise,
  DemoPerson,
  DemoStaff,
  DepartmentRole,
} from './demo-types.js'

/** Password of every demo account; demo seeding only, never in production. */
export const DEMO_PASSWORD = 'Tongban@2026'

/** GB/T 2260 code the demo city uses for its numbers. */
export const DEMO_CITY_DIVISION_CODE = '330100'

export const DEMO_DEPARTMENTS: readonly DemoDepartment[] = [
  {
    code: 'market',
    name: { zh: '示范市市场监督管理局', en: 'Demo City Administration for Market Regulation' },
    creditCode: '11330100MB1951086W',
    address: '示范市上城区市民街1号市民中心B座',
    phone: '0571-88000101',
  },
  {
    code: 'public_security',
    name: { zh: '示范市公安局', en: 'Demo City Public Security Bureau' },
    creditCode: '11330100MB19502193',
    address: '示范市上城区平安路66号',
    phone: '0571-88000110',
  },
  {
    code: 'tax',
    name: {
      zh: '国家税务总局示范市税务局',
      en: 'Demo City Tax Service, State Taxation Administration',
    },
    creditCode: '11330100MB196037XL',
    address: '示范市上城区财税路18号',
    phone: '0571-88000366',
  },
  {
    code: 'hrss',
    name: {
      zh: '示范市人力资源和社会保障局',
      en: 'Demo City Human Resources and Social Security Bureau',
    },
    creditCode: '11330100MB19524417',
    address: '示范市拱墅区民生路88号',
    phone: '0571-88000333',
  },
  {
    code: 'housing_fund',
    name: {
      zh: '示范市住房公积金管理中心',
      en: 'Demo City Housing Provident Fund Management Centre',
    },
    // 事业单位: category '1' (机构编制), type '2'.
    creditCode: '12330100MB17345678',
    address: '示范市拱墅区安居路20号',
    phone: '0571-88000329',
  },
  {
    code: 'health',
    name: { zh: '示范市卫生健康委员会', en: 'Demo City Health Commission' },
    creditCode: '11330100MB1953620L',
    address: '示范市上城区健康路9号',
    phone: '0571-88000320',
  },
  {
    code: 'natural_resources',
    name: {
      zh: '示范市自然资源和规划局（示范市不动产登记中心）',
      en: 'Demo City Natural Resources and Planning Bureau (Real Estate Registration Centre)',
    },
    creditCode: '11330100MB1954738B',
    address: '示范市西湖区规划路3号',
    phone: '0571-88000302',
  },
  {
    code: 'data_bureau',
    name: { zh: '示范市数据资源管理局', en: 'Demo City Data Resources Administration' },
    creditCode: '11330100MB1955853T',
    address: '示范市上城区市民街1号市民中心A座',
    phone: '0571-88000345',
  },
  {
    code: 'science_technology',
    name: { zh: '示范市科学技术局', en: 'Demo City Science and Technology Bureau' },
    creditCode: '11330100MB19566296',
    address: '示范市上城区市民街1号市民中心C座',
    phone: '0571-88000412',
  },
]

function member(
  departmentCode: DemoDepartmentCode,
  surname: string,
  name: string,
  roles: readonly DepartmentRole[],
): DemoDepartmentStaff {
  return { account: `${departmentCode}.${surname}`, name, departmentCode, roles }
}

/**
 * Roughly three people per department: a front-desk clerk (受理/审查), an approver (决定) and an
 * administrator; catalog editing and publishing are held by different people (审核分离).
 * Accounts are `<department code>.<surname>`, e.g. 'market.li'.
 */
export const DEMO_STAFF: readonly DemoStaff[] = [
  member('market', 'li', '李明', ['dept_staff', 'catalog_editor']),
  member('market', 'zhou', '周婷', ['dept_approver', 'catalog_publisher']),
  member('market', 'sun', '孙志强', ['dept_admin', 'policy_officer']),
  member('public_security', 'wang', '王磊', ['dept_staff']),
  member('public_security', 'liu', '刘洋', ['dept_approver', 'catalog_publisher']),
  member('public_security', 'hu', '胡晓燕', ['dept_admin', 'catalog_editor']),
  member('tax', 'chen', '陈静', ['dept_staff', 'catalog_editor']),
  member('tax', 'yang', '杨帆', ['dept_approver']),
  member('tax', 'xu', '徐建华', ['dept_admin', 'catalog_publisher', 'policy_officer']),
  member('hrss', 'zhao', '赵丽', ['dept_staff']),
  member('hrss', 'huang', '黄文', ['dept_approver', 'catalog_publisher']),
  member('hrss', 'wu', '吴敏', ['dept_admin', 'catalog_editor', 'policy_officer']),
  member('housing_fund', 'zheng', '郑欣', ['dept_staff', 'catalog_editor']),
  member('housing_fund', 'feng', '冯涛', ['dept_approver']),
  member('housing_fund', 'cai', '蔡红', ['dept_admin', 'catalog_publisher']),
  member('health', 'he', '何佳', ['dept_staff']),
  member('health', 'lu', '陆伟', ['dept_approver', 'catalog_editor']),
  member('health', 'shen', '沈悦', ['dept_admin', 'catalog_publisher']),
  member('natural_resources', 'song', '宋杰', ['dept_staff', 'catalog_editor']),
  member('natural_resources', 'tang', '唐宁', ['dept_approver', 'catalog_publisher']),
  member('natural_resources', 'han', '韩雪', ['dept_admin']),
  member('data_bureau', 'qian', '钱程', ['dept_admin']),
  member('data_bureau', 'jiang', '蒋一帆', ['catalog_publisher']),
  member('data_bureau', 'ye', '叶青', ['dept_staff', 'catalog_editor', 'data_officer']),
  // 三员: platform administrators without a department.
  { account: 'sysadmin', name: '方立新', departmentCode: null, roles: ['system_admin'] },
  { account: 'secadmin', name: '邵静怡', departmentCode: null, roles: ['security_admin'] },
  { account: 'auditor', name: '严明', departmentCode: null, roles: ['auditor'] },
  // Added later, so appended: a staff member's demo phone follows their place in this list.
  // The second market clerk: 食品经营许可 现场核查 is a 会签 of two inspectors.
  member('market', 'gao', '高远', ['dept_staff']),
  // 惠企政策: the science bureau issues the high-tech and incubator-rent policies.
  member('science_technology', 'lin', '林晓', ['policy_officer', 'dept_admin']),
  member('science_technology', 'zhu', '朱文博', ['dept_staff', 'catalog_editor']),
  member('science_technology', 'qin', '秦雨', ['dept_approver', 'catalog_publisher']),
  // 流程挖掘: the market bureau's process analyst studies its approval history.
  member('market', 'xie', '谢雨桐', ['process_analyst']),
]

export const DEMO_PERSONS: readonly DemoPerson[] = [
  {
    name: '张建国',
    idNumber: '330102194803150137',
    gender: 'male',
    birthDate: '1948-03-15',
    phone: '13800000001',
    address: '示范市上城区清波街道河坊社区12幢3单元201室',
    persona: '1948年出生的退休教师，演示适老化服务与亲友代办',
  },
  {
    name: '陈思远',
    idNumber: '330106199807210350',
    gender: 'male',
    birthDate: '1998-07-21',
    phone: '13800000002',
    address: '示范市西湖区文新街道学院路168号1幢1502室',
    persona: '青年创业者，示范市云栖智联科技有限公司法定代表人，演示企业开办“一件事”',
  },
  {
    name: '林晓雯',
    idNumber: '330108199011020263',
    gender: 'female',
    birthDate: '1990-11-02',
    phone: '13800000003',
    address: '示范市滨江区长河街道江南大道588号3幢801室',
    persona: '示范市滨江智造电子有限公司法定代表人，兼任云栖智联财务负责人（授权经办人）',
  },
  {
    name: '王海峰',
    idNumber: '330105198205090178',
    gender: 'male',
    birthDate: '1982-05-09',
    phone: '13800000004',
    address: '示范市拱墅区米市巷街道湖墅南路99号2幢602室',
    persona: '示范市湖畔小馆餐饮有限公司法定代表人，演示开餐馆“一件事”',
  },
  {
    name: '李秀英',
    idNumber: '33010219750128044X',
    gender: 'female',
    birthDate: '1975-01-28',
    phone: '13800000005',
    address: '示范市上城区湖滨街道东坡路20号5幢302室',
    persona: '示范市运河百货有限公司法定代表人，二手房出卖人',
  },
  {
    name: '赵子涵',
    idNumber: '330108199509300289',
    gender: 'female',
    birthDate: '1995-09-30',
    phone: '13800000006',
    address: '示范市滨江区西兴街道闻涛路1888号6幢1203室',
    persona: '首次购房的二手房买受人，使用住房公积金提取，演示二手房转移登记“一件事”',
  },
]

export const DEMO_ENTERPRISES: readonly DemoEnterprise[] = [
  {
    name: '示范市云栖智联科技有限公司',
    creditCode: '91330106MA2KC7R48T',
    legalRepresentativeIdNumber: '330106199807210350',
    registeredAddress: '示范市西湖区转塘街道创业路8号2幢301室',
    industry: { code: 'I6513', name: '应用软件开发' },
    registeredCapital: '1000000',
    establishedOn: '2023-04-18',
    agents: ['330106199807210350', '330108199011020263'],
  },
  {
    name: '示范市湖畔小馆餐饮有限公司',
    creditCode: '91330102MA2H8N3T96',
    legalRepresentativeIdNumber: '330105198205090178',
    registeredAddress: '示范市上城区湖滨街道平海路15号1楼',
    industry: { code: 'H6210', name: '正餐服务' },
    registeredCapital: '500000',
    establishedOn: '2021-09-06',
    agents: ['330105198205090178'],
  },
  {
    name: '示范市滨江智造电子有限公司',
    creditCode: '91330108MA27W5LD5R',
    legalRepresentativeIdNumber: '330108199011020263',
    registeredAddress: '示范市滨江区浦沿街道智造路100号5幢',
    industry: { code: 'C3982', name: '电子电路制造' },
    registeredCapital: '5000000',
    establishedOn: '2019-11-22',
    agents: ['330108199011020263', '330106199807210350'],
  },
  {
    name: '示范市运河百货有限公司',
    creditCode: '91330105MA2B4Q9E5T',
    legalRepresentativeIdNumber: '33010219750128044X',
    registeredAddress: '示范市拱墅区小河街道运河路66号',
    industry: { code: 'F5211', name: '百货零售' },
    registeredCapital: '2000000',
    establishedOn: '2018-06-30',
    agents: ['33010219750128044X'],
  },
]
