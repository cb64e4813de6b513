export * from './api-keys.js'
export * from './reports.js'
export * from './scenarios.js'
export * from './users.js'
