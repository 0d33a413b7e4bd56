import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { ChartImage } from './report-charts.js';
import type { ReportContent } from './report-content.js';
import { formatRate } from './report-format.js';
import { reportSummary } from './report-summary.js';
import type { ReportCell, ReportTable } from './report-tables.js';

const FONT = 'SimSun';
const HEADING_FONT = 'SimHei';
const RED = 'C00000';

/** The charts a document shows, drawn beforehand. */
export interface ReportCharts {
  trend: ChartImage;
  source: ChartImage;
  area: ChartImage;
}

function cellText(value: ReportCell): string {
  if (value === null) return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if ('rate' in value) return formatRate(value.rate);
  if (value.points === null) return '—';
  const points = value.points * 100;
  return `${points >= 0 ? '+' : ''}${points.toFixed(2)}`;
}

const text = (
  value: string,
  options: { bold?: boolean; size?: number; color?: string; font?: string } = {},
) => new TextRun({ text: value, font: options.font ?? FONT, size: options.size ?? 24, ...options });

const body = (value: string) =>
  new Paragraph({ spacing: { after: 120, line: 360 }, indent: { firstLine: 480 }, children: [text(value)] });

const heading = (value: string) =>
  new Paragraph({
    heading: HeadingLevel.HEADING_1,
    spacing: { before: 240, after: 120 },
    children: [text(value, { bold: true, size: 30, font: HEADING_FONT })],
  });

const caption = (value: string) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 120, after: 60 },
    children: [text(value, { bold: true, size: 21 })],
  });

function tableOf(table: ReportTable): (Paragraph | Table)[] {
  const cell = (value: ReportCell, header: boolean) =>
    new TableCell({
      shading: header ? { type: ShadingType.CLEAR, fill: 'DCE6F2', color: 'auto' } : undefined,
      children: [new Paragraph({ children: [text(cellText(value), { bold: header, size: 18 })] })],
    });
  const rows =
    table.rows.length > 0
      ? table.rows.map((row) => new TableRow({ children: row.map((v) => cell(v, false)) }))
      : [
          new TableRow({
            children: [
              new TableCell({
                columnSpan: table.headers.length,
                children: [new Paragraph({ children: [text('本期无', { size: 18 })] })],
              }),
            ],
          }),
        ];
  return [
    caption(table.title),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [new TableRow({ tableHeader: true, children: table.headers.map((h) => cell(h, true)) }), ...rows],
    }),
  ];
}

function chart(image: ChartImage): Paragraph {
  // 15 cm wide on the page, whatever the pixels
  const width = 567;
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [
      new ImageRun({
        type: 'png',
        data: image.png,
        transformation: { width, height: Math.round((width * image.height) / image.width) },
      }),
    ],
  });
}

function masthead(c: ReportContent, generatedAt: string): Paragraph[] {
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 120 },
      children: [text('研判专刊', { bold: true, size: 64, color: RED, font: HEADING_FONT })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: RED, space: 4 } },
      spacing: { after: 240 },
      children: [text(`善治 · 市域社会治理智能化综合平台　　${generatedAt}`, { size: 21 })],
    }),
    new Paragraph({
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [text(c.title, { bold: true, size: 36, font: HEADING_FONT })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [text(`统计周期：${c.from} 至 ${c.to}（北京时间）`, { size: 21 })],
    }),
  ];
}

/**
 * The 研判专刊 of a report as a Word document: masthead, title, org and period, the summary, the charts and
 * the tables (the same tables the workbook holds), and the top problems with their masked examples.
 */
export async function writeReportDocument(
  c: ReportContent,
  tables: ReportTable[],
  charts: ReportCharts,
  generatedAt: string,
): Promise<Buffer> {
  const [overview, bySource, byChannel, byType, byArea, ranking, overdue, problems, warnings] = tables as [
    ReportTable,
    ReportTable,
    ReportTable,
    ReportTable,
    ReportTable,
    ReportTable,
    ReportTable,
    ReportTable,
    ReportTable,
  ];
  const problemParagraphs = c.topProblems.flatMap((p, i) => [
    body(
      `${i + 1}. ${p.name}（${p.areaName ?? '未分类'}）：本期 ${p.count} 件，上期 ${p.previous} 件，${p.tendency}。`,
    ),
    ...p.examples.map((e) => body(`典型案例 ${e.number}：${e.text}`)),
  ]);
  const document = new Document({
    creator: '善治 shanzhi',
    title: c.title,
    sections: [
      {
        children: [
          ...masthead(c, generatedAt),
          heading('一、总体情况'),
          ...reportSummary(c).map(body),
          chart(charts.trend),
          ...tableOf(overview),
          heading('二、诉求来源与分布'),
          chart(charts.source),
          ...tableOf(bySource),
          ...tableOf(byChannel),
          ...tableOf(byType),
          chart(charts.area),
          ...tableOf(byArea),
          heading('三、考核排名与通报'),
          ...tableOf(ranking),
          heading('四、超期工单'),
          ...tableOf(overdue),
          heading('五、热点问题研判（全局性、倾向性、苗头性）'),
          ...(problemParagraphs.length > 0 ? problemParagraphs : [body('本期无登记诉求。')]),
          ...tableOf(problems),
          heading('六、预警情况'),
          ...tableOf(warnings),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
