/** A block of the documentation: its heading, a paragraph, a bulleted list or an example. */
export type DocsBlock =
  | { id: string; kind: 'heading' | 'paragraph' | 'code'; text: string }
  | { id: string; kind: 'list'; items: { id: string; text: string }[] };

/** A piece of a line: plain text, `code` or **bold**. */
export interface InlineSpan {
  id: string;
  kind: 'text' | 'code' | 'strong';
  text: string;
}

/**
 * The blocks of the little Markdown the documentation uses: `## ` headings, `- ` list items, fenced code,
 * paragraphs of one line each.
 */
export function docsBlocksOf(markdown: string): DocsBlock[] {
  const blocks: DocsBlock[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const id = `line-${i}`;
    if (line.startsWith('```')) {
      const code: string[] = [];
      while (++i < lines.length && !lines[i]!.startsWith('```')) code.push(lines[i]!);
      blocks.push({ id, kind: 'code', text: code.join('\n') });
    } else if (line.startsWith('## ')) blocks.push({ id, kind: 'heading', text: line.slice(3) });
    else if (line.startsWith('- ')) {
      const last = blocks.at(-1);
      const item = { id, text: line.slice(2) };
      if (last?.kind === 'list') last.items.push(item);
      else blocks.push({ id, kind: 'list', items: [item] });
    } else if (line.trim()) blocks.push({ id, kind: 'paragraph', text: line });
  }
  return blocks;
}

/** A line cut into its plain, `code` and **bold** pieces. */
export function inlineSpansOf(text: string): InlineSpan[] {
  let offset = 0;
  return text
    .split(/(`[^`]+`|\*\*[^*]+\*\*)/)
    .filter((part) => part !== '')
    .map((part) => {
      const id = `at-${offset}`;
      offset += part.length;
      if (part.startsWith('`') && part.endsWith('`') && part.length > 1) {
        return { id, kind: 'code', text: part.slice(1, -1) };
      }
      if (part.startsWith('**') && part.endsWith('**') && part.length > 3) {
        return { id, kind: 'strong', text: part.slice(2, -2) };
      }
      return { id, kind: 'text', text: part };
    });
}
