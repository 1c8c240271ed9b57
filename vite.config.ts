/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { prerenderFirstScreen } from './scripts/prerender.mjs';

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
  plugins: [react(), cspOnlyInBuilds(), prerenderFirstScreen()],
  base: './',
  build: {
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 900,
  },
  // The embed code's sandbox gives the player an opaque origin, so its module scripts and styles
  // load as cross-origin requests: serve them with Access-Control-Allow-Origin (static hosts must
  // do the same; GitHub Pages does by default). The app holds no secret a CORS read could leak.
  server: { port: 5173, strictPort: false, headers: { 'Access-Control-Allow-Origin': '*' } },
  preview: { port: 4173, strictPort: true, headers: { 'Access-Control-Allow-Origin': '*' } },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20000,
  },
});
