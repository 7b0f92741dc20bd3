import type { Feature } from '../feature'
import { messages } from './messages'

/** The window's call bar (叫号): call the next ticket of its categories, recall, no-show, serve, finish, transfer. */
const queue: Feature = {
  routes: [
    { path: '/queue', name: 'queue', component: () => import('./QueueBar.vue'), meta: { roles: ['WINDOW'] } },
  ],
  menu: [{ path: '/queue', label: 'queue.menu', roles: ['WINDOW'], order: 5 }],
  messages,
}

export default queue
