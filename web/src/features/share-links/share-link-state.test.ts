import { describe, expect, it } from 'vitest'
import { shareLinkJsonUrl, shareLinkPageUrl, shareLinkState } from './share-link-state'

describe('share link state', () => {
  const now = Date.parse('2026-11-28T12:00:00Z')

  it('is active until it expires, then expired; revoked wins over expired', () => {
    expect(shareLinkState({ revoked_at: null, expires_at: '2026-11-29T00:00:00Z' }, now)).toBe('active')
    expect(shareLinkState({ revoked_at: null, expires_at: '2026-11-28T12:00:00Z' }, now)).toBe('expired')
    expect(
      shareLinkState({ revoked_at: '2026-11-20T00:00:00Z', expires_at: '2026-11-21T00:00:00Z' }, now),
    ).toBe('revoked')
  })

  it('points at the web page of the link, not the API', () => {
    expect(shareLinkPageUrl('https://costs.example.com', 'ms_abc-DEF_123')).toBe(
      'https://costs.example.com/shared/ms_abc-DEF_123',
    )
  })

  it('gives scripts the JSON address of the same server, not the web page', () => {
    expect(shareLinkJsonUrl('http://localhost:8123', 'ms_abc-DEF_123')).toBe(
      'http://localhost:8123/api/v1/shared/ms_abc-DEF_123',
    )
  })
})
