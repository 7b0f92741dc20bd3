import type { Item, SubmittedMaterial } from '@shared/cases'

/**
 * What the platform will answer to an application, previewed at the desk from the ticks (IntakeRules.java): a
 * controlled or cancelled item or an unmet condition → 不予受理 with its basis; any missing mandatory material that is
 * not tolerable → 一次性告知 listing every missing one (tolerable ones too); only tolerable ones missing → 容缺受理;
 * complete → 受理. A preview only: the server decides.
 */
export type PreviewOutcome = 'NOT_ACCEPTED' | 'AWAITING_MATERIALS' | 'ACCEPTED_WITH_DEFICIENCY' | 'ACCEPTED'

export interface Preview {
  outcome: PreviewOutcome
  /** Every mandatory material absent or with too few copies (tolerable ones included), in catalog order. */
  missing: string[]
  /** Those of missing that block acceptance. */
  blocking: string[]
  /** Those of missing that may follow acceptance (容缺). */
  tolerable: string[]
  reason?: string
  basis?: string | null
}

/** The materials as the request sends them: the ticked ones with their counts (at least 1). */
export function submitted(ticks: Record<string, number | undefined>): SubmittedMaterial[] {
  return Object.entries(ticks)
    .filter(([, copies]) => copies !== undefined && copies > 0)
    .map(([code, copies]) => ({ code, copies: copies as number }))
}

export function preview(item: Item, materials: SubmittedMaterial[], unmetConditions: string[]): Preview {
  const none = { missing: [], blocking: [], tolerable: [] }
  if (item.controlled) {
    return { outcome: 'NOT_ACCEPTED', ...none, reason: '该事项为控制事项，依法不予受理', basis: item.controlBasis }
  }
  if (item.status === 'CANCELLED') {
    return { outcome: 'NOT_ACCEPTED', ...none, reason: '该事项已取消，不再受理', basis: `事项目录第${item.version}版（已取消）` }
  }
  for (const code of unmetConditions) {
    const c = (item.conditions ?? []).find((x) => x.code === code)
    if (c) return { outcome: 'NOT_ACCEPTED', ...none, reason: `不符合受理条件：${c.description}`, basis: c.legalBasis }
  }
  const copies = new Map<string, number>()
  for (const m of materials) copies.set(m.code, Math.max(copies.get(m.code) ?? 0, m.copies))
  const missing: string[] = []
  const blocking: string[] = []
  const tolerable: string[] = []
  for (const m of item.materials) {
    if (!m.mandatory) continue
    if ((copies.get(m.code) ?? 0) >= m.copies) continue
    missing.push(m.code)
    ;(m.tolerable ? tolerable : blocking).push(m.code)
  }
  const outcome: PreviewOutcome = blocking.length ? 'AWAITING_MATERIALS' : tolerable.length ? 'ACCEPTED_WITH_DEFICIENCY' : 'ACCEPTED'
  return { outcome, missing, blocking, tolerable }
}
