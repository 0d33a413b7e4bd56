import { petitionNumber, toBeijingDate } from '@shanzhi/shared';
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';

const FONT = 'SimSun';

/** What a 委托代办书 says: who entrusts whom with what, at which agency point. */
export interface EntrustmentFacts {
  petitionId: number;
  /** the petitioners' names as they sign */
  petitioners: readonly string[];
  agentName: string;
  orgName: string;
  matter: string;
  scope: string;
  at: Date;
}

const line = (text: string, options: { bold?: boolean; right?: boolean } = {}) =>
  new Paragraph({
    alignment: options.right ? AlignmentType.RIGHT : undefined,
    spacing: { after: 160 },
    children: [new TextRun({ text, bold: options.bold, font: FONT, size: 24 })],
  });

/** The lines of a 委托代办书, in order. */
export function entrustmentLines(f: EntrustmentFacts): string[] {
  return [
    `编号：${petitionNumber(f.petitionId)}`,
    `委托人（信访人）：${f.petitioners.join('、')}`,
    `受托人（代办员）：${f.agentName}（${f.orgName}）`,
    `信访事项：${f.matter}`,
    `委托事项：${f.scope}`,
    '委托人自愿委托受托人依照《信访工作条例》帮办代办上述信访事项，包括向有关机关反映、核实情况、跟踪办理并反馈办理结果。受托人应当如实反映委托人的诉求，及时反馈，不得泄露委托人的个人信息。',
    '本委托书自签字之日起生效，至该信访事项办结并回访之日止。委托人可以随时书面撤回委托。',
  ];
}

/** 委托代办书 as a Word document (.docx) to print, sign and scan back. */
export async function entrustmentDocx(f: EntrustmentFacts): Promise<Buffer> {
  const document = new Document({
    creator: f.orgName,
    title: `委托代办书 ${petitionNumber(f.petitionId)}`,
    sections: [
      {
        children: [
          new Paragraph({
            heading: HeadingLevel.TITLE,
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: '信访事项委托代办书', bold: true, font: FONT, size: 36 })],
          }),
          ...entrustmentLines(f).map((text) => line(text)),
          line('委托人（签字/按印）：__________', { right: true }),
          line('受托人（签字）：__________', { right: true }),
          line(`日期：${toBeijingDate(f.at)}`, { right: true }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
