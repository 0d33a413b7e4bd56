import { PortalCaseNumber } from '@shanzhi/shared';
import { Form, Input } from 'antd';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { zodRule } from '../../../platform/forms/zod-rules.js';
import { trackPortalCase } from '../api/portal.api.js';
import { PortalCaseView } from './PortalCaseView.js';
import { PortalTrackForm } from './PortalTrackForm.js';

/** 进度查询: number + phone → the public view of the case, which the citizen may rate once it is done. */
export function PortalTrack({ initial }: { initial?: { number: string; phone: string } | undefined }) {
  const { t } = useI18n();
  return (
    <PortalTrackForm
      name="portal-track"
      ariaLabel={t('portal.trackTitle')}
      initial={initial}
      track={async (number, phone, captcha) => ({
        view: await trackPortalCase(number, phone, captcha),
        phone,
      })}
      numberField={
        <Form.Item
          name="number"
          label={t('portal.number')}
          rules={[zodRule(PortalCaseNumber, (v) => v ?? '')]}
        >
          <Input placeholder="WH20260930000123" autoCapitalize="characters" maxLength={20} />
        </Form.Item>
      }
    >
      {(found, replace) => (
        <PortalCaseView
          view={found.view}
          phone={found.phone}
          onRated={(view) => replace({ view, phone: found.phone })}
        />
      )}
    </PortalTrackForm>
  );
}
