import { Flex, Typography } from 'antd';

/** What the colours of a map's pins mean: a dot and its label for each. */
export function MapLegend({ entries }: { entries: readonly { color: string; label: string }[] }) {
  return (
    <Flex gap={10} style={{ fontSize: 12 }}>
      {entries.map(({ color, label }) => (
        <Flex key={label} gap={4} align="center">
          <span
            style={{ width: 10, height: 10, borderRadius: 5, background: color, display: 'inline-block' }}
          />
          <Typography.Text type="secondary">{label}</Typography.Text>
        </Flex>
      ))}
    </Flex>
  );
}
