/** What other features may use of purchase options; everything else in this folder is private to it. */
export { PurchaseOptionsPanel } from './components/purchase-options-panel'
