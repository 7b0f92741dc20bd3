// Fails the build when an app's initial JavaScript (gzip) is over its budget in budgets.json.
// Initial = the module script in index.html plus every <link rel="modulepreload"> it lists: what the browser
// fetches before the first screen. Lazily loaded chunks (charts, administration) are reported but not counted.
// Writes target/bundle-sizes.json for the README's figures.
import { readFileSync, readdirSync, existsSync, writeFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { join } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const out = join(root, 'target', 'classes', 'onewindow-web')
const budgets = JSON.parse(readFileSync(join(root, 'budgets.json'), 'utf8'))
const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length
const kb = (n) => `${(n / 1024).toFixed(1)} KB`

const report = {}
let failed = false
for (const app of readdirSync(out)) {
  const html = join(out, app, 'index.html')
  if (!existsSync(html)) continue
  const text = readFileSync(html, 'utf8')
  const refs = new Set()
  for (const m of text.matchAll(/<script[^>]+src="([^"]+\.js)"/g)) refs.add(m[1])
  for (const m of text.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g)) refs.add(m[1])
  let initial = 0
  for (const ref of refs) initial += gz(join(out, app, ref.replace(`/${app}/`, '')))
  let total = 0
  const assets = join(out, app, 'assets')
  for (const f of existsSync(assets) ? readdirSync(assets) : []) if (f.endsWith('.js')) total += gz(join(assets, f))
  const budget = budgets[app]
  report[app] = { initialGzipBytes: initial, allJsGzipBytes: total, budgetBytes: budget ?? null }
  const verdict = budget === undefined ? 'no budget' : initial <= budget ? 'ok' : 'OVER BUDGET'
  if (budget !== undefined && initial > budget) failed = true
  console.log(`${app}: initial JS ${kb(initial)} gzip (budget ${budget ? kb(budget) : '-'}) ${verdict}; all JS ${kb(total)} gzip`)
}
writeFileSync(join(root, 'target', 'bundle-sizes.json'), JSON.stringify(report, null, 2))
if (failed) {
  console.error('initial JavaScript over budget (budgets.json)')
  process.exit(1)
}
