import { Flex } from 'antd';
import { PageTitle } from '../../../components/PageTitle.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { usePermission } from '../../auth/hooks/use-permission.js';
import { DispatchWeightsCard } from '../../marketplace/components/DispatchWeightsCard.js';
import { PetitionLimitsCard } from '../../petitions/components/PetitionLimitsCard.js';
import { CaseSettingsCard } from '../components/CaseSettingsCard.js';
import { KpiSettingsCard } from '../components/KpiSettingsCard.js';

/** 办理设置: what a city may tune in how cases are handled and measured. */
export function SettingsPage() {
  const { t } = useI18n();
  const canConfigureKpis = usePermission('kpi.configure');
  const canConfigurePetitions = usePermission('petition.configure');
  const canConfigureMarket = usePermission('market.configure');
  return (
    <Flex vertical gap={16}>
      <PageTitle title={t('menu.settings')} description={t('settings.description')} />
      <CaseSettingsCard />
      {canConfigureKpis && <KpiSettingsCard />}
      {canConfigurePetitions && <PetitionLimitsCard />}
      {canConfigureMarket && <DispatchWeightsCard />}
    </Flex>
  );
}
