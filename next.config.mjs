/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and Node-only modules stay outside the bundle.
  serverExternalPackages: ["better-sqlite3"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
