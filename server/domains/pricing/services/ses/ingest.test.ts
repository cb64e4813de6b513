import { describe, expect, it } from 'vitest'
import { meter } from '../../../../test/metered-usage.js'
import { validateEvents } from '../../../ingest/events.js'

describe('SES', () => {
  it('bills each recipient as one email and the attachments in bytes', () => {
    expect(meter({ type: 'ses.send', time: undefined, recipients: 3, bytes: 0 })).toEqual({
      'ses.emails_sent': 3,
    })
    expect(meter({ type: 'ses.send', time: undefined, recipients: 1, bytes: 2048 })).toEqual({
      'ses.emails_sent': 1,
      'ses.attachments_gb': 2048,
    })
  })

  it('refuses a message without recipients or with more than SES accepts', () => {
    expect(validateEvents([{ type: 'ses.send', recipients: 0 }])).toMatchObject({
      ok: false,
      problems: [{ field: 'recipients' }],
    })
    expect(validateEvents([{ type: 'ses.send', recipients: 51 }])).toMatchObject({ ok: false })
  })
})
