/** Where the site is served; used for absolute Open Graph URLs and the sitemap. */
export const SITE_URL = (process.env.SITE_URL ?? 'http://localhost:3000').replace(/\/$/, '');
