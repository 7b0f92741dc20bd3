import { shallowRef } from 'vue'
import type { CaseView } from '@shared/cases'

/**
 * The desk's last intake answer, kept in memory (never in storage) while the clerk opens its notice and comes back:
 * the one-time query password (查询密码) exists only in that answer and is printed from here.
 */
export const lastIntake = shallowRef<CaseView | null>(null)
