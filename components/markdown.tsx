import type { ReactNode } from "react";
import ReactMarkdown, { type Components } from "react-markdown";
import remarkGfm from "remark-gfm";

/**
 * Markdown written by curators, rendered safely (issue 12, « Safety »):
 * - raw HTML is never interpreted: it is shown as the text it is (`<script>` reads « <script> »);
 * - links keep only http(s), mailto and tel addresses, or addresses on this site; any other
 *   (`javascript:`, `data:`, `vbscript:`…) leaves the link's text without a link;
 * - images are not displayed (another site's image would report who reads the page, and the CSP
 *   only allows ours): each becomes a link to it, labelled with its description;
 * - only the elements Markdown itself produces are rendered (an allow-list, checked again here).
 * tests/unit/markdown.test.tsx renders hostile Markdown and checks the output.
 */
export function Markdown({ source }: { source: string }) {
  return (
    <div className="prose-content">
      <ReactMarkdown
        remarkPlugins={[remarkGfm, rawHtmlAsText]}
        remarkRehypeOptions={{ footnoteLabel: "Notes", footnoteBackLabel: "Retour au texte" }}
        urlTransform={safeUrl}
        allowedElements={ALLOWED_ELEMENTS}
        unwrapDisallowed
        components={components}
      >
        {source}
      </ReactMarkdown>
    </div>
  );
}

const ALLOWED_ELEMENTS = [
  "p", "br", "hr", "strong", "em", "del", "code", "pre", "blockquote", "ul", "ol", "li", "input",
  "h1", "h2", "h3", "h4", "h5", "h6", "a", "img", "table", "thead", "tbody", "tr", "th", "td",
  "sup", "section",
];

const SAFE_PROTOCOLS = new Set(["http", "https", "mailto", "tel"]);

/**
 * The address itself when it is safe, else "" (react-markdown's `urlTransform`). An address with a
 * scheme (a colon before any `/`, `?` or `#`, as browsers read it, tabs and new lines included) must
 * use a safe protocol; one without a scheme is on this site.
 */
export function safeUrl(url: string): string {
  const colon = url.indexOf(":");
  const firstDelimiter = url.search(/[/?#]/);
  const hasScheme = colon !== -1 && (firstDelimiter === -1 || colon < firstDelimiter);
  if (!hasScheme) return url;
  return SAFE_PROTOCOLS.has(url.slice(0, colon).toLowerCase()) ? url : "";
}

type MdNode = { type: string; value?: string; children?: MdNode[] };

/** Nodes whose children are blocks: raw HTML there becomes a paragraph of text. */
const FLOW_PARENTS = new Set(["root", "blockquote", "listItem", "footnoteDefinition"]);

/** Remark plugin: every raw HTML node (block or inline) becomes the text it is. */
function rawHtmlAsText() {
  const visit = (node: MdNode) => {
    if (!node.children) return;
    const flow = FLOW_PARENTS.has(node.type);
    node.children = node.children.map((child) => {
      if (child.type !== "html") {
        visit(child);
        return child;
      }
      const text: MdNode = { type: "text", value: child.value ?? "" };
      return flow ? { type: "paragraph", children: [text] } : text;
    });
  };
  return visit;
}

function SafeLink({ href, title, children }: { href?: string; title?: string; children?: ReactNode }) {
  if (!href) return <span>{children}</span>;
  return (
    <a href={href} title={title} rel="noopener noreferrer">
      {children}
    </a>
  );
}

/** A table column's alignment as a class (no style attribute in the output). */
function alignment(textAlign: unknown): string | undefined {
  if (textAlign === "right") return "text-right";
  if (textAlign === "center") return "text-center";
  if (textAlign === "left") return "text-left";
  return undefined;
}

const components: Components = {
  h1: ({ children }) => <h3 className="text-lg">{children}</h3>,
  h2: ({ children }) => <h3 className="text-lg">{children}</h3>,
  a: ({ href, title, children }) => (
    <SafeLink href={href} title={title}>
      {children}
    </SafeLink>
  ),
  th: ({ style, children }) => <th className={alignment(style?.textAlign)}>{children}</th>,
  td: ({ style, children }) => <td className={alignment(style?.textAlign)}>{children}</td>,
  img: ({ src, alt }) => (
    <SafeLink href={typeof src === "string" ? src : undefined}>Image : {alt?.trim() || "sans description"}</SafeLink>
  ),
};
