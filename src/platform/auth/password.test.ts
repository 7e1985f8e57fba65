import { describe, expect, it } from 'vitest'
import { hashPassword, verifyPassword } from './password.js'

describe('password hashes', () => {
  it('carry their scrypt cost, so hashes of any cost verify', async () => {
    const strong = await hashPassword('demo-Passw0rd')
    const cheap = await hashPassword('demo-Passw0rd', 10)
    expect(strong).toMatch(/^scrypt\$16384\$8\$1\$/)
    expect(cheap).toMatch(/^scrypt\$1024\$8\$1\$/)
    for (const stored of [strong, cheap]) {
      expect(await verifyPassword('demo-Passw0rd', stored)).toBe(true)
      expect(await verifyPassword('demo-Passw0rd!', stored)).toBe(false)
    }
  })

  it('salt every hash', async () => {
    expect(await hashPassword('same-passw0rd', 10)).not.toBe(
      await hashPassword('same-passw0rd', 10),
    )
  })
})
