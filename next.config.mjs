/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and Node-only modules stay outside the bundle.
  serverExternalPackages: ["better-sqlite3"],
  // Separate build dirs let parallel checkouts build side by side (tests read the same variable).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  typedRoutes: false,
  // Metadata (<title>, OG tags) in <head> for every reader, never streamed into <body>: the front
  // cache serves public pages without JavaScript, so nothing would move it there.
  htmlLimitedBots: /.*/,
};

export default nextConfig;
