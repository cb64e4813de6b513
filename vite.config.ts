import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

/** Matches the JavaScript modules of the named npm packages (their stylesheets stay in the app's one CSS file). */
function vendor(...packages: string[]): (id: string) => boolean {
  const names = packages.map((name) => name.replace('/', '[\\\\/]')).join('|')
  const inPackage = new RegExp(`node_modules[\\\\/](?:${names})[\\\\/]`)
  return (id) => inPackage.test(id) && !id.endsWith('.css')
}

/** The web app (web/) builds into dist/web, which `mockupaws serve` serves at `/` under a strict CSP. */
export default defineConfig({
  root: 'web',
  plugins: [react()],
  resolve: { alias: { '@': fileURLToPath(new URL('./web/src', import.meta.url)) } },
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    // No inline <script> or module preload polyfill: the CSP allows only script-src 'self'.
    modulePreload: { polyfill: false },
    // Vendor chunks that change rarely, so an upgrade of the app leaves them cached. A group takes the packages
    // it names and their dependencies not already taken by a group of higher priority.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: vendor('react', 'react-dom', 'react-router'), priority: 3 },
            {
              name: 'mantine',
              test: vendor('@mantine/core', '@mantine/hooks', '@mantine/form', '@mantine/notifications'),
              priority: 2,
            },
            { name: 'charts', test: vendor('@mantine/charts', 'recharts'), priority: 1 },
          ],
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8000' } },
})
