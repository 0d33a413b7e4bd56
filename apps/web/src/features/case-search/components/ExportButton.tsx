import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Spin, Typography } from 'antd';
import { useRef, useState } from 'react';
import { errorText } from '../../../i18n/error-text.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { withQuery } from '../../../platform/api/index.js';
import { formatBytes } from '../../../platform/format/format-bytes.js';
import { type DownloadProgress, downloadFile, saveBlob } from '../api/case-search.api.js';

/**
 * 导出 Excel: streams `path` with `fetch`, showing the bytes received (and the rows the server announced), then
 * saves the file. A refusal (too many rows, no permission) is shown beside the button.
 */
export function ExportButton({
  path,
  query,
  fallbackName,
  label,
}: {
  path: string;
  query: Record<string, string | number | undefined>;
  fallbackName: string;
  label?: string;
}) {
  const { t } = useI18n();
  const [progress, setProgress] = useState<DownloadProgress | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);

  async function run() {
    abort.current = new AbortController();
    setFailure(null);
    setDone(null);
    setProgress({ bytes: 0, rows: null });
    try {
      const { blob, fileName } = await downloadFile(
        withQuery(path, query),
        setProgress,
        abort.current.signal,
      );
      saveBlob(blob, fileName ?? fallbackName);
      setDone(t('export.done', { size: formatBytes(blob.size) }));
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return;
      setFailure(errorText(error, t));
    } finally {
      setProgress(null);
      abort.current = null;
    }
  }

  return (
    <Space direction="vertical" size={4} style={{ alignItems: 'flex-end' }}>
      <Space>
        {progress && (
          <>
            <Spin size="small" />
            <Typography.Text type="secondary" data-testid="export-progress">
              {t('export.progress', { size: formatBytes(progress.bytes) })}
              {progress.rows !== null && ` · ${t('export.rows', { rows: progress.rows })}`}
            </Typography.Text>
            <Button size="small" onClick={() => abort.current?.abort()}>
              {t('export.cancel')}
            </Button>
          </>
        )}
        <Button icon={<DownloadOutlined />} loading={progress !== null} onClick={() => void run()}>
          {label ?? t('export.excel')}
        </Button>
      </Space>
      {failure && <Alert type="error" showIcon message={failure} style={{ maxWidth: 420 }} />}
      {done && !failure && <Typography.Text type="success">{done}</Typography.Text>}
    </Space>
  );
}
