/**
 * Markdown of spec descriptions to HTML, for every page (Web and RTM alike): markdown-it with raw HTML off renders,
 * then sanitize-html keeps only an allow-list of tags and attributes. A description is data: whatever it holds
 * (escaped backticks, odd fences, `<form>`, `<img>` beacons, `javascript:` links), nothing but text and simple
 * formatting comes out, and no URL that would make the browser fetch anything (no `src` is allowed at all).
 */
import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

const md = new MarkdownIt({ html: false, linkify: false, typographer: false });

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'em', 'code', 'pre', 'ul', 'ol', 'li', 'a', 'blockquote', 'h4', 'h5', 'h6', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'hr', 's'],
  allowedAttributes: { a: ['href'], code: ['class'] },
  allowedClasses: { code: [/^language-[A-Za-z0-9_-]+$/] },
  // Links may point to the web or within the site; no other scheme (javascript:, data:, file:) survives.
  allowedSchemes: ['https', 'http', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // Headings inside a description must not outrank the page's own headings.
  transformTags: { h1: 'h4', h2: 'h4', h3: 'h5' },
};

/** Renders one Markdown description to sanitised HTML (block level). */
export function renderMarkdown(text: unknown): string {
  if (typeof text !== 'string' || !text.trim()) return '';
  return sanitizeHtml(md.render(text), OPTIONS);
}

/** One line of Markdown (a summary, a changelog line) without the wrapping paragraph. */
export function renderInlineMarkdown(text: unknown): string {
  if (typeof text !== 'string' || !text.trim()) return '';
  return sanitizeHtml(md.renderInline(text), OPTIONS);
}

/** Plain text of a Markdown string (search index, titles). */
export function markdownText(text: unknown): string {
  if (typeof text !== 'string') return '';
  return sanitizeHtml(md.renderInline(text), { allowedTags: [], allowedAttributes: {} }).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}
