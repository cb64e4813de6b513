import { describe, expect, it } from 'vitest'
import { neutraliseCell } from './csv-report.js'

describe('neutraliseCell', () => {
  it.each(['=HYPERLINK("http://x")', '+1+2', '-2+3', '@SUM(A1)', '\t=1', '\r=1'])(
    'prefixes %j with a quote',
    (value) => {
      expect(neutraliseCell(value)).toBe(`'${value}`)
    },
  )
  it.each(['lambda', 'a=b', '', 'sqs.requests.standard', '<script>'])('leaves %j as it is', (value) => {
    expect(neutraliseCell(value)).toBe(value)
  })
})
