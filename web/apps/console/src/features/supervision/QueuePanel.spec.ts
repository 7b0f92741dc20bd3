import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { createI18n } from 'vue-i18n'
import supervision from './index'
import QueuePanel from './QueuePanel.vue'
import type { QueueFigures } from './stats'

function panel(figures: QueueFigures | null | undefined, locale = 'zh-CN') {
  const i18n = createI18n({ legacy: false, locale, messages: supervision.messages as never })
  return mount(QueuePanel, { props: { figures }, global: { plugins: [i18n] } })
}

/** The figures GET /v1/stats gives for three tickets: waits 4, 9 and 18 min, services 12 and 8, one dropped. */
const THREE: QueueFigures = {
  tickets: 3, called: 3, served: 2, abandoned: 1, averageWaitMinutes: 10.33, averageServiceMinutes: 10.0,
  abandonmentRate: 0.3333, windows: [
    { window: 1, windowId: '330110-ZX-W01', served: 1, averageServiceMinutes: 12.0 },
    { window: 5, windowId: '330110-ZX-W05', served: 1, averageServiceMinutes: 8.0 },
  ],
}

const text = (w: ReturnType<typeof panel>, test: string) => w.get(`[data-test="${test}"]`).text()

describe('the 排队 panel of the supervision dashboard', () => {
  it('shows average wait, average service, abandonment rate and what each window finished', () => {
    const w = panel(THREE)
    expect(w.get('h2').text()).toBe('排队')
    expect(text(w, 'supervision-queue-wait')).toBe('10.3 分钟')
    expect(text(w, 'supervision-queue-service')).toBe('10.0 分钟')
    expect(text(w, 'supervision-queue-abandonment')).toBe('33.3%')
    expect(text(w, 'supervision-queue-tickets')).toBe('3')
    // an abandonment rate of 10 % or more is flagged
    expect(w.get('[data-test="supervision-queue-abandonment"]').element.parentElement?.classList).toContain('alert')
    const rows = w.findAll('[data-test^="supervision-queue-window-"]')
    expect(rows.map((r) => r.findAll('th, td').map((c) => c.text()))).toEqual([['1', '1', '12.0'], ['5', '1', '8.0']])
    expect(w.get('caption').text()).toBe('各窗口办结量')
  })

  it('says so when there were no tickets, and when the period is too long for queue figures', () => {
    const none = panel({ tickets: 0, called: 0, served: 0, abandoned: 0, averageWaitMinutes: null,
      averageServiceMinutes: null, abandonmentRate: null, windows: [] })
    expect(text(none, 'supervision-queue-wait')).toBe('—')
    expect(text(none, 'supervision-queue-abandonment')).toBe('—')
    expect(text(none, 'supervision-queue-none')).toBe('本期无取号')
    expect(none.find('[data-test="supervision-queue-windows"]').exists()).toBe(false)
    expect(text(panel(null), 'supervision-queue-too-long')).toBe('排队数据按季度以内的期间统计')
  })

  it('speaks English with the toggle', () => {
    const w = panel(THREE, 'en')
    expect(w.get('h2').text()).toBe('Queue')
    expect(text(w, 'supervision-queue-wait')).toBe('10.3 min')
    expect(w.get('caption').text()).toBe('Served per window')
  })
})
