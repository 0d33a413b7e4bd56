import fs from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { type AgreementDocumentFacts, type AgreementLine, agreementText } from './agreement-text.js';

const require = createRequire(import.meta.url);
/** Noto Sans SC (SIL OFL), regular and bold: the PDF embeds the glyphs it uses, so it reads the same anywhere. */
const FONT_FILES = {
  regular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
};
let fonts: { regular: Buffer; bold: Buffer } | undefined;
/** The two faces, read once (10 MB each) and kept. */
function fontFaces(): { regular: Buffer; bold: Buffer } {
  fonts ??= {
    regular: fs.readFileSync(require.resolve(FONT_FILES.regular)),
    bold: fs.readFileSync(require.resolve(FONT_FILES.bold)),
  };
  return fonts;
}

const MARGIN = 56;
const BODY_SIZE = 11.5;
const CELL_PADDING = 4;
/** The terms' columns as shares of the text width: 序号, 协议内容, 履行方式, 履行期限. */
const COLUMN_SHARES = [0.08, 0.48, 0.24, 0.2];

function paragraph(doc: PDFKit.PDFDocument, { text, bold, right }: AgreementLine): void {
  doc
    .font(bold ? 'bold' : 'regular')
    .fontSize(BODY_SIZE)
    .text(text, { align: right ? 'right' : 'left', lineGap: 3, paragraphGap: 6 });
}

/** One row of the terms' table: its cells framed, the row moved to a new page when it does not fit. */
function tableRow(doc: PDFKit.PDFDocument, cells: readonly string[], widths: number[], bold: boolean): void {
  doc.font(bold ? 'bold' : 'regular').fontSize(BODY_SIZE);
  const height =
    Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: widths[i]! - 2 * CELL_PADDING }))) +
    2 * CELL_PADDING;
  if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
  const top = doc.y;
  let x = MARGIN;
  cells.forEach((c, i) => {
    const width = widths[i]!;
    doc.rect(x, top, width, height).stroke();
    doc.text(c, x + CELL_PADDING, top + CELL_PADDING, { width: width - 2 * CELL_PADDING });
    x += width;
  });
  doc.x = MARGIN;
  doc.y = top + height;
}

/** 人民调解协议书 as a PDF (A4): the same words as the Word document, laid out for printing and signing. */
export function agreementPdf(facts: AgreementDocumentFacts): Promise<Buffer> {
  const text = agreementText(facts);
  const faces = fontFaces();
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: `${text.title} ${facts.number}`, Author: facts.committeeName },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', faces.regular);
  doc.registerFont('bold', faces.bold);
  doc.font('bold').fontSize(20).text(text.title, { align: 'center', paragraphGap: 12 });
  for (const line of text.opening) paragraph(doc, line);
  const width = doc.page.width - 2 * MARGIN;
  const widths = COLUMN_SHARES.map((share) => share * width);
  tableRow(doc, text.termsHeader, widths, true);
  for (const row of text.termsRows) tableRow(doc, row, widths, false);
  doc.moveDown();
  for (const line of text.closing) paragraph(doc, line);
  doc.end();
  return done;
}
