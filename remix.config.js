/**
 * Remix v2 with the classic compiler (see docs/decisions/001-classic-remix-compiler.md).
 * Every v3_* future flag is on so that a later move to React Router 7 is a codemod.
 * @type {import('@remix-run/dev').AppConfig}
 */
export default {
  appDirectory: "app",
  assetsBuildDirectory: "public/build",
  publicPath: "/build/",
  serverBuildPath: "build/index.js",
  serverModuleFormat: "esm",
  serverPlatform: "node",
  ignoredRouteFiles: ["**/.*", "**/*.test.*"],
  // Tailwind 4 runs as a PostCSS plugin; the compiler's own `tailwind` switch only knows v3.
  tailwind: false,
  postcss: true,
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: true,
  },
};
