import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { type AgreementDocumentFacts, type AgreementLine, agreementText } from './agreement-text.js';

const FONT = 'SimSun';

const paragraph = ({ text, bold, right }: AgreementLine) =>
  new Paragraph({
    alignment: right ? AlignmentType.RIGHT : undefined,
    spacing: { after: 120 },
    children: [new TextRun({ text, bold, font: FONT, size: 24 })],
  });

const cell = (text: string, bold = false) =>
  new TableCell({ children: [paragraph({ text, bold })], width: { size: 25, type: WidthType.PERCENTAGE } });

function termsTable(header: readonly string[], rows: string[][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ children: header.map((h) => cell(h, true)) }),
      ...rows.map((row) => new TableRow({ children: row.map((value) => cell(value)) })),
    ],
  });
}

/** 人民调解协议书 as a Word document (.docx, the form offices edit and print). */
export async function agreementDocx(facts: AgreementDocumentFacts): Promise<Buffer> {
  const text = agreementText(facts);
  const document = new Document({
    creator: facts.committeeName,
    title: `${text.title} ${facts.number}`,
    sections: [
      {
        children: [
          new Paragraph({
            heading: HeadingLevel.TITLE,
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: text.title, bold: true, font: FONT, size: 36 })],
          }),
          ...text.opening.map(paragraph),
          termsTable(text.termsHeader, text.termsRows),
          ...text.closing.map(paragraph),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
