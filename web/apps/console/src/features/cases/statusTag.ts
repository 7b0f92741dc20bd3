/** Element Plus tag type of a case status: green when done well, orange when waiting, red when refused, grey when closed. */
export function statusTag(status: string): 'success' | 'warning' | 'danger' | 'info' | 'primary' {
  switch (status) {
    case 'ACCEPTED': case 'IN_REVIEW': case 'APPROVED': case 'RESULT_READY': return 'success'
    case 'ACCEPTED_WITH_DEFICIENCY': case 'AWAITING_MATERIALS': case 'SUSPENDED': case 'SUBMITTED': return 'warning'
    case 'NOT_ACCEPTED': case 'DENIED': return 'danger'
    default: return 'info'
  }
}
