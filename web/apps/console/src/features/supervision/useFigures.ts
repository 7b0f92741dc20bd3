import { ref, shallowRef } from 'vue'
import { ApiError } from '@shared/api'
import { fetchStats, type StatsReport } from './stats'
import { statsQuery, trendRange, type GroupBy, type Period } from './period'

/**
 * The figures of a center and period: the grouped report and the monthly trend. A failed load keeps the figures
 * already shown (a big screen must not go blank) and reports the error; `updatedAt` is when figures last arrived.
 */
export function useFigures() {
  const report = shallowRef<StatsReport | null>(null)
  const trend = shallowRef<StatsReport | null>(null)
  const months = ref<string[]>([])
  const loading = ref(false)
  const error = ref<ApiError | null>(null)
  const updatedAt = ref<Date | null>(null)
  let generation = 0

  async function load(centerId: string, period: Period, groupBy: GroupBy): Promise<boolean> {
    const query = statsQuery(centerId, period, groupBy)
    const t = trendRange(period)
    if (!query || !t) return false
    const mine = ++generation
    loading.value = true
    try {
      const [r, tr] = await Promise.all([
        fetchStats(query),
        fetchStats({ centerId, from: t.range.from, to: t.range.to, groupBy: 'MONTH' }),
      ])
      if (mine !== generation) return false
      report.value = r
      trend.value = tr
      months.value = t.months
      error.value = null
      updatedAt.value = new Date()
      return true
    } catch (e) {
      if (mine !== generation) return false
      error.value = e instanceof ApiError ? e : new ApiError(0, 'NETWORK_UNAVAILABLE', '网络不可用', 'network unavailable')
      return false
    } finally {
      if (mine === generation) loading.value = false
    }
  }

  return { report, trend, months, loading, error, updatedAt, load }
}
