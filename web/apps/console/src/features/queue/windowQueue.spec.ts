import { describe, expect, it } from 'vitest'
import { servingTicketId, holdTicket, ticketActions, windowId, type Ticket } from './windowQueue'

const ticket = (status: Ticket['status']): Ticket => ({
  id: '330110-ZX~20250425~A001', number: 'A001', category: 'A', priority: false, status, calls: 1, caseIds: [],
})

describe('window call bar', () => {
  it('offers what the ticket state allows', () => {
    expect(ticketActions(null)).toEqual(['call-next'])
    expect(ticketActions(ticket('CALLED'))).toEqual(['recall', 'no-show', 'start', 'transfer'])
    expect(ticketActions(ticket('SERVING'))).toEqual(['finish', 'transfer'])
    expect(ticketActions(ticket('DONE'))).toEqual(['call-next'])
    expect(ticketActions(ticket('DROPPED'))).toEqual(['call-next'])
    expect(ticketActions(ticket('WAITING'))).toEqual(['call-next'])
  })

  it('names windows as the API does', () => {
    expect(windowId('330110-ZX', 3)).toBe('330110-ZX-W03')
    expect(windowId('330110-ZX', 12)).toBe('330110-ZX-W12')
  })

  it('links intake only to a ticket in service', () => {
    holdTicket(ticket('CALLED'))
    expect(servingTicketId()).toBeUndefined()
    holdTicket(ticket('SERVING'))
    expect(servingTicketId()).toBe('330110-ZX~20250425~A001')
    expect(JSON.parse(sessionStorage.getItem('onewindow.ticket') ?? 'null').status).toBe('SERVING')
    holdTicket(null)
    expect(servingTicketId()).toBeUndefined()
    expect(sessionStorage.getItem('onewindow.ticket')).toBeNull()
  })
})
