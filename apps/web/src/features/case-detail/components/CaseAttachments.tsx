import { Card, Empty, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { ErrorState } from '../../../components/ErrorState.js';
import { FileGallery } from '../../../components/FileGallery.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { useApi } from '../../../platform/api/index.js';
import { fetchCaseAttachments } from '../../cases/api/attachments.api.js';
import type { CaseDetail } from '../../cases/api/cases.api.js';

/**
 * The case's attachments (the citizen's photos from the portal, the units' photos and documents): images as
 * previewable thumbnails, other files as download links, each with who attached it and when. Reloads when
 * the case changes (an action may have brought new files).
 */
export function CaseAttachments({ detail }: { detail: CaseDetail }) {
  const { t } = useI18n();
  const files = useApi((signal) => fetchCaseAttachments(detail.id, signal), [detail.id, detail.version]);
  const items = files.data ?? [];

  let body: ReactNode;
  if (files.error) body = <ErrorState compact error={files.error} onRetry={files.reload} />;
  else if (!files.data) body = <Skeleton active paragraph={{ rows: 1 }} title={false} />;
  else if (items.length === 0)
    body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('detail.noAttachments')} />;
  else body = <FileGallery files={items.map((a) => ({ ...a, uploaderName: a.uploadedBy.name }))} />;

  return (
    <Card size="small" title={t('detail.attachments', { count: items.length })}>
      {body}
    </Card>
  );
}
