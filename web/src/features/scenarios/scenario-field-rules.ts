/** A scenario's own fields, the ones the create dialog and the settings dialog share (`ScenarioFields`). */
export const SCENARIO_FIELDS = ['name', 'description', 'region', 'tags', 'include_free_tier'] as const
export type ScenarioField = (typeof SCENARIO_FIELDS)[number]

/** The checks a scenario's own fields get as you type, in the create dialog and the settings dialog alike. */
export const scenarioFieldRules = {
  name: (v: string) =>
    !v.trim() ? 'Give the scenario a name' : v.length > 255 ? 'Use at most 255 characters' : null,
  description: (v: string) => (v.length > 2000 ? 'Use at most 2,000 characters' : null),
  region: (v: string) => (v ? null : 'Choose a region'),
  tags: (v: string[]) =>
    v.length > 20
      ? 'At most 20 tags'
      : v.some((t) => t.length > 50)
        ? 'Tags have at most 50 characters'
        : null,
}
