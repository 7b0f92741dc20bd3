import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import type { Role } from '@shared/session'
import { features } from './features/feature'
import { useSession } from './stores/session'

declare module 'vue-router' {
  interface RouteMeta {
    /** Roles that may open the screen; absent = any signed-in caller. */
    roles?: Role[]
    /** Shown without signing in. */
    public?: boolean
    /** Shown without the console frame (sign-in, big screen, print views). */
    bare?: boolean
  }
}

const routes: RouteRecordRaw[] = [
  { path: '/signin', name: 'signin', component: () => import('./views/SignIn.vue'), meta: { public: true, bare: true } },
  { path: '/', name: 'home', component: () => import('./views/Home.vue') },
  ...features.flatMap((f) => f.routes),
  { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('./views/NotFound.vue') },
]

export const router = createRouter({ history: createWebHistory('/console/'), routes })

router.beforeEach(async (to) => {
  const session = useSession()
  await session.load()
  if (to.meta.public) return true
  if (!session.caller) return { name: 'signin', query: { next: to.fullPath } }
  if (to.meta.roles && !session.hasRole(...to.meta.roles)) return { name: 'home', query: { denied: '1' } }
  return true
})
