import type { CampaignProgress } from '@shanzhi/shared';
import { Progress } from 'antd';
import { useI18n } from '../../../i18n/I18nProvider.js';

/** 排查进度: enterprises inspected of those planned, as a bar with the two numbers. */
export function CampaignProgressBar({ progress }: { progress: CampaignProgress }) {
  const { t } = useI18n();
  const { inspectedEnterprises: done, plannedEnterprises: planned } = progress;
  return (
    <Progress
      data-testid="campaign-progress"
      percent={planned === 0 ? 0 : Math.floor((done * 100) / planned)}
      format={() => t('safety.campaigns.covered', { done, planned })}
      size="small"
    />
  );
}
