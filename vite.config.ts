import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { LAUNCH_SCREENS, launchScreenFile, launchScreenMedia } from './scripts/launch-screens';
import { MANIFEST_SCREENSHOTS } from './scripts/manifest-screenshots';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

export default defineConfig({
  define: {
    __APP_VERSION__: JSON.stringify(pkg.version),
    __BUILD_TIME__: JSON.stringify(new Date().toISOString()),
  },
  build: {
    target: 'es2022',
    sourcemap: false,
    // Every browser Fieldbook supports preloads modules itself (Chromium, Firefox 115+, Safari 17+);
    // an older Safari without it only loads the chunks when they are imported. The polyfill would be
    // first-load bytes (decision 6's budget) that no supported browser runs.
    modulePreload: { polyfill: false },
    // Small parts shared by several lazy screens in two chunks, not a chunk each: every lazy chunk
    // costs the first load its name and index in the entry's preload map (decision 6, addendum).
    // Neither group holds anything the first screen uses, and neither pulls in its dependencies.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              name: 'form-fields',
              includeDependenciesRecursively: false,
              test: /src\/app\/ui\/(components\/(Field|Select|PasswordField|Radios|ErrorSummary|ConfirmButton)\.tsx|form-errors\.ts)$/,
            },
            {
              name: 'coordinator-parts',
              includeDependenciesRecursively: false,
              test: /src\/app\/ui\/(coordinator\/(ReportTools|RagTag|NotOnDevice|CoordinatorNav)\.tsx|coordinator\/drill-down-link\.ts|components\/TableRegion\.tsx)$/,
            },
          ],
        },
      },
    },
  },
  server: {
    // `npm run dev` serves the app with hot reload and sends API calls to `npm start`'s server.
    proxy: { '/api': 'http://localhost:8080' },
  },
  plugins: [
    react(),
    {
      // iOS ignores the manifest's splash: it wants one <link> per screen size (scripts/launch-screens.ts).
      name: 'fieldbook-ios-launch-screens',
      transformIndexHtml: () =>
        LAUNCH_SCREENS.map((screen) => ({
          tag: 'link',
          attrs: { rel: 'apple-touch-startup-image', media: launchScreenMedia(screen), href: launchScreenFile(screen) },
          injectTo: 'head' as const,
        })),
    },
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/sw',
      filename: 'sw.ts',
      // Registered by src/app/pwa/update-store.ts (a bundled file: the CSP forbids inline scripts).
      injectRegister: false,
      // A new version waits for the officer to accept it: never reload under someone typing.
      registerType: 'prompt',
      // Icons are precached once, through the glob below (the plugin would otherwise add them twice).
      includeManifestIcons: false,
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,png,svg}'],
        // Install-time images: Chromium's install sheet and iOS fetch them once, online. Precached,
        // every officer's phone would download 0.7 MB it never shows offline.
        globIgnores: ['screenshots/**', 'launch/**'],
      },
      manifest: {
        id: '/',
        name: 'Fieldbook',
        short_name: 'Fieldbook',
        description: 'Log and track your Community Safety Partnership plan, with or without signal.',
        lang: 'en-GB',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'portrait',
        theme_color: '#0b3d5c',
        background_color: '#f3f2f1',
        categories: ['productivity', 'government'],
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
        screenshots: MANIFEST_SCREENSHOTS.map((s) => ({
          src: s.file,
          sizes: `${s.width}x${s.height}`,
          type: 'image/png',
          form_factor: s.formFactor,
          label: s.label,
        })),
        // Photos shared from the camera or gallery, received by src/sw/share-target.ts. Written out
        // here, not imported (Vite's coming native config loader cannot import src/): it must equal
        // SHARE_TARGET in src/domain/share-target.ts, which test/e2e/share-target.spec.ts checks.
        share_target: { action: '/share-target', method: 'POST', enctype: 'multipart/form-data', params: { files: [{ name: 'photos', accept: ['image/*'] }] } },
        shortcuts: [
          { name: 'Log outcome', short_name: 'Log', url: '/log', icons: [{ src: '/icons/shortcut-log-96.png', sizes: '96x96', type: 'image/png' }] },
          { name: 'My actions', short_name: 'My actions', url: '/', icons: [{ src: '/icons/shortcut-actions-96.png', sizes: '96x96', type: 'image/png' }] },
        ],
      },
    }),
  ],
});
