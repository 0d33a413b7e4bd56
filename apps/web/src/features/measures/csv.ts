/**
 * A CSV file Excel opens correctly: UTF-8 with a byte-order mark (so Chinese text is not garbled), CRLF line
 * ends, and every cell quoted. Used for the ranking export, which has no server export: a real .xlsx would
 * need a spreadsheet library in the browser bundle.
 */
export function csvBlob(rows: readonly (readonly (string | number)[])[]): Blob {
  const text = rows
    .map((row) => row.map((cell) => `"${neutralise(String(cell)).replaceAll('"', '""')}"`).join(','))
    .join('\r\n');
  return new Blob(['\uFEFF', text, '\r\n'], { type: 'text/csv;charset=utf-8' });
}

/** A text cell that Excel would run as a formula (`=…`, `+…`, `@…`) is kept as text. */
function neutralise(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) && Number.isNaN(Number(cell)) ? `'${cell}` : cell;
}
