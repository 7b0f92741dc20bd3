import type { Feature } from '../feature'
import { messages } from './messages'

/** The window desk (受理台): item search, materials checklist, intake, and the printed notices. */
const desk: Feature = {
  routes: [
    { path: '/desk', name: 'desk', component: () => import('./DeskView.vue'), meta: { roles: ['WINDOW', 'AGENT'] } },
    {
      path: '/print/notice/:id',
      name: 'notice-print',
      component: () => import('./NoticePrint.vue'),
      meta: { bare: true, roles: ['WINDOW', 'AGENT', 'STAFF', 'SUPERVISOR'] },
    },
  ],
  menu: [{ path: '/desk', label: 'desk.menu', roles: ['WINDOW', 'AGENT'], order: 10 }],
  messages,
}

export default desk
