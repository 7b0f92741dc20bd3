import type { Feature } from '../feature'
import { messages } from './messages'

/** The case list with its 红黄绿牌 countdown, and the case page with its timeline and actions. */
const cases: Feature = {
  routes: [
    {
      path: '/cases',
      name: 'cases',
      component: () => import('./CaseList.vue'),
      meta: { roles: ['WINDOW', 'AGENT', 'STAFF', 'SUPERVISOR'] },
    },
    {
      path: '/cases/:id',
      name: 'case',
      component: () => import('./CaseDetail.vue'),
      meta: { roles: ['WINDOW', 'AGENT', 'STAFF', 'SUPERVISOR'] },
    },
  ],
  menu: [{ path: '/cases', label: 'cases.menu', roles: ['WINDOW', 'AGENT', 'STAFF', 'SUPERVISOR'], order: 20 }],
  messages,
}

export default cases
