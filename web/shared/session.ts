import { api, setCsrfToken } from './api'

export type Role = 'WINDOW' | 'DEPARTMENT' | 'AGENT' | 'STAFF' | 'SUPERVISOR' | 'TERMINAL' | 'ADMIN' | 'SYSTEM'

/** The signed-in person as the platform resolved them: the same caller, role and scope model as API tokens. */
export interface SessionCaller {
  id: string
  role: Role
  name?: string
  centerId?: string
  cityCode?: string
  servicePointId?: string
  departmentCode?: string
}

export interface SessionView {
  caller: SessionCaller
  csrfToken: string
  expiresAt: string
}

export async function signIn(username: string, password: string): Promise<SessionView> {
  const view = await api.post<SessionView>('/v1/sessions', { username, password }, { idempotencyKey: null })
  setCsrfToken(view.csrfToken)
  return view
}

/** The current session after a page load, or null when not signed in. */
export async function currentSession(): Promise<SessionView | null> {
  try {
    const view = await api.get<SessionView>('/v1/sessions/current')
    setCsrfToken(view.csrfToken)
    return view
  } catch (e) {
    if ((e as { status?: number }).status === 401) return null
    throw e
  }
}

export async function signOut(): Promise<void> {
  try {
    await api.del<void>('/v1/sessions/current')
  } finally {
    setCsrfToken(null)
  }
}
