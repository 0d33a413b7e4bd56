/** The platform's emblem: the character 治 on a blue seal, drawn inline (no image request). */
export function BrandMark({ size = 48 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 48 48" aria-hidden="true" focusable="false">
      <defs>
        <linearGradient id="shanzhi-mark" x1="0" y1="0" x2="1" y2="1">
          <stop offset="0" stopColor="#2f6bff" />
          <stop offset="1" stopColor="#0a3fb8" />
        </linearGradient>
      </defs>
      <rect x="1" y="1" width="46" height="46" rx="11" fill="url(#shanzhi-mark)" />
      <rect x="5" y="5" width="38" height="38" rx="8" fill="none" stroke="#ffffff" strokeOpacity="0.35" />
      <text
        x="24"
        y="32.5"
        textAnchor="middle"
        fontSize="24"
        fontWeight="700"
        fill="#ffffff"
        fontFamily="'PingFang SC','Microsoft YaHei','Noto Sans CJK SC','Source Han Sans SC',sans-serif"
      >
        治
      </text>
    </svg>
  );
}
