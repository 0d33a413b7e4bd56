import { Flex, Spin, theme } from 'antd';

/** A centred spinner with a line of text, announced to screen readers. Light: it is part of the app's entry. */
export function PageLoading({ label, fullHeight = false }: { label?: string; fullHeight?: boolean }) {
  const { token } = theme.useToken();
  return (
    <Flex
      vertical
      align="center"
      justify="center"
      gap={12}
      role="status"
      aria-live="polite"
      style={{ minHeight: fullHeight ? '100vh' : 240 }}
    >
      <Spin size="large" />
      {label && <span style={{ color: token.colorTextSecondary }}>{label}</span>}
    </Flex>
  );
}
