import type { FastifyReply } from 'fastify';

/** The media type of an Excel workbook (.xlsx). */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The media type of a Word document (.docx). */
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** `Content-Disposition` with an ASCII fallback and the UTF-8 name (RFC 5987 / RFC 6266 `filename*`). */
export function contentDispositionOf(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '').replace(/["\\]/g, '') || 'export.xlsx';
  const fallback = ascii.startsWith('_') ? `cases${ascii}` : ascii;
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** Answers a workbook built for this request as a download named `fileName`, never cached. */
export function sendWorkbook(reply: FastifyReply, fileName: string, workbook: Buffer): FastifyReply {
  return reply
    .header('content-type', XLSX_TYPE)
    .header('content-disposition', contentDispositionOf(fileName))
    .header('cache-control', 'no-store')
    .send(workbook);
}
