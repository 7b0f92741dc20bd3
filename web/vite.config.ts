import { defineConfig, type Plugin } from 'vite'
import vue from '@vitejs/plugin-vue'
import { fileURLToPath } from 'node:url'
import { resolve } from 'node:path'

/**
 * One Vite configuration for every web app: the app is chosen by the WEB_APP environment variable
 * (console, later terminal, pad, kiosk, board, citizen). Each app is built on its own, with its own
 * base path (/console/ …) and output folder, so each app's JavaScript budget is its own.
 * Output: target/classes/onewindow-web/<app>/, packaged in the module's jar and served by the local front door.
 */
const here = fileURLToPath(new URL('.', import.meta.url))
const app = process.env.WEB_APP ?? 'console'
const apiTarget = process.env.API_TARGET ?? 'http://localhost:8080'

/**
 * Development only (`npm run dev`, never in a build): with DEV_TOKEN=<a demo bearer token> and DEV_CALLER=<the
 * caller's JSON>, the dev server adds the token to every proxied /v1 call and answers GET /v1/sessions/current
 * itself, so screens can be worked on against a local system that predates sign-in. Not part of any bundle.
 */
function devTokenSession(): Plugin | null {
  const token = process.env.DEV_TOKEN
  if (!token) return null
  const caller = JSON.parse(process.env.DEV_CALLER ?? '{"id":"window-001","role":"WINDOW"}')
  return {
    name: 'dev-token-session',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use('/v1/sessions/current', (_req, res) => {
        res.setHeader('Content-Type', 'application/json')
        res.end(JSON.stringify({ caller, csrfToken: 'dev', expiresAt: new Date(Date.now() + 8 * 3600e3).toISOString() }))
      })
    },
  }
}

export default defineConfig({
  root: resolve(here, 'apps', app),
  base: `/${app}/`,
  publicDir: resolve(here, 'apps', app, 'public'),
  plugins: [vue(), devTokenSession()],
  resolve: {
    alias: {
      '@shared': resolve(here, 'shared'),
      '@app': resolve(here, 'apps', app, 'src'),
    },
  },
  define: {
    __VUE_OPTIONS_API__: 'false',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
  },
  build: {
    outDir: resolve(here, 'target', 'classes', 'onewindow-web', app),
    emptyOutDir: true,
    assetsDir: 'assets',
    target: 'es2020',
    sourcemap: false,
    reportCompressedSize: false,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    // `npm run dev` against a running local system: the API stays same-origin through the proxy
    proxy: {
      '/v1': {
        target: apiTarget,
        headers: process.env.DEV_TOKEN ? { Authorization: `Bearer ${process.env.DEV_TOKEN}` } : {},
      },
    },
  },
})
