import ReactMarkdown from "react-markdown";
import remarkGfm from "remark-gfm";

/**
 * Curated Markdown, rendered safely: raw HTML is not interpreted (it shows as text) and
 * link protocols other than http(s) and mailto are dropped by react-markdown's URL filter.
 */
export function Markdown({ source }: { source: string }) {
  return (
    <div className="prose-content">
      <ReactMarkdown
        remarkPlugins={[remarkGfm]}
        skipHtml
        components={{
          h1: ({ children }) => <h3 className="text-lg">{children}</h3>,
          h2: ({ children }) => <h3 className="text-lg">{children}</h3>,
          a: ({ href, children }) => (
            <a href={href} rel="noopener noreferrer">
              {children}
            </a>
          ),
        }}
      >
        {source}
      </ReactMarkdown>
    </div>
  );
}
