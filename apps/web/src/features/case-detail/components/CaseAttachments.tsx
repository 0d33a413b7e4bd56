import { FileOutlined } from '@ant-design/icons';
import { Card, Empty, Flex, Image, Typography } from 'antd';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { type AttachmentView, attachmentUrl, toAttachmentView } from '../../cases/api/attachments.api.js';
import type { CaseDetail } from '../../cases/api/cases.api.js';

const IMAGE = /\.(png|jpe?g|gif|webp|bmp)$/i;

function isImage(a: AttachmentView): boolean {
  return a.contentType ? a.contentType.startsWith('image/') : IMAGE.test(a.fileName);
}

/** The case's attachments, gathered from its timeline: images as previewable thumbnails, other files as links. */
export function CaseAttachments({ detail }: { detail: CaseDetail }) {
  const { t } = useI18n();
  const seen = new Set<number>();
  const files: AttachmentView[] = [];
  for (const event of detail.timeline) {
    for (const raw of event.attachments) {
      const view = toAttachmentView(raw);
      if (view && !seen.has(view.id)) {
        seen.add(view.id);
        files.push(view);
      }
    }
  }
  const images = files.filter(isImage);
  const others = files.filter((f) => !isImage(f));
  return (
    <Card size="small" title={t('detail.attachments', { count: files.length })}>
      {files.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('detail.noAttachments')} />
      ) : (
        <Flex vertical gap={8}>
          {images.length > 0 && (
            <Image.PreviewGroup>
              <Flex gap={8} wrap>
                {images.map((img) => (
                  <Image
                    key={img.id}
                    src={attachmentUrl(img.id)}
                    alt={img.fileName}
                    width={96}
                    height={96}
                    style={{ objectFit: 'cover', borderRadius: 4 }}
                  />
                ))}
              </Flex>
            </Image.PreviewGroup>
          )}
          {others.map((f) => (
            <Typography.Link key={f.id} href={attachmentUrl(f.id)} target="_blank">
              <FileOutlined /> {f.fileName}
            </Typography.Link>
          ))}
        </Flex>
      )}
    </Card>
  );
}
