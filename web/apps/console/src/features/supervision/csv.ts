/** CSV for Excel: UTF-8 with a byte-order mark (else Excel reads Chinese as GBK), CRLF lines, RFC 4180 quoting. */
export type Cell = string | number | null | undefined

export const BOM = '\uFEFF'

export function csvField(value: Cell): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  let s = value
  // a text cell Excel would run as a formula (=, +, -, @) is kept as text
  if (/^[=+\-@]/.test(s) && !/^[+-]?\d+(\.\d+)?%?$/.test(s)) s = `'${s}`
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

export function buildCsv(headers: string[], rows: Cell[][]): string {
  const lines = [headers, ...rows].map((r) => r.map(csvField).join(','))
  return BOM + lines.join('\r\n') + '\r\n'
}

/** Lets the browser save a file (a Blob) under a name. */
export function download(name: string, data: string | Uint8Array, type: string): void {
  const url = URL.createObjectURL(new Blob([data as BlobPart], { type }))
  const a = document.createElement('a')
  a.href = url
  a.download = name
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
