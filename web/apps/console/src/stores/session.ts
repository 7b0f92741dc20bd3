import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { currentSession, signIn as apiSignIn, signOut as apiSignOut, type Role, type SessionView } from '@shared/session'

/** Who is signed in to this tab. Loaded once per page load from GET /v1/sessions/current. */
export const useSession = defineStore('session', () => {
  const view = ref<SessionView | null>(null)
  const loaded = ref(false)

  const caller = computed(() => view.value?.caller ?? null)
  const role = computed<Role | null>(() => view.value?.caller.role ?? null)

  async function load(): Promise<void> {
    if (loaded.value) return
    view.value = await currentSession()
    loaded.value = true
  }

  async function signIn(username: string, password: string): Promise<void> {
    view.value = await apiSignIn(username, password)
    loaded.value = true
  }

  async function signOut(): Promise<void> {
    try {
      await apiSignOut()
    } finally {
      view.value = null
    }
  }

  /** Forget the session locally (the server already refused it). */
  function expire(): void {
    view.value = null
  }

  function hasRole(...roles: Role[]): boolean {
    return role.value !== null && roles.includes(role.value)
  }

  return { view, loaded, caller, role, load, signIn, signOut, expire, hasRole }
})
