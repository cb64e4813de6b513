/** A managed resource of a `terraform show -json` plan, as the Terraform importer reads it. */
export const planResource = (name: string, type: string, values: Record<string, unknown>) => ({
  address: `${type}.${name}`,
  mode: 'managed',
  type,
  values,
})

/** The smallest `terraform show -json` plan the importer accepts, holding `resources` in its root module. */
export const terraformPlan = (resources: readonly object[]) => ({
  format_version: '1.2',
  planned_values: { root_module: { resources } },
})
