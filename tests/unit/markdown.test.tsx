import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown, safeUrl } from "@/components/markdown";

/** Curated Markdown, rendered as the programme page renders it. */
const render = (source: string) => renderToStaticMarkup(<Markdown source={source} />);

/** Every tag of the output (text is escaped by React, so `<` in text never opens one). */
const tags = (html: string) => html.match(/<[a-z][^>]*>/gi) ?? [];

/** Every URL an attribute of the output carries, entities decoded. */
function urls(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src|action|formaction|xlink:href)="([^"]*)"/gi)].map((m) =>
    m[1]!.replace(/&amp;/g, "&").replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">"),
  );
}

/** What the output must never hold, whatever the source. */
function expectHarmless(html: string) {
  for (const tag of tags(html)) {
    expect(tag, "no script, style, frame, object, form, svg, math or raw image").not.toMatch(
      /^<(script|style|iframe|frame|object|embed|form|svg|math|img|link|meta|base|textarea|button|details|video|audio|source)\b/i,
    );
    expect(tag, "no event handler").not.toMatch(/\son[a-z]+\s*=/i);
    expect(tag, "no style attribute").not.toMatch(/\sstyle\s*=/i);
    expect(tag, "no srcdoc").not.toMatch(/\ssrcdoc\s*=/i);
  }
  for (const url of urls(html)) {
    expect(url, "only http(s), mailto, tel or this site's addresses").toMatch(/^(https?:|mailto:|tel:|\/|#|\?|[^:/?#]+(?:[/?#]|$))/i);
    expect(url.replace(/[\s\u0000-\u001f]/g, "").toLowerCase()).not.toMatch(/^(javascript|data|vbscript|file):/);
  }
}

describe("curated Markdown", () => {
  it("renders the Markdown a curator writes: emphasis, lists, headings, tables, links", () => {
    const html = render(
      [
        "## Qui peut candidater",
        "",
        "Les **associations** et les *communes* :",
        "",
        "- médiation ~~payante~~ gratuite",
        "- voir [la page de l'ANCT](https://agence-cohesion-territoires.gouv.fr/ \"ANCT\") ou [nos financements](/financements?q=cnfs)",
        "",
        "| Montant | Taux |",
        "| --- | ---: |",
        "| 10 000 € | 80 % |",
        "",
        "Contact : [écrire](mailto:contact@example.gouv.fr), https://www.example.gouv.fr/appel",
      ].join("\n"),
    );
    expect(html).toContain('<h3 class="text-lg">Qui peut candidater</h3>');
    expect(html).toContain("<strong>associations</strong>");
    expect(html).toContain("<em>communes</em>");
    expect(html).toContain("<del>payante</del>");
    expect(html).toContain('<a href="https://agence-cohesion-territoires.gouv.fr/" title="ANCT" rel="noopener noreferrer">la page de l&#x27;ANCT</a>');
    expect(html).toContain('<a href="/financements?q=cnfs" rel="noopener noreferrer">nos financements</a>');
    expect(html).toContain('<a href="mailto:contact@example.gouv.fr" rel="noopener noreferrer">écrire</a>');
    expect(html).toContain('<a href="https://www.example.gouv.fr/appel" rel="noopener noreferrer">https://www.example.gouv.fr/appel</a>');
    expect(html).toMatch(/<table>[\s\S]*<td class="text-right">80 %<\/td>/);
    expectHarmless(html);
  });

  it.each([
    ["a script element", "<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"],
    ["an inline script", "Texte <script>alert(1)</script> suite", "Texte &lt;script&gt;alert(1)&lt;/script&gt; suite"],
    ["an image with an event handler", '<img src="x" onerror="alert(1)">', "&lt;img src=&quot;x&quot; onerror=&quot;alert(1)&quot;&gt;"],
    ["a link to javascript: in HTML", '<a href="javascript:alert(1)">clic</a>', "&lt;a href=&quot;javascript:alert(1)&quot;&gt;"],
    ["an svg with onload", "<svg onload=alert(1)>", "&lt;svg onload=alert(1)&gt;"],
    ["an iframe", '<iframe src="https://evil.example"></iframe>', "&lt;iframe"],
    ["a style element", "<style>body{display:none}</style>", "&lt;style&gt;"],
    ["a form", '<form action="https://evil.example"><button>OK</button></form>', "&lt;form"],
    ["a comment", "<!-- caché -->", "&lt;!-- caché --&gt;"],
    ["details with ontoggle", "<details open ontoggle=alert(1)>x</details>", "&lt;details open ontoggle=alert(1)&gt;"],
  ])("shows raw HTML as text: %s", (_name, source, shown) => {
    const html = render(source);
    expect(html).toContain(shown);
    expectHarmless(html);
  });

  it.each([
    ["javascript:", "[clic](javascript:alert(1))"],
    ["JavaScript: in mixed case", "[clic](JaVaScRiPt:alert(1))"],
    ["javascript: behind a tab entity", "[clic](java&#x09;script:alert(1))"],
    ["javascript: behind a new line entity", "[clic](java&#10;script:alert(1))"],
    ["javascript: in entities", "[clic](&#106;avascript:alert(1))"],
    ["javascript: in angle brackets", "[clic](<javascript:alert(1)>)"],
    ["javascript: with leading spaces", "[clic](< javascript:alert(1)>)"],
    ["javascript: as a reference", "[clic][x]\n\n[x]: javascript:alert(1)"],
    ["javascript: as an autolink", "<javascript:alert(1)>"],
    ["data:", "[clic](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"],
    ["vbscript:", "[clic](vbscript:msgbox(1))"],
    ["file:", "[clic](file:///etc/passwd)"],
  ])("drops a %s link and keeps its text", (_name, source) => {
    const html = render(source);
    expect(html).not.toContain("<a");
    expect(html).toMatch(/clic|javascript:alert\(1\)/);
    expectHarmless(html);
  });

  it.each([
    ["javascript:", "![photo](javascript:alert(1))"],
    ["data:", "![photo](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)"],
    ["an event handler in the title", '![photo](https://img.example/a.png "x\\" onerror=\\"alert(1)")'],
  ])("never displays an image (%s)", (_name, source) => {
    const html = render(source);
    expect(html).not.toContain("<img");
    expect(html).toContain("Image : photo");
    expectHarmless(html);
  });

  it("turns an http(s) image into a link to it, labelled with its description", () => {
    const html = render("![Carte des conseillers](https://www.example.gouv.fr/carte.png)");
    expect(html).toBe(
      '<div class="prose-content"><p><a href="https://www.example.gouv.fr/carte.png" rel="noopener noreferrer">Image : Carte des conseillers</a></p></div>',
    );
  });

  it("cannot break out of an attribute", () => {
    const html = render('[clic](https://a.example/"onmouseover="alert(1)) [b](https://a.example/?q="><script>alert(1)</script>)');
    expectHarmless(html);
    expect(html).not.toContain("<script");
  });

  it("survives a long hostile mixture", () => {
    const hostile = [
      "# Titre <img src=x onerror=alert(1)>",
      "> citation <script>alert(2)</script>",
      "- [a](javascript:alert(3)) <b onclick=alert(4)>gras</b>",
      "1. ![i](data:text/html,<script>alert(5)</script>)",
      "`<script>alert(6)</script>`",
      "```html\n<script>alert(7)</script>\n```",
      "[^1]\n\n[^1]: note <script>alert(8)</script> [x](vbscript:x)",
      "<div>\n<script>alert(9)</script>\n</div>",
    ].join("\n\n");
    const html = render(hostile);
    expectHarmless(html);
    const inner = html.replace(/^<div class="prose-content">|<\/div>$/g, "");
    expect(inner).not.toMatch(/<(script|img|b|div)\b/i);
    expect(html).toContain("&lt;script&gt;alert(7)&lt;/script&gt;"); // in the code block, as text
  });
});

describe("safeUrl", () => {
  it.each([
    ["https://www.example.gouv.fr/a?b=c#d", true],
    ["http://example.org", true],
    ["mailto:contact@example.gouv.fr", true],
    ["tel:+33123456789", true],
    ["/financements/aide", true],
    ["#section", true],
    ["?q=cnfs", true],
    ["page/relative:with-colon-after-slash", true],
    ["javascript:alert(1)", false],
    ["JAVASCRIPT:alert(1)", false],
    ["java\tscript:alert(1)", false],
    ["java\nscript:alert(1)", false],
    [" javascript:alert(1)", false],
    ["data:text/html,x", false],
    ["vbscript:x", false],
    ["blob:https://a.example/x", false],
  ])("%j is kept: %s", (url, kept) => {
    expect(safeUrl(url)).toBe(kept ? url : "");
  });
});
