import { FileOutlined } from '@ant-design/icons';
import { Card, Empty, Flex, Image, Skeleton, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { ErrorState } from '../../../components/ErrorState.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { useApi } from '../../../platform/api/index.js';
import { formatBytes } from '../../../platform/format/format-bytes.js';
import { type CaseAttachment, fetchCaseAttachments } from '../../cases/api/attachments.api.js';
import type { CaseDetail } from '../../cases/api/cases.api.js';

const isImage = (a: CaseAttachment) => a.mime.startsWith('image/');

/**
 * The case's attachments (the citizen's photos from the portal, the units' photos and documents): images as
 * previewable thumbnails, other files as download links, each with who attached it and when. Reloads when
 * the case changes (an action may have brought new files).
 */
export function CaseAttachments({ detail }: { detail: CaseDetail }) {
  const { t } = useI18n();
  const files = useApi((signal) => fetchCaseAttachments(detail.id, signal), [detail.id, detail.version]);
  const items = files.data ?? [];
  const caption = (a: CaseAttachment) =>
    `${a.uploadedBy.name} · ${dayjs(a.uploadedAt).format('YYYY-MM-DD HH:mm')} · ${formatBytes(a.size)}`;

  let body: ReactNode;
  if (files.error) body = <ErrorState compact error={files.error} onRetry={files.reload} />;
  else if (!files.data) body = <Skeleton active paragraph={{ rows: 1 }} title={false} />;
  else if (items.length === 0)
    body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('detail.noAttachments')} />;
  else
    body = (
      <Flex vertical gap={8}>
        <Image.PreviewGroup>
          <Flex gap={8} wrap>
            {items.filter(isImage).map((img) => (
              <Tooltip key={img.id} title={`${img.name}（${caption(img)}）`}>
                <Image
                  src={img.url}
                  alt={img.name}
                  width={96}
                  height={96}
                  style={{ objectFit: 'cover', borderRadius: 4 }}
                />
              </Tooltip>
            ))}
          </Flex>
        </Image.PreviewGroup>
        {items
          .filter((a) => !isImage(a))
          .map((f) => (
            <div key={f.id}>
              <Typography.Link href={f.url} target="_blank">
                <FileOutlined /> {f.name}
              </Typography.Link>
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {caption(f)}
              </Typography.Text>
            </div>
          ))}
      </Flex>
    );

  return (
    <Card size="small" title={t('detail.attachments', { count: items.length })}>
      {body}
    </Card>
  );
}
