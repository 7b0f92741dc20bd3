import { describe, expect, it } from 'vitest'
import { consentGivenAt, consentReference, REFERENCE_MAX } from './consent'

describe('consent', () => {
  it('sends the form number, with the photo digest when a photo was taken, within 100 characters', () => {
    expect(consentReference(' WT-2025-001 ', null)).toBe('WT-2025-001')
    const hash = 'ab'.repeat(32)
    expect(consentReference('WT-2025-001', hash)).toBe(`WT-2025-001 sha256:${'ab'.repeat(16)}`)
    const long = consentReference('X'.repeat(200), hash)
    expect(long.length).toBe(REFERENCE_MAX)
    expect(long.endsWith(`sha256:${'ab'.repeat(16)}`)).toBe(true)
  })

  it("leaves today to the platform's clock and sends an earlier day as its noon in China time", () => {
    const now = new Date('2025-04-25T02:00:00Z') // 10:00 in Beijing
    expect(consentGivenAt('2025-04-25', now)).toBeUndefined()
    expect(consentGivenAt('', now)).toBeUndefined()
    expect(consentGivenAt('2025-04-20', now)).toBe('2025-04-20T04:00:00.000Z')
  })
})
