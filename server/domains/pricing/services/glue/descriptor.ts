import { Type } from '@sinclair/typebox'
import type { Decimal } from 'decimal.js'
import { count, d, strict } from '../params.js'
import type { ValidationDetail } from '../service-descriptor.js'
import { defineService } from '../service-descriptor.js'
import { glueExamples } from './examples.js'

/** Billed minutes per run: per second, with a minimum per run (1 minute for jobs, 10 for crawlers). */
const JOB_MIN_MINUTES = 1
const CRAWLER_MIN_MINUTES = 10
/** No minimum for interactive sessions was found in a source, so none is applied. */
const SESSION_MIN_MINUTES = 0
/** An interactive session has 5 DPUs unless configured otherwise. */
const DEFAULT_SESSION_DPUS = 5
/** A Python shell job runs on 1/16 DPU or on 1 DPU. */
const PYTHON_SHELL_DPUS = [0.0625, 1] as const

const optionalCount = (title: string, description: string) => Type.Optional(count({ title, description }))
const minutes = (title: string, description: string) =>
  Type.Optional(Type.Number({ minimum: 0, maximum: 44_640, title, description }))
const dpus = (title: string, description: string) =>
  Type.Optional(Type.Number({ minimum: 0.0625, maximum: 10_000, title, description }))

/** DPU-hours of `runs` runs of `minutesPerRun` each on `units` DPUs, each run billed for at least `minimum` minutes. */
function dpuHours(runs: number, minutesPerRun: number, units: number, minimum: number): Decimal {
  return d(runs).times(units).times(Math.max(minimum, minutesPerRun)).div(60)
}

/**
 * AWS Glue. ETL jobs, crawlers and interactive sessions are billed per DPU-hour, by the second with a minimum per
 * run (1 minute for Glue 2.0 and later jobs, 10 minutes for a crawler run); Flex jobs have their
 * own lower rate, Python shell jobs run on 1/16 or 1 DPU at the standard rate. The Data Catalog bills objects
 * stored and requests beyond the first million of each a month.
 */
export const glue = defineService({
  id: 'glue',
  usageTypePrefix: 'glue',
  name: 'AWS Glue',
  category: 'analytics',
  description:
    'Serverless ETL jobs, crawlers and the Data Catalog, billed per DPU-hour and per object stored.',
  help:
    'ETL job runs (average minutes and DPUs per run), crawler runs, interactive sessions, and Data Catalog ' +
    'objects and requests. A run shorter than its minimum is billed the minimum. Glue 0.9/1.0 jobs (10-minute ' +
    'minimum), DataBrew, Data Quality and zero-ETL are not modelled.',
  params: Type.Object(
    {
      job_type: Type.Optional(
        Type.Union([Type.Literal('standard'), Type.Literal('flex'), Type.Literal('python_shell')], {
          title: 'Job type',
          description:
            'standard (Spark or Ray, the default), flex (Spark Flex execution, lower rate) or python_shell.',
        }),
      ),
      job_runs: optionalCount('Job runs per month', 'Runs of the ETL job in the month.'),
      job_minutes_per_run: minutes(
        'Minutes per job run',
        'Average run time; a run is billed at least 1 minute.',
      ),
      job_dpus: dpus(
        'DPUs per job run',
        'DPUs the job uses (workers × DPUs per worker: G.1X = 1, G.2X = 2, G.025X = 0.25); 0.0625 or 1 for Python shell.',
      ),
      crawler_runs: optionalCount('Crawler runs per month', 'Runs of crawlers in the month.'),
      crawler_minutes_per_run: minutes(
        'Minutes per crawler run',
        'Average crawler run time; a run is billed at least 10 minutes.',
      ),
      crawler_dpus: dpus('DPUs per crawler run', 'DPUs a crawler run uses (shown in its run statistics).'),
      interactive_sessions: optionalCount(
        'Interactive sessions per month',
        'Notebook or interactive sessions run.',
      ),
      session_minutes: minutes('Minutes per session', 'Average session length.'),
      session_dpus: dpus(
        'DPUs per session',
        'DPUs of a session; 5 when left out (the default session size).',
      ),
      catalog_objects: optionalCount(
        'Data Catalog objects stored',
        'Databases, tables, partitions, ... stored on average over the month; the first million are free.',
      ),
      catalog_requests: optionalCount(
        'Data Catalog requests per month',
        'Data Catalog API requests (Athena, EMR and Spark reads included); the first million are free.',
      ),
    },
    strict,
  ),
  rangedParams: [],
  catalogValues: [],
  checkParams(p) {
    const details: ValidationDetail[] = []
    const needs = (
      runs: number | undefined,
      field: 'job_dpus' | 'crawler_dpus',
      value: number | undefined,
    ) => {
      if ((runs ?? 0) > 0 && value === undefined)
        details.push({ field: `params.${field}`, reason: 'is required when there are runs' })
    }
    needs(p.job_runs, 'job_dpus', p.job_dpus)
    needs(p.crawler_runs, 'crawler_dpus', p.crawler_dpus)
    if (
      p.job_type === 'python_shell' &&
      p.job_dpus !== undefined &&
      !(PYTHON_SHELL_DPUS as readonly number[]).includes(p.job_dpus)
    )
      details.push({ field: 'params.job_dpus', reason: 'a Python shell job runs on 0.0625 or 1 DPU' })
    return details
  },
  toUsage(p, _at, sink) {
    const jobs = dpuHours(p.job_runs ?? 0, p.job_minutes_per_run ?? 0, p.job_dpus ?? 0, JOB_MIN_MINUTES)
    sink(p.job_type === 'flex' ? 'glue.etl_dpu_hours.flex' : 'glue.etl_dpu_hours.standard', jobs)
    sink(
      'glue.crawler_dpu_hours',
      dpuHours(p.crawler_runs ?? 0, p.crawler_minutes_per_run ?? 0, p.crawler_dpus ?? 0, CRAWLER_MIN_MINUTES),
    )
    sink(
      'glue.session_dpu_hours',
      dpuHours(
        p.interactive_sessions ?? 0,
        p.session_minutes ?? 0,
        p.session_dpus ?? DEFAULT_SESSION_DPUS,
        SESSION_MIN_MINUTES,
      ),
    )
    sink('glue.catalog_object_months', d(p.catalog_objects ?? 0))
    sink('glue.catalog_requests', d(p.catalog_requests ?? 0))
  },
  usageTypes: [
    {
      match: 'glue.etl_dpu_hours.*',
      unit: 'DPU-hours',
      kind: 'flow',
      description: 'ETL job DPU-hours, by rate.',
    },
    { match: 'glue.crawler_dpu_hours', unit: 'DPU-hours', kind: 'flow', description: 'Crawler DPU-hours.' },
    {
      match: 'glue.session_dpu_hours',
      unit: 'DPU-hours',
      kind: 'flow',
      description: 'Interactive session DPU-hours.',
    },
    {
      match: 'glue.catalog_object_months',
      unit: 'object-months',
      kind: 'stock',
      description: 'Data Catalog objects stored.',
    },
    { match: 'glue.catalog_requests', unit: 'requests', kind: 'flow', description: 'Data Catalog requests.' },
  ],
  ingest: {},
  sdk: [],
  priceList: [
    {
      offerCode: 'AWSGlue',
      awsUsageType: /^ETL-DPU-Hour$/,
      usageType: 'glue.etl_dpu_hours.standard',
      unit: 'DPU-hours',
    },
    {
      offerCode: 'AWSGlue',
      awsUsageType: /^ETL-Flex-DPU-Hour$/,
      usageType: 'glue.etl_dpu_hours.flex',
      unit: 'DPU-hours',
    },
    {
      offerCode: 'AWSGlue',
      awsUsageType: /^Crawler-DPU-Hour$/,
      usageType: 'glue.crawler_dpu_hours',
      unit: 'DPU-hours',
    },
    {
      offerCode: 'AWSGlue',
      awsUsageType: /^Catalog-Request$/,
      usageType: 'glue.catalog_requests',
      unit: 'requests',
    },
  ],
  terraform: {
    aws_glue_job: ({ values }) => ({
      params: {
        job_type: jobTypeOf(values),
        job_runs: 0,
        job_minutes_per_run: 0,
        job_dpus: jobDpusOf(values),
      },
    }),
    aws_glue_crawler: () => ({ params: { crawler_runs: 0, crawler_minutes_per_run: 0 } }),
    aws_glue_catalog_database: () => ({ params: { catalog_objects: 0, catalog_requests: 0 } }),
  },
  examples: glueExamples,
})

/** DPUs per worker of each Glue worker type. */
const WORKER_DPUS: Readonly<Record<string, number>> = {
  'G.025X': 0.25,
  'G.1X': 1,
  'G.2X': 2,
  'G.4X': 4,
  'G.8X': 8,
  'Z.2X': 2,
  Standard: 1,
}
/** AWS Glue allocates 10 DPUs to a Spark job that states neither workers nor capacity. */
const DEFAULT_JOB_DPUS = 10

function commandName(values: Readonly<Record<string, unknown>>): string {
  const command = Array.isArray(values.command)
    ? (values.command[0] as Record<string, unknown> | undefined)
    : undefined
  return typeof command?.name === 'string' ? command.name : 'glueetl'
}

function jobTypeOf(values: Readonly<Record<string, unknown>>): 'standard' | 'flex' | 'python_shell' {
  if (commandName(values) === 'pythonshell') return 'python_shell'
  return values.execution_class === 'FLEX' ? 'flex' : 'standard'
}

function jobDpusOf(values: Readonly<Record<string, unknown>>): number {
  const workers = values.number_of_workers
  const perWorker = typeof values.worker_type === 'string' ? WORKER_DPUS[values.worker_type] : undefined
  if (typeof workers === 'number' && perWorker !== undefined) return workers * perWorker
  if (typeof values.max_capacity === 'number') return values.max_capacity
  return commandName(values) === 'pythonshell' ? PYTHON_SHELL_DPUS[0] : DEFAULT_JOB_DPUS
}
