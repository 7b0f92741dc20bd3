import { reactive } from 'vue'
import { api } from '@shared/api'

/** A ticket as the API shows it (never who holds it). */
export interface Ticket {
  id: string
  number: string
  category: string
  priority: boolean
  priorityReason?: string | null
  status: 'WAITING' | 'CALLED' | 'SERVING' | 'DONE' | 'DROPPED'
  calls: number
  window?: number | null
  windowId?: string | null
  announcement?: string | null
  caseIds: string[]
}

export interface QueueConfig {
  centerId: string
  categories: { prefix: string; name: string }[]
  windows: { number: number; name: string; categories: string[] }[]
}

export type TicketAction = 'call-next' | 'recall' | 'no-show' | 'start' | 'finish' | 'transfer'

/**
 * What the window may do with its current ticket (TicketStatus in the domain): with none (or one that is done,
 * dropped or back in the queue) call the next; a called ticket is recalled, marked no-show, served or transferred; a
 * ticket in service is finished or transferred.
 */
export function ticketActions(ticket: Ticket | null): TicketAction[] {
  switch (ticket?.status) {
    case 'CALLED':
      return ['recall', 'no-show', 'start', 'transfer']
    case 'SERVING':
      return ['finish', 'transfer']
    default:
      return ['call-next']
  }
}

/** The API's id of window n of a center (QueueConfig.windowId): e.g. 330110-ZX-W03. */
export function windowId(centerId: string, number: number): string {
  return `${centerId}-W${String(number).padStart(2, '0')}`
}

const WINDOW_KEY = 'onewindow.window'
const TICKET_KEY = 'onewindow.ticket'

/**
 * This browser's window seat: which window number the clerk sits at (kept in localStorage: not personal) and the
 * ticket being served (sessionStorage, so the desk can link the cases it accepts to the queue number).
 */
export const seat = reactive({
  window: Number(localStorage.getItem(WINDOW_KEY)) || 0,
  ticket: JSON.parse(sessionStorage.getItem(TICKET_KEY) ?? 'null') as Ticket | null,
})

export function chooseWindow(n: number): void {
  seat.window = n
  localStorage.setItem(WINDOW_KEY, String(n))
}

export function holdTicket(t: Ticket | null): void {
  seat.ticket = t
  if (t) sessionStorage.setItem(TICKET_KEY, JSON.stringify(t))
  else sessionStorage.removeItem(TICKET_KEY)
}

/** The ticket in service at this window, which intake links a new case to (its rating then carries the number). */
export function servingTicketId(): string | undefined {
  return seat.ticket?.status === 'SERVING' ? seat.ticket.id : undefined
}

export const queueApi = {
  config: (centerId: string) => api.get<QueueConfig>(`/v1/centers/${encodeURIComponent(centerId)}/queue-config`),
  callNext: (centerId: string, window: number, idempotencyKey: string) =>
    api.post<Ticket | undefined>(`/v1/windows/${encodeURIComponent(windowId(centerId, window))}/call-next`, undefined,
      { idempotencyKey }),
  act: (ticketId: string, action: Exclude<TicketAction, 'call-next' | 'transfer'>, idempotencyKey: string) =>
    api.post<Ticket>(`/v1/tickets/${encodeURIComponent(ticketId)}/${action}`, undefined, { idempotencyKey }),
  transfer: (ticketId: string, category: string, idempotencyKey: string) =>
    api.post<Ticket>(`/v1/tickets/${encodeURIComponent(ticketId)}/transfer`, { category }, { idempotencyKey }),
  ticket: (ticketId: string) => api.get<Ticket>(`/v1/tickets/${encodeURIComponent(ticketId)}`),
}
