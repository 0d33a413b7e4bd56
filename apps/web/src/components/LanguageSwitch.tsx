import { TranslationOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useI18n } from '../i18n/I18nProvider.js';

/** Switches the interface between Chinese and English; the choice is remembered on this browser. */
export function LanguageSwitch({ className, iconOnly = false }: { className?: string; iconOnly?: boolean }) {
  const { locale, setLocale, t } = useI18n();
  const next = locale === 'en' ? 'zh-CN' : 'en';
  return (
    <Button
      type="text"
      className={className}
      icon={<TranslationOutlined />}
      onClick={() => setLocale(next)}
      // a screen reader's name starts with the word shown (English), then says what the button does
      aria-label={iconOnly ? t('lang.switchLabel') : `${t('lang.switchTo')}（${t('lang.switchLabel')}）`}
      lang={next}
    >
      {iconOnly ? null : t('lang.switchTo')}
    </Button>
  );
}
