/**
 * The shape of a priced service: everything the product knows about one AWS service lives in its folder
 * (`services/<id>/`) as one descriptor, and every consumer (line items, metering units, the offer import,
 * the Terraform importer, the SDK bridge, the API contract, the web form) reads it from the registry.
 * docs/contributing.md walks through adding one.
 */
import type { Static, TObject } from '@sinclair/typebox'
import type { Decimal } from 'decimal.js'
import type { Catalog } from '../catalog.js'

/** The groups of the service picker, as the AWS Pricing Calculator groups services. */
export const SERVICE_CATEGORIES = [
  'compute',
  'storage',
  'database',
  'networking',
  'integration',
  'analytics',
  'ai-ml',
  'security',
  'management',
] as const
export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number]

/** Which point of a `{min, typical, max}` param a conversion reads. */
export type RangePoint = 'min' | 'typical' | 'max'

export interface ValidationDetail {
  field: string
  reason: string
}

/**
 * One usage type (or a family of them) a service bills. Metering stores integers in `baseUnit`; the catalog
 * prices `unit`; `baseUnitsPerUnit` converts one to the other exactly.
 */
export interface UsageTypeSpec {
  /** An exact usage type, or a family ending in `.*` that matches any suffix (`ec2.instance_hours.*`). */
  readonly match: string
  /** The unit the catalog prices it in; equal to the catalog's `services.<id>.units` entry. */
  readonly unit: string
  /**
   * `stock`: a level held over the month (GB stored), kept as is when a window is projected to a month;
   * `flow`: something that happens (requests, GB sent), scaled by month / window.
   */
  readonly kind: 'stock' | 'flow'
  /** The integer unit metering stores (`bytes`, `MB·ms`); the price unit when omitted. */
  readonly baseUnit?: string
  /** How many base units make one price unit, as an exact decimal string (default '1'). */
  readonly baseUnitsPerUnit?: string
  readonly description: string
}

/** A param whose value must name something the catalog knows (a model, an instance type). */
export interface CatalogValueRule {
  readonly param: string
  /** How the value is named in an error: `unknown EC2 instance type 'x'`. */
  readonly what: string
  readonly known: (catalog: Catalog) => string[]
  /** Names of the values that have one (a Bedrock model's name for its id), for pickers. */
  readonly names?: (catalog: Catalog) => Record<string, string>
}

/**
 * Maps products of an AWS Price List offer file onto our usage types. `awsUsageType` is matched against the
 * product's `usagetype` with its region prefix (`USE1-`, `EU-`) removed; `usageType` may use `$1` for the
 * first capture and `{attribute}` for a product attribute (`{instanceType}`). A product takes the first
 * rule of its offer that matches it, `requires` included, so rules may share an AWS usage type.
 */
export interface PriceListRule {
  readonly offerCode: string
  readonly awsUsageType: RegExp
  readonly usageType: string
  readonly unit: string
  /**
   * Attribute values the product must have when it states them (EC2 lists Windows and dedicated too); a list
   * accepts any of its values.
   */
  readonly requires?: Readonly<Record<string, string | readonly string[]>>
  /**
   * Where the product's Reserved Instance terms go (offer files' `terms.Reserved`): usage-type templates for the
   * hourly fee (`Hrs` dimension) and the upfront fee per reservation (`Quantity`), with `{class}` (standard,
   * convertible), `{term}` (1y, 3y) and `{payment}` (no_upfront, partial_upfront, all_upfront) beside `$1`
   * and `{attribute}`.
   */
  readonly reserved?: HourlyAndUpfront
  /**
   * Where the Savings Plans rates that discount the product go (Savings Plans files, matched on the rate's
   * `discountedUsageType` and `discountedOperation`): the same templates with `{plan}` (compute, ec2_instance).
   */
  readonly savingsPlans?: CommitmentUsageTypes
}

/**
 * The usage types a commitment's hourly part and upfront part (per reservation or instance) are priced under, or,
 * for usage a plan covers unit by unit (Fargate's vCPU-hours and GB-hours), the one usage type of its whole rate
 * per unit, which the comparison splits by payment (`SAVINGS_PLAN_UPFRONT_SHARE`).
 */
export type CommitmentUsageTypes = HourlyAndUpfront | { readonly rate: string }

export interface HourlyAndUpfront {
  readonly hourly: string
  readonly upfront: string
}

/**
 * The part of a Savings Plan's commitment paid upfront, by payment option, as the AWS Pricing Calculator splits
 * it (Partial Upfront: half; AWS asks for at least half).
 */
export const SAVINGS_PLAN_UPFRONT_SHARE: Record<PurchaseOption['payment'], number> = {
  no_upfront: 0,
  partial_upfront: 0.5,
  all_upfront: 1,
}

/**
 * The usage type of a Savings Plan's rate per unit of usage it covers, beside the on-demand one:
 * `fargate.vcpu_hours.arm64` → `fargate.savings_plan_vcpu_hours.<offer>.arm64`, with `offer` like
 * `compute_1y_no_upfront` (or the sync's `{plan}_{term}_{payment}` template).
 */
export const savingsPlanRateType = (usageType: string, offer: string) =>
  usageType.replace(/^(\w+)\.(\w+)\./, `$1.savings_plan_$2.${offer}.`)

/** A Price List rule whose usage a Compute Savings Plan covers unit by unit (Fargate, Lambda duration). */
export const withSavingsPlanRate = (rule: PriceListRule): PriceListRule => ({
  ...rule,
  savingsPlans: { rate: savingsPlanRateType(rule.usageType, '{plan}_{term}_{payment}') },
})

/**
 * Price List rules matching the whole usagetype (region prefix removed): one `[awsUsageType, usageType, unit]` row
 * each, all from one offer, with the same attribute `requires` when given. `awsUsageType` is a regular expression
 * source, mostly a plain name; Amazon MQ's capture the instance type into `$1` of the usage type.
 */
export function exactUsageTypes(
  offerCode: string,
  rows: readonly (readonly [awsUsageType: string, usageType: string, unit: string])[],
  requires?: PriceListRule['requires'],
): PriceListRule[] {
  return rows.map(([awsUsageType, usageType, unit]) => ({
    offerCode,
    awsUsageType: new RegExp(`^${awsUsageType}$`),
    usageType,
    unit,
    ...(requires ? { requires } : {}),
  }))
}

/** A planned Terraform resource as a mapping sees it. */
export interface TerraformResource {
  readonly address: string
  readonly type: string
  readonly values: Readonly<Record<string, unknown>>
  /** The values of the ECS task definition an `aws_ecs_service` runs, when the plan has it. */
  taskDefinition(): Readonly<Record<string, unknown>> | undefined
}

/** A resource's line-item params (usage-based quantities start at 0), or why it is not priced. */
export type TerraformMapping<P> = { params: P } | { skip: string }

/** An AWS SDK for JavaScript v3 client whose calls the bridge meters into this service's ingest events. */
export interface SdkMapping {
  /** The client class name, e.g. `SQSClient`. */
  readonly client: string
  /** The commands (without `Command`) that produce events. */
  readonly commands: readonly string[]
}

/** An example printed by AWS, reproduced to the cent by the worked-examples test. */
export interface WorkedExample {
  readonly name: string
  /** Where the example is printed. */
  readonly source: string
  readonly region: string
  readonly includeFreeTier: boolean
  readonly items: readonly { service: string; params: Record<string, unknown> }[]
  /** The total the page prints, in dollars with cents. */
  readonly printedTotal: string
  /** A figure the page uses that the catalog no longer does, patched into a copy of the catalog. */
  readonly catalog?: (bundled: Catalog) => Catalog
}

/** A commitment a scenario can be compared under (docs/pricing.md, purchase options). */
export interface PurchaseOption {
  readonly commitment: 'reserved_instances' | 'compute_savings_plan' | 'ec2_instance_savings_plan' | 'spot'
  readonly term: '1y' | '3y'
  readonly payment: 'no_upfront' | 'partial_upfront' | 'all_upfront'
  /** Standard or Convertible (EC2 Reserved Instances only). */
  readonly offeringClass: 'standard' | 'convertible'
}

/** Instances (reservations) a commitment covers and the hours each runs in the month (typical values). */
export interface HeldInstances {
  readonly instances: number
  readonly hours: number
}

/**
 * Usage a plan covers unit by unit at its rate. `hours`: the hours of the month it runs in (Fargate tasks,
 * provisioned concurrency), which a plan's hourly commitment must cover while it runs and bills every hour of the
 * month; left out for usage spread over the month (Lambda invocations).
 */
export interface CoveredUsage {
  readonly usageType: string
  readonly quantity: number
  readonly hours?: number
}

/** A plan's rate per unit, one per entry of the coverage's `usage`; or why the item stays on demand. */
export type UnitOffer = { readonly rates: readonly string[] } | { readonly uncovered: string } | undefined

interface CoverageBase {
  /** The on-demand usage type a commitment replaces (`ec2.instance_hours.m5.large`), the first of `usage`. */
  readonly usageType: string
  /** Spot is offered for this usage (priced as a discount the user states). */
  readonly spot: boolean
}

/**
 * What a commitment can cover of one line item: its instance-hours (EC2, RDS, Fargate tasks), or only usage a plan
 * covers unit by unit (Lambda duration). `offer` answers, for one option, the usage types of the offer's hourly
 * fee (billed every hour of the term) and upfront fee (per reservation), which need instances; or `rates` for a plan
 * that covers `usage` unit by unit; undefined when AWS has no such offer for the service; `uncovered` when this item
 * stays on demand under an offer AWS has for the service (the reason says why).
 */
export type CommitmentCoverage =
  | (CoverageBase & {
      readonly held: HeldInstances
      /** All the usage the option replaces, when it is more than `instances × hours` of `usageType`. */
      readonly usage?: readonly CoveredUsage[]
      offer(option: PurchaseOption): HourlyAndUpfront | UnitOffer
    })
  | (CoverageBase & {
      readonly held?: undefined
      readonly usage: readonly [CoveredUsage, ...CoveredUsage[]]
      offer(option: PurchaseOption): UnitOffer
    })

/** Collects one line item's usage; zero and negative quantities are dropped. */
export type UsageSink = (usageType: string, quantity: Decimal) => void

/** An ingest event object as received, already JSON-parsed (snake_case fields, `type` checked). */
export type RawEvent = Readonly<Record<string, unknown>>

/** Where a reader reports a bad field; `field` is the wire (snake_case) name. */
export interface ProblemSink {
  add(field: string, reason: string): void
}

/** What every validated ingest event carries besides its own fields. */
export interface IngestEventBase {
  readonly type: string
  /** Epoch milliseconds from `timestamp`; absent means "when the request was received". */
  readonly time: number | undefined
}

/** Receives one metered contribution, an integer in the usage type's base unit; called zero or more times. */
export type MeterSink = (usageType: string, quantity: number) => void

/**
 * One ingest event type of a service, all of it: reading the wire object into the typed event, billing it,
 * and a sample the tests send. Method syntax on purpose: a service's spec is used where any spec is expected.
 */
export interface IngestEventSpec<E extends IngestEventBase = IngestEventBase> {
  /**
   * The typed event from a wire object whose `type` and `timestamp` are read already. Reports every bad field
   * to `problems` (ingest-fields.ts reads the common kinds) and returns an event anyway, which is then dropped.
   */
  read(type: E['type'], raw: RawEvent, time: number | undefined, problems: ProblemSink): E
  /** AWS's billing rule: the event's usage into `sink`, never a zero quantity. */
  meter(event: E, sink: MeterSink): void
  /** A valid wire event of this type without `type`, metered by the registry test. */
  readonly sample: RawEvent
}

/** A service's ingest events: one spec per value of its events' `type`, no more and no fewer. */
export type IngestSpecs<E extends IngestEventBase = IngestEventBase> = {
  readonly [T in E['type']]: IngestEventSpec<E>
}

export interface ServiceDescriptor<P extends TObject = TObject, I extends IngestSpecs = IngestSpecs> {
  /** The id used in the API, in usage types and in the catalog: `lambda`, `data_transfer`. */
  readonly id: string
  /** The first segment of its usage types (`apigw` for API Gateway); the id unless stated. */
  readonly usageTypePrefix: string
  /** Short display name, e.g. `AWS Lambda`. */
  readonly name: string
  readonly category: ServiceCategory
  /** One line saying what the service is, for the service picker. */
  readonly description: string
  /** What a line item of this service models and what it leaves out, shown with its form. */
  readonly help: string
  /** The line item's params: TypeBox with descriptions (label, unit), bounds, enums and defaults. */
  readonly params: P
  /** Params that also accept `{min, typical, max}`. */
  readonly rangedParams: readonly string[]
  readonly catalogValues: readonly CatalogValueRule[]
  /** Rules across params that a JSON Schema cannot state. */
  checkParams?(params: Static<P>): ValidationDetail[]
  /** One month of usage for validated params (defaults applied), read at `at` for ranged params. */
  toUsage(params: Static<P>, at: RangePoint, sink: UsageSink): void
  readonly usageTypes: readonly UsageTypeSpec[]
  /**
   * The ingest event types metered into this service's usage types, each with its reader, meter and sample
   * (`<id>/ingest.ts`); `{}` when none. The ingest validator accepts exactly the event types of all descriptors.
   */
  readonly ingest: I
  /** AWS SDK clients the bridge meters into those events; empty when the SDK has no billable calls. */
  readonly sdk: readonly SdkMapping[]
  readonly priceList: readonly PriceListRule[]
  /** Terraform resource type → the line item it becomes. */
  readonly terraform: Readonly<Record<string, (resource: TerraformResource) => TerraformMapping<Static<P>>>>
  readonly examples: readonly WorkedExample[]
  /** What Reserved Instances, Savings Plans or Spot can cover of an item (validated params); none when absent. */
  commitments?(params: Static<P>): CommitmentCoverage | undefined
}

/**
 * Declares a descriptor with its params type inferred, so `toUsage` and mappings are checked against it, and
 * its ingest specs' type kept, so the ingest domain's event union is read from the registry.
 */
export function defineService<P extends TObject, I extends IngestSpecs>(
  descriptor: ServiceDescriptor<P, I>,
): ServiceDescriptor<P, I> {
  return descriptor
}
