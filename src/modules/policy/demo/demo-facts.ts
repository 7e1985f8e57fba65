import type { ImportRow } from '../enterprise-facts.service.js'

/**
 * Figures for the demo enterprises, as a data officer would import them from tax, social
 * security and statistics data (money in yuan unless the policy says otherwise), chosen so that
 * every demo policy has an eligible, a possibly eligible and a not eligible enterprise.
 * The first four are registered enterprises (they get notices); the last two are known only from
 * imported data (no contact on the platform yet).
 */
export const DEMO_ENTERPRISE_FACTS: readonly ImportRow[] = [
  {
    // 云栖智联科技: a young software company in a certified incubator.
    creditCode: '91330106MA2KC7R48T',
    asOf: '2025-12-31',
    facts: {
      annualTaxableIncome: 1_260_000,
      employees: 28,
      totalAssets: 8_600_000,
      restrictedIndustry: false,
      operatingRevenue: 9_800_000,
      techSme: true,
      inCertifiedIncubator: true,
      leaseFromRelatedParty: false,
      seriousDishonesty: false,
      leasedArea: 320,
      annualRent: 153_600,
      ownsCoreIp: true,
      inSupportedField: true,
      techStaff: 19,
      totalStaff: 28,
      rdExpenses: 1_450_000,
      domesticRdExpenses: 1_450_000,
      salesRevenue: 9_800_000,
      lastYearSalesRevenue: 9_800_000,
      highTechRevenue: 7_900_000,
      totalRevenue: 9_900_000,
      majorIncident: false,
    },
  },
  {
    // 湖畔小馆餐饮: a restaurant that hires graduates; its credit record is not yet known.
    creditCode: '91330102MA2H8N3T96',
    asOf: '2025-12-31',
    facts: {
      annualTaxableIncome: 380_000,
      employees: 36,
      totalAssets: 2_100_000,
      restrictedIndustry: false,
      operatingRevenue: 6_200_000,
      isSme: true,
      graduateHires: 3,
      youthHires: 2,
      unemploymentInsuranceArrears: false,
      techSme: false,
    },
  },
  {
    // 滨江智造电子: a larger manufacturer, past the small-low-profit limits.
    creditCode: '91330108MA27W5LD5R',
    asOf: '2025-12-31',
    facts: {
      annualTaxableIncome: 5_400_000,
      employees: 260,
      totalAssets: 120_000_000,
      restrictedIndustry: false,
      operatingRevenue: 180_000_000,
      ownsCoreIp: true,
      inSupportedField: true,
      techStaff: 58,
      totalStaff: 260,
      rdExpenses: 7_900_000,
      domesticRdExpenses: 7_600_000,
      salesRevenue: 178_000_000,
      lastYearSalesRevenue: 178_000_000,
      highTechRevenue: 121_000_000,
      totalRevenue: 180_000_000,
      innovationScore: 82,
      majorIncident: false,
      isSme: true,
      graduateHires: 12,
      youthHires: 6,
      unemploymentInsuranceArrears: false,
      seriousDishonesty: false,
    },
  },
  {
    // 运河百货: a department store with many staff.
    creditCode: '91330105MA2B4Q9E5T',
    asOf: '2025-12-31',
    facts: {
      annualTaxableIncome: 2_300_000,
      employees: 320,
      totalAssets: 46_000_000,
      restrictedIndustry: false,
      operatingRevenue: 260_000_000,
    },
  },
  {
    creditCode: '91330110MA2D6XJ07M',
    name: '示范市余杭青禾农业发展有限公司',
    asOf: '2025-12-31',
    facts: {
      annualTaxableIncome: 90_000,
      employees: 12,
      totalAssets: 1_500_000,
      restrictedIndustry: false,
    },
  },
  {
    creditCode: '91330109MA2CQ1BN00',
    name: '示范市萧山星火软件有限公司',
    asOf: '2025-12-31',
    facts: {
      annualTaxableIncome: 3_200_000,
      employees: 40,
      totalAssets: 9_000_000,
      restrictedIndustry: false,
      techSme: true,
      inCertifiedIncubator: true,
      leaseFromRelatedParty: true,
      seriousDishonesty: false,
      leasedArea: 150,
      annualRent: 90_000,
    },
  },
]
