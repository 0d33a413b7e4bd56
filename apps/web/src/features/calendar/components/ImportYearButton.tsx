import { UploadOutlined } from '@ant-design/icons';
import { HolidayCnYear } from '@shanzhi/shared';
import { Alert, App, Button, List, Modal, Typography, Upload } from 'antd';
import { useState } from 'react';
import { errorText } from '../../../i18n/error-text.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { ApiError } from '../../../platform/api/index.js';
import { importYear } from '../api/calendar.api.js';

/**
 * Imports a year from a holiday-cn JSON file (NateScarlet/holiday-cn): the file is checked with the shared
 * schema first, then sent; every problem (ours or the server's) is listed.
 */
export function ImportYearButton({
  loadedYears,
  onImported,
}: {
  loadedYears: number[];
  onImported: (year: number) => void;
}) {
  const { t } = useI18n();
  const { modal, message } = App.useApp();
  const [problems, setProblems] = useState<{ title: string; items: string[] } | null>(null);
  const [busy, setBusy] = useState(false);

  async function read(file: File) {
    setProblems(null);
    let json: unknown;
    try {
      json = JSON.parse(await file.text());
    } catch {
      setProblems({ title: t('calendar.importNotJson', { name: file.name }), items: [] });
      return;
    }
    const parsed = HolidayCnYear.safeParse(json);
    if (!parsed.success) {
      setProblems({
        title: t('calendar.importInvalid', { name: file.name }),
        items: parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}：${issue.message}`),
      });
      return;
    }
    const data = parsed.data;
    const off = data.days.filter((d) => d.isOffDay).length;
    modal.confirm({
      title: t('calendar.importConfirm', { year: data.year }),
      content: (
        <>
          <p>{t('calendar.importCounts', { off, work: data.days.length - off })}</p>
          {loadedYears.includes(data.year) && (
            <Alert type="warning" showIcon message={t('calendar.importReplaces')} />
          )}
        </>
      ),
      okText: t('calendar.import'),
      onOk: async () => {
        setBusy(true);
        try {
          await importYear(data);
          message.success(t('calendar.imported', { year: data.year }));
          onImported(data.year);
        } catch (error) {
          setProblems({
            title: errorText(error, t),
            items: error instanceof ApiError ? error.fields.map((f) => `${f.field}：${f.message}`) : [],
          });
        } finally {
          setBusy(false);
        }
      },
    });
  }

  return (
    <>
      <Upload
        accept=".json,application/json"
        showUploadList={false}
        beforeUpload={(file) => {
          void read(file);
          return Upload.LIST_IGNORE;
        }}
      >
        <Button icon={<UploadOutlined />} loading={busy}>
          {t('calendar.importButton')}
        </Button>
      </Upload>
      <Modal
        open={problems !== null}
        title={t('calendar.importFailed')}
        onCancel={() => setProblems(null)}
        footer={<Button onClick={() => setProblems(null)}>{t('common.close')}</Button>}
      >
        <Alert type="error" showIcon message={problems?.title} style={{ marginBottom: 12 }} />
        {problems && problems.items.length > 0 && (
          <List
            size="small"
            bordered
            dataSource={problems.items.slice(0, 50)}
            renderItem={(item) => (
              <List.Item>
                <Typography.Text>{item}</Typography.Text>
              </List.Item>
            )}
            style={{ maxHeight: 320, overflow: 'auto' }}
          />
        )}
      </Modal>
    </>
  );
}
