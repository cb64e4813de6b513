import { Decimal } from 'decimal.js'

/**
 * Decimal with room for a month of usage times a 10-decimal unit price without rounding:
 * the default 20 significant digits would silently round 1e12 requests × 0.0000002.
 */
export const ExactDecimal = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_UP })
