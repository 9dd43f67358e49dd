/** @type {import('next').NextConfig} */
const nextConfig = {
  output: 'export',
  reactStrictMode: true,
  poweredByHeader: false,
  images: { unoptimized: true },
  // mdx-bundler runs esbuild at build time on the server; keep it out of the bundle.
  serverExternalPackages: ['mdx-bundler', 'esbuild'],
};

export default nextConfig;
