/** What other features may use of API keys; everything else in this folder is private to it. */
export { type CreatedApiKey, keyState, useApiKeys, useCreateApiKey } from './api/api-keys-api'
