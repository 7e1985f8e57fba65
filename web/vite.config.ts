import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// The portal is built into web/dist and served by the API server (src/platform/http/web-app.routes.ts).
// `npm run dev:web` serves it with hot reload and forwards API calls to a running `npm start`.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: process.env.TONGBAN_WEB_SOURCEMAP === 'true',
    chunkSizeWarningLimit: 800,
  },
  server: {
    proxy: {
      '/api': `http://localhost:${process.env.TONGBAN_PORT ?? '3000'}`,
      '/openapi.json': `http://localhost:${process.env.TONGBAN_PORT ?? '3000'}`,
    },
  },
})
