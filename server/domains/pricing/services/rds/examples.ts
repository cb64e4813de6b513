import type { WorkedExample } from '../service-descriptor.js'

export const rdsExamples: WorkedExample[] = []
