import { Image } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { fetchPortalOrderPhoto } from '../api/market.api.js';

/**
 * 完工照片 of an order: staff and the merchant load it by its URL (their session cookie goes along); the portal
 * citizen, who has no session, by his order's 查询码 (`code`) sent as a header, shown from a blob.
 */
export function CompletionPhoto({ url, code }: { url: string; code?: string }) {
  const { t } = useI18n();
  const [src, setSrc] = useState<string | null>(code ? null : url);
  useEffect(() => {
    if (!code) {
      setSrc(url);
      return;
    }
    let objectUrl: string | null = null;
    const controller = new AbortController();
    fetchPortalOrderPhoto(url, code, controller.signal)
      .then((blob) => {
        objectUrl = URL.createObjectURL(blob);
        setSrc(objectUrl);
      })
      .catch(() => setSrc(null));
    return () => {
      controller.abort();
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [url, code]);
  if (!src) return null;
  return (
    <Image src={src} width={160} alt={t('market.completionPhoto')} data-testid="market-completion-photo" />
  );
}
