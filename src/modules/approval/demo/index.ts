/** Demo stand-ins for department systems (registered only when the demo is on). */
export { DEMO_DEPARTMENT_SYSTEMS } from './demo-department-systems.js'
