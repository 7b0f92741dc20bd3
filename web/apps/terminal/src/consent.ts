/** The villager's consent as the intake API takes it (IntakeRequest.consent), and the photo of the signed form. */

export interface ConsentBody {
  method: 'WRITTEN_AUTHORIZATION'
  reference: string
  /** Absent for consent given today: the platform takes its own time (the terminal's clock may be off). */
  givenAt?: string
}

/** The platform keeps at most 100 characters of the reference. */
export const REFERENCE_MAX = 100

/**
 * The reference sent for a written authorisation: the form's number, and when a photo of the signed form was taken
 * on the terminal, the first 32 hex digits of the photo's SHA-256, so the copy kept at the point can be matched later.
 */
export function consentReference(formNumber: string, photoSha256: string | null): string {
  const base = formNumber.trim()
  if (!photoSha256) return base.slice(0, REFERENCE_MAX)
  const suffix = ` sha256:${photoSha256.slice(0, 32)}`
  return base.slice(0, REFERENCE_MAX - suffix.length) + suffix
}

/**
 * When consent was given: today → nothing (the platform records its own time: the terminal's clock may be off);
 * an earlier day → noon of that day in China time. The platform refuses a time in the future and one more than a
 * year ago: it decides, the terminal does not guess with its own clock.
 */
export function consentGivenAt(day: string, now: Date = new Date()): string | undefined {
  const today = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10)
  if (!day || day >= today) return undefined
  return new Date(`${day}T12:00:00+08:00`).toISOString()
}

export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10)
}

export async function sha256Hex(blob: Blob): Promise<string | null> {
  if (!globalThis.crypto?.subtle) return null
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer())
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('')
}

/** A phone photo made small (longest side 1280 px, JPEG) before it is kept on the device. */
export async function shrinkPhoto(file: File, maxSide = 1280): Promise<Blob> {
  if (typeof createImageBitmap !== 'function') return file
  try {
    const bitmap = await createImageBitmap(file)
    const scale = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height))
    const canvas = document.createElement('canvas')
    canvas.width = Math.round(bitmap.width * scale)
    canvas.height = Math.round(bitmap.height * scale)
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height)
    return await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b ?? file), 'image/jpeg', 0.7))
  } catch {
    return file
  }
}
