import { DownloadOutlined } from '@ant-design/icons';
import type { DeviceImportResult } from '@shanzhi/shared';
import { Alert, Button, Table } from 'antd';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { saveBlob } from '../../case-search/api/case-search.api.js';
import { csvBlob } from '../../measures/csv.js';

/**
 * What the last device import did: the refused rows with why (nothing was imported), or the devices
 * registered with a download of their signing secrets, which the server shows this once.
 */
export function DeviceImportResultPanel({ result }: { result: DeviceImportResult }) {
  const { t } = useI18n();
  if (result.errors.length > 0) {
    return (
      <Alert
        type="error"
        showIcon
        message={t('iot.import.refused', { n: result.errors.length })}
        description={
          <Table
            size="small"
            data-testid="iot-import-errors"
            rowKey={(e) => `${e.row}-${e.field}`}
            pagination={false}
            dataSource={result.errors}
            columns={[
              { title: t('iot.import.row'), dataIndex: 'row', width: 70 },
              { title: t('iot.import.field'), dataIndex: 'field', width: 140 },
              { title: t('iot.import.reason'), dataIndex: 'message' },
            ]}
          />
        }
      />
    );
  }
  const download = () =>
    saveBlob(
      csvBlob([
        [t('iot.devices.serial'), t('iot.estate'), t('iot.import.secret')],
        ...result.created.map((d) => [d.serial, d.estateName, d.secret]),
      ]),
      'device-secrets.csv',
    );
  return (
    <Alert
      type="success"
      showIcon
      message={t('iot.import.created', { n: result.created.length })}
      description={t('iot.import.secretsOnce')}
      action={
        <Button icon={<DownloadOutlined />} onClick={download}>
          {t('iot.import.downloadSecrets')}
        </Button>
      }
    />
  );
}
