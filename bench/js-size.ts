/**
 * The JavaScript a page makes the browser download on first load, read from the production
 * server's HTML: every <script src> and <link rel="preload|modulepreload" as="script"> chunk,
 * fetched and compressed here (gzip level 6, what `next start` sends; brotli for information).
 * Inline scripts (the RSC payload Next streams into the HTML) are counted apart: they are part of the
 * HTML document, not of the JavaScript bundle. A `<script nomodule>` (Next's polyfills) is listed but
 * not counted: browsers with ES modules (every browser Next 16 supports) neither fetch nor run it.
 *
 * CLI: `npx tsx bench/js-size.ts http://127.0.0.1:3000 [/financements]` against a running `next start`
 * (bench/run.ts measures /financements and /cartographie, the two pages with the most client code).
 */
import { pathToFileURL } from "node:url";
import zlib from "node:zlib";

export const JS_BUDGET_GZIP_BYTES = 150_000;

export interface PageJs {
  page: string;
  scripts: { src: string; bytes: number; gzip: number; brotli: number }[];
  totalBytes: number;
  totalGzip: number;
  totalBrotli: number;
  inline: { count: number; bytes: number; gzip: number };
  /** <script nomodule> (Next's polyfills): downloaded only by browsers without ES modules, not counted. */
  legacyNoModule: { src: string; gzip: number }[];
  budgetGzip: number;
  withinBudget: boolean;
}

const decode = (s: string) => s.replace(/&amp;/g, "&").replace(/&#x27;/g, "'").replace(/&quot;/g, '"');
const gzip = (b: Buffer) => zlib.gzipSync(b, { level: 6 }).length;
const brotli = (b: Buffer) => zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

export async function measurePageJs(base: string, page = "/financements"): Promise<PageJs> {
  const response = await fetch(new URL(page, base));
  if (!response.ok) throw new Error(`${page} a répondu ${response.status}`);
  const html = await response.text();
  const sources = new Set<string>();
  const legacy = new Set<string>();
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*>/g)) {
    // <script nomodule>: only browsers without ES modules (none of those we support) fetch it.
    (/\bnomodule\b/i.test(m[0]) ? legacy : sources).add(decode(m[1] as string));
  }
  for (const m of html.matchAll(/<link\b[^>]*>/g)) {
    const tag = m[0];
    if (/\bas="script"/.test(tag) || /\brel="modulepreload"/.test(tag)) {
      const href = /\bhref="([^"]+)"/.exec(tag)?.[1];
      if (href) sources.add(decode(href));
    }
  }
  const scripts: PageJs["scripts"] = [];
  for (const src of sources) {
    const r = await fetch(new URL(src, base), { headers: { "accept-encoding": "identity" } });
    if (!r.ok) throw new Error(`${src} a répondu ${r.status}`);
    const body = Buffer.from(await r.arrayBuffer());
    scripts.push({ src, bytes: body.length, gzip: gzip(body), brotli: brotli(body) });
  }
  const inlineBodies = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1] as string);
  const inlineBuffer = Buffer.from(inlineBodies.join("\n"));
  const sum = (key: "bytes" | "gzip" | "brotli") => scripts.reduce((s, x) => s + x[key], 0);
  return {
    page,
    scripts: scripts.sort((a, b) => b.gzip - a.gzip),
    totalBytes: sum("bytes"),
    totalGzip: sum("gzip"),
    totalBrotli: sum("brotli"),
    inline: { count: inlineBodies.length, bytes: inlineBuffer.length, gzip: gzip(inlineBuffer) },
    legacyNoModule: await Promise.all(
      [...legacy].map(async (src) => {
        const r = await fetch(new URL(src, base), { headers: { "accept-encoding": "identity" } });
        return { src, gzip: gzip(Buffer.from(await r.arrayBuffer())) };
      }),
    ),
    budgetGzip: JS_BUDGET_GZIP_BYTES,
    withinBudget: sum("gzip") <= JS_BUDGET_GZIP_BYTES,
  };
}

export const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`;

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [base = "http://127.0.0.1:3000", page = "/financements"] = process.argv.slice(2);
  measurePageJs(base, page).then(
    (r) => {
      for (const s of r.scripts) console.log(`${kB(s.gzip).padStart(10)} gzip ${kB(s.bytes).padStart(10)} brut  ${s.src}`);
      console.log(`Total : ${kB(r.totalGzip)} gzip (${kB(r.totalBrotli)} brotli, ${kB(r.totalBytes)} brut) pour un budget de ${kB(r.budgetGzip)} : ${r.withinBudget ? "respecté" : "DÉPASSÉ"}`);
      for (const l of r.legacyNoModule) console.log(`Non compté (nomodule, navigateurs sans modules ES) : ${l.src}, ${kB(l.gzip)} gzip`);
      console.log(`Scripts en ligne (charge RSC dans le HTML) : ${r.inline.count}, ${kB(r.inline.gzip)} gzip`);
    },
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
