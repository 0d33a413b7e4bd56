import { type DisputeEvidenceView, DISPUTE_FIELD_NAMES as F } from '@shanzhi/shared';
import { Card, Empty } from 'antd';
import { FileGallery } from '../../../components/FileGallery.js';
import { useI18n } from '../../../i18n/I18nProvider.js';

/**
 * 证据材料: the files kept with a dispute (a citizen's photos and PDFs sent with his online application),
 * photos as previewable thumbnails, other files as download links, each with who sent it and when.
 */
export function DisputeEvidence({ evidence }: { evidence: DisputeEvidenceView[] }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={`${F.evidence}（${evidence.length}）`} data-testid="dispute-evidence">
      {evidence.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('mediation.detail.noEvidence')} />
      ) : (
        <FileGallery files={evidence.map((e) => ({ ...e, uploaderName: e.uploadedByName }))} />
      )}
    </Card>
  );
}
