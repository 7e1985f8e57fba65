/** All bundles (一件事) of the demo city. */
import type { BundleContent } from '../catalog.schema.js'
import { OPEN_RESTAURANT } from './bundle-open-restaurant.js'
import { PROPERTY_TRANSFER } from './bundle-property-transfer.js'
import { START_COMPANY } from './bundle-start-company.js'

export const DEMO_BUNDLES: BundleContent[] = [START_COMPANY, OPEN_RESTAURANT, PROPERTY_TRANSFER]
