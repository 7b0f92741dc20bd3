// Builds every web app, one Vite build each (see vite.config.ts). Run by Maven (`npm run build`).
import { build } from 'vite'

const apps = (process.env.WEB_APPS ?? 'console,citizen,board,kiosk,terminal,pad').split(',').map((a) => a.trim()).filter(Boolean)
for (const app of apps) {
  process.env.WEB_APP = app
  console.log(`building ${app}`)
  await build({ configFile: new URL('../vite.config.ts', import.meta.url).pathname, logLevel: 'warn' })
}
