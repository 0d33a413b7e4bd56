import { Alert, Typography } from 'antd';
import { type ReactNode, useMemo } from 'react';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { OPEN311_API_DOCS, OPEN311_DOCS_ORIGIN } from '../open311-api-docs.js';
import { type DocsBlock, docsBlocksOf, inlineSpansOf } from '../open311-docs-blocks.js';

/** Inline text with its `code` spans and **bold** parts. */
function inline(text: string): ReactNode[] {
  return inlineSpansOf(text).map((span) => {
    if (span.kind === 'code') {
      return (
        <Typography.Text key={span.id} code>
          {span.text}
        </Typography.Text>
      );
    }
    if (span.kind === 'strong') return <strong key={span.id}>{span.text}</strong>;
    return <span key={span.id}>{span.text}</span>;
  });
}

function renderBlock(block: DocsBlock): ReactNode {
  switch (block.kind) {
    case 'heading':
      return (
        <Typography.Title key={block.id} level={4}>
          {block.text}
        </Typography.Title>
      );
    case 'paragraph':
      return <Typography.Paragraph key={block.id}>{inline(block.text)}</Typography.Paragraph>;
    case 'list':
      return (
        <ul key={block.id}>
          {block.items.map((item) => (
            <li key={item.id}>{inline(item.text)}</li>
          ))}
        </ul>
      );
    case 'code':
      return (
        <Typography.Paragraph key={block.id} copyable={{ text: block.text }}>
          <pre data-testid="open311-example" style={{ whiteSpace: 'pre-wrap', fontSize: 12 }}>
            {block.text}
          </pre>
        </Typography.Paragraph>
      );
  }
}

/** 接口文档: how integrators use the open API (the README's text), the examples pointing at this server. */
export function ApiDocsTab() {
  const { t } = useI18n();
  const blocks = useMemo(
    () => docsBlocksOf(OPEN311_API_DOCS.replaceAll(OPEN311_DOCS_ORIGIN, window.location.origin)),
    [],
  );
  return (
    <Typography style={{ maxWidth: 980 }}>
      <Alert type="info" showIcon message={t('open311.docsHint')} style={{ marginBottom: 16 }} />
      {blocks.map(renderBlock)}
    </Typography>
  );
}
