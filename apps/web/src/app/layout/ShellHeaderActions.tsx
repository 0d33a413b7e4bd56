import { KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import type { MeResponse } from '@shanzhi/shared';
import { App, Avatar, Button, Flex, Tag, Tooltip, Typography, theme } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { LanguageSwitch } from '../../components/LanguageSwitch.js';
import { logout } from '../../features/auth/api/auth.api.js';
import { ChangePasswordModal } from '../../features/auth/components/ChangePasswordModal.js';
import { clearSession } from '../../features/auth/hooks/use-session.js';
import { NotificationBell } from '../../features/notifications/components/NotificationBell.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { roleLabel } from '../../i18n/labels.js';

/**
 * The top bar's right side: who is signed in (name, org, roles), the language switch and sign-out. On a phone
 * (`compact`) an avatar stands for the user (name and org on a tap) and the buttons keep their icons.
 */
export function ShellHeaderActions({ me, compact = false }: { me: MeResponse; compact?: boolean }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [leaving, setLeaving] = useState(false);
  const [changingPassword, setChangingPassword] = useState(false);
  const { token } = theme.useToken();

  async function signOut() {
    setLeaving(true);
    try {
      await logout();
      clearSession();
      navigate('/login', { replace: true });
    } catch {
      setLeaving(false);
      message.error(t('shell.logoutFailed'));
    }
  }

  const avatar = (
    <Avatar size="small" icon={<UserOutlined />} style={{ background: token.colorPrimary, flex: 'none' }} />
  );
  return (
    <Flex align="center" gap={compact ? 4 : 12} wrap={false} style={{ minWidth: 0 }}>
      {compact ? (
        // a phone has room for the avatar only: who and where on a tap
        <Tooltip title={`${me.user.displayName} · ${me.org.name}`} trigger={['click', 'hover']}>
          <span role="img" aria-label={me.user.displayName} style={{ display: 'inline-flex', padding: 4 }}>
            {avatar}
          </span>
        </Tooltip>
      ) : (
        <Flex align="center" gap={8} style={{ minWidth: 0 }}>
          {avatar}
          <Flex vertical style={{ lineHeight: 1.3, minWidth: 0 }}>
            <Typography.Text strong ellipsis>
              {me.user.displayName}
            </Typography.Text>
            <Tooltip title={me.org.name}>
              <Typography.Text type="secondary" ellipsis style={{ fontSize: 12, maxWidth: 220 }}>
                {me.org.name}
              </Typography.Text>
            </Tooltip>
          </Flex>
          <span>
            {me.roles.map((role) => (
              <Tag key={role} color="blue" bordered={false} style={{ marginInlineEnd: 4 }}>
                {roleLabel(role, locale)}
              </Tag>
            ))}
          </span>
        </Flex>
      )}
      {me.permissions.includes('notification.read') && <NotificationBell />}
      <LanguageSwitch iconOnly={compact} />
      <Button
        type="text"
        icon={<KeyOutlined />}
        onClick={() => setChangingPassword(true)}
        aria-label={compact ? t('shell.changePassword') : undefined}
      >
        {compact ? null : t('shell.changePassword')}
      </Button>
      <ChangePasswordModal open={changingPassword} onClose={() => setChangingPassword(false)} />
      <Button
        type="text"
        icon={<LogoutOutlined />}
        onClick={signOut}
        loading={leaving}
        aria-label={compact ? t('shell.logout') : undefined}
      >
        {compact ? null : t('shell.logout')}
      </Button>
    </Flex>
  );
}
