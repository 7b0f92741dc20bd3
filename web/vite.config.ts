import { defineConfig } from 'vite'
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

export default defineConfig({
  root: resolve(here, 'apps', app),
  base: `/${app}/`,
  publicDir: resolve(here, 'apps', app, 'public'),
  plugins: [vue()],
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
    proxy: { '/v1': 'http://localhost:8080' },
  },
})
