import type { ReactNode } from 'react';

/** A `Result`'s title as the page's one `<h1>` (a screen reader's way into the page), drawn as antd draws it. */
export function ResultHeading({ children }: { children: ReactNode }) {
  return (
    <h1 style={{ fontSize: 'inherit', fontWeight: 'inherit', lineHeight: 'inherit', margin: 0 }}>
      {children}
    </h1>
  );
}
