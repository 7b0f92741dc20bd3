import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'
import { fileURLToPath } from 'node:url'
import { resolve } from 'node:path'

const here = fileURLToPath(new URL('.', import.meta.url))

// Component and logic tests (vitest 4: vitest 5 needs Node 22). Browser journeys run from JUnit against the real system.
export default defineConfig({
  plugins: [vue()],
  resolve: {
    alias: {
      '@shared': resolve(here, 'shared'),
      '@app': resolve(here, 'apps', 'console', 'src'),
    },
  },
  test: {
    environment: 'jsdom',
    include: ['shared/**/*.spec.ts', 'apps/**/*.spec.ts'],
    reporters: ['default'],
  },
})
