import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import type { RegisterImportEvent, RegisterKind } from '@shanzhi/shared';
import { Alert, Button, Flex, Modal, Progress, Result, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { errorText } from '../../../i18n/error-text.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { ApiError } from '../../../platform/api/index.js';
import { downloadFile, saveBlob } from '../../case-search/api/case-search.api.js';
import { type ImportProgress, importRegister, rowErrorsOf } from '../api/register-import.js';

type ImportState =
  | { step: 'choose' }
  | { step: 'running'; progress: ImportProgress }
  | { step: 'refused'; message: string; rows: { row: number; column: string; message: string }[] }
  | { step: 'finished'; event: RegisterImportEvent };

/** The bar's value for where an import stands: the upload, the check, then the write. */
function percentOf(progress: ImportProgress): number {
  if (progress.phase === 'uploading') return Math.round(progress.percent * 0.2);
  if (progress.phase === 'checking') return 20;
  return 20 + Math.round((progress.done / Math.max(1, progress.total)) * 80);
}

/**
 * 导入: the register's template to download, the filled file to upload, a progress bar (upload, the check of
 * every row, then the write as the server streams it), the row errors of a refused file by row number, and
 * what an import created.
 */
export function ImportModal({
  kind,
  title,
  open,
  onClose,
  onImported,
}: {
  kind: RegisterKind;
  /** the register's name (房屋, 实有人口 …) */
  title: string;
  open: boolean;
  onClose: () => void;
  onImported: () => void;
}) {
  const { t } = useI18n();
  const [state, setState] = useState<ImportState>({ step: 'choose' });
  const [templateError, setTemplateError] = useState<string | null>(null);

  async function downloadTemplate() {
    setTemplateError(null);
    try {
      const { blob, fileName } = await downloadFile(`/api/v1/grid/register-templates/${kind}`, () => {});
      saveBlob(blob, fileName ?? `${title}.xlsx`);
    } catch (error) {
      setTemplateError(errorText(error, t));
    }
  }

  async function start(file: File) {
    setState({ step: 'running', progress: { phase: 'uploading', percent: 0 } });
    try {
      const event = await importRegister(kind, file, (progress) => setState({ step: 'running', progress }));
      setState({ step: 'finished', event });
      if (event.phase === 'done') onImported();
    } catch (error) {
      const rows = error instanceof ApiError ? rowErrorsOf(error.fields) : [];
      setState({ step: 'refused', message: errorText(error, t), rows });
    }
  }

  const running = state.step === 'running';
  return (
    <Modal
      open={open}
      title={t('import.title', { register: title })}
      width={760}
      onCancel={() => {
        if (running) return;
        setState({ step: 'choose' });
        onClose();
      }}
      footer={null}
      maskClosable={!running}
      destroyOnHidden
    >
      <Flex vertical gap={12}>
        <Typography.Text>{t('import.step1')}</Typography.Text>
        <Button
          icon={<DownloadOutlined />}
          onClick={() => void downloadTemplate()}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('import.template')}
        </Button>
        {templateError && <Alert type="error" showIcon message={templateError} />}
        <Typography.Text>{t('import.step2')}</Typography.Text>
        {state.step === 'choose' && (
          <Upload.Dragger
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            showUploadList={false}
            beforeUpload={(file) => {
              void start(file);
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('import.drop')}</p>
            <p className="ant-upload-hint">{t('import.rules')}</p>
          </Upload.Dragger>
        )}
        {state.step === 'running' && (
          <div data-testid="import-progress">
            <Progress percent={percentOf(state.progress)} status="active" />
            <Typography.Text type="secondary">
              {state.progress.phase === 'uploading'
                ? t('import.uploading')
                : state.progress.phase === 'checking'
                  ? t('import.checking')
                  : t('import.writing', { done: state.progress.done, total: state.progress.total })}
            </Typography.Text>
          </div>
        )}
        {state.step === 'refused' && (
          <>
            <Alert type="error" showIcon message={t('import.failed')} description={state.message} />
            {state.rows.length > 0 && (
              <Table
                size="small"
                rowKey={(r) => `${r.row}.${r.column}`}
                dataSource={state.rows}
                pagination={{ pageSize: 8, hideOnSinglePage: true }}
                columns={[
                  { title: t('import.row'), dataIndex: 'row', width: 80 },
                  { title: t('import.problem'), dataIndex: 'message' },
                ]}
              />
            )}
            <Button onClick={() => setState({ step: 'choose' })} style={{ alignSelf: 'flex-start' }}>
              {t('import.again')}
            </Button>
          </>
        )}
        {state.step === 'finished' &&
          (state.event.phase === 'done' ? (
            <Result
              status="success"
              title={t('import.done', {
                rows: state.event.rows,
                houses: state.event.created.houses,
                residents: state.event.created.residents,
                organisations: state.event.created.organisations,
              })}
            />
          ) : (
            <>
              <Alert
                type="error"
                showIcon
                message={t('import.failed')}
                description={state.event.phase === 'failed' ? state.event.error.message : undefined}
              />
              <Button onClick={() => setState({ step: 'choose' })} style={{ alignSelf: 'flex-start' }}>
                {t('import.again')}
              </Button>
            </>
          ))}
      </Flex>
    </Modal>
  );
}
