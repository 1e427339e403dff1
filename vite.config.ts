import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// A relative base lets the same dist/ work under any GitHub Pages sub-path.
export default defineConfig({
  base: './',
  plugins: [react()],
})
