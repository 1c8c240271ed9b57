/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The dev server injects inline scripts (React Refresh) that the Content-Security-Policy in
 * index.html forbids, so the policy is kept for builds (`vite build`, `vite preview`, the e2e
 * journeys) and left out of `vite` / `npm start` only.
 */
function cspOnlyInBuilds(): Plugin {
  return {
    name: 'csp-only-in-builds',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html.replace(/\s*<meta\s+http-equiv="Content-Security-Policy"[^>]*>/, ''),
  };
}

// One config for the app (Vite) and the unit tests (Vitest).
export default defineConfig({
  plugins: [react(), cspOnlyInBuilds()],
  base: './',
  build: {
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 900,
  },
  server: { port: 5173, strictPort: false },
  preview: { port: 4173, strictPort: true },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20000,
  },
});
