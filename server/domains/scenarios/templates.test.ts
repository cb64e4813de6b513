import { describe, expect, it } from 'vitest'
import { buildTestApp } from '../../test/build-test-app.js'
import { createApiKey, createUser } from '../../test/factories.js'
import { testEngine } from '../../test/test-db.js'

describe(`scenario templates on ${testEngine}`, async () => {
  const app = await buildTestApp()
  const owner = await createUser(app)
  const call = (
    method: 'GET' | 'POST',
    url: string,
    payload?: object,
    headers: Record<string, string> = owner.headers,
  ) => app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) })

  const listed = (await call('GET', '/scenario-templates')).json().templates as {
    id: string
    name: string
    assumptions: string[]
    tags: string[]
    items: { service: string; label: string; params: Record<string, unknown> }[]
  }[]

  it('lists the starting points with their line items and stated assumptions', () => {
    expect(listed.map((t) => t.id)).toEqual([
      'serverless-api',
      'containers-with-rds',
      'static-site',
      'llm-chat-backend',
      'data-pipeline',
    ])
    for (const template of listed) {
      expect(template.items.length, template.id).toBeGreaterThan(0)
      expect(template.assumptions.length, template.id).toBeGreaterThan(0)
    }
  })

  it.each(listed.map((t) => [t.id, t] as const))(
    'creates %s with its items, assumptions as description, and prices it fully in us-east-1',
    async (id, template) => {
      const created = await call('POST', '/scenarios', {
        name: template.name,
        region: 'us-east-1',
        template: id,
      })
      expect(created.statusCode).toBe(201)
      const scenario = created.json()
      expect(scenario.description).toContain(template.assumptions[0])
      expect(scenario.tags).toEqual(template.tags)
      const items = (await call('GET', `/scenarios/${scenario.id}/items?page_size=100`)).json().items
      expect(items.map((i: { service: string; label: string }) => [i.service, i.label])).toEqual(
        template.items.map((i) => [i.service, i.label]),
      )
      const costs = (await call('GET', `/scenarios/${scenario.id}/costs`)).json()
      expect(costs.total_monthly.unpriced).toEqual([])
      expect(Number(costs.total_monthly.total)).toBeGreaterThan(0)
      expect(costs.total_monthly.by_service.map((s: { service: string }) => s.service).sort()).toEqual(
        [...new Set(template.items.map((i) => i.service))].sort(),
      )
    },
  )

  it('prices every template fully in each of the ten main regions', async () => {
    const mainRegions = ['us-east-2', 'us-west-2', 'eu-west-1', 'eu-west-2', 'eu-central-1']
    mainRegions.push('ap-southeast-1', 'ap-northeast-1', 'ap-south-1', 'sa-east-1')
    for (const region of mainRegions) {
      for (const template of listed) {
        const created = await call('POST', '/scenarios', {
          name: template.name,
          region,
          template: template.id,
        })
        const costs = (await call('GET', `/scenarios/${created.json().id}/costs`)).json()
        expect(costs.total_monthly.unpriced, `${template.id} in ${region}`).toEqual([])
      }
    }
  })

  it('keeps a given description and tags, and refuses an unknown template with 422 and no scenario', async () => {
    const kept = await call('POST', '/scenarios', {
      name: 'Mine',
      region: 'eu-west-1',
      template: 'static-site',
      description: 'Our docs site',
      tags: ['docs'],
    })
    expect(kept.statusCode).toBe(201)
    expect(kept.json()).toMatchObject({ description: 'Our docs site', tags: ['docs'] })

    const before = (await call('GET', '/scenarios')).json().total
    const refused = await call('POST', '/scenarios', {
      name: 'X',
      region: 'us-east-1',
      template: 'mainframe',
    })
    expect(refused.statusCode).toBe(422)
    expect(refused.json().error).toBe('validation_error')
    expect(refused.json().details.map((d: { field: string }) => d.field)).toContain('template')
    expect((await call('GET', '/scenarios')).json().total).toBe(before)
  })

  it('needs read:scenarios to list templates', async () => {
    const key = await createApiKey(app, owner, { scopes: ['write:ingest'] })
    const res = await call('GET', '/scenario-templates', undefined, key.headers)
    expect(res.statusCode).toBe(403)
  })
})
