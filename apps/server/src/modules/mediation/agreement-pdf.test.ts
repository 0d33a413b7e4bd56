import { inflateSync } from 'node:zlib';
import type { PartyRole, PartyView } from '@shanzhi/shared';
import { describe, expect, it } from 'vitest';
import { agreementPdf } from './agreement-pdf.js';
import type { AgreementDocumentFacts } from './agreement-text.js';

const party = (id: number, role: PartyRole, name: string, phone: string, address: string): PartyView => ({
  id,
  role,
  kind: 'person',
  name,
  idNumber: null,
  creditCode: null,
  representative: null,
  phone,
  address,
  email: null,
  confirmedAt: null,
  confirmationMethod: null,
});

const FACTS: AgreementDocumentFacts = {
  number: 'TJ2026120700012',
  committeeName: '育红社区人民调解委员会',
  mediatorName: '董桂兰',
  field: 'neighbour',
  form: 'written',
  parties: [
    party(1, 'applicant', '王秀英', '139****2345', '育红社区3号楼301室'),
    party(2, 'respondent', '李建国', '138****1234', '育红社区3号楼401室'),
  ],
  facts: '楼上卫生间漏水渗到楼下天花板。'.repeat(8),
  issues: null,
  terms: [{ content: '李建国修复卫生间防水并赔偿粉刷费 800 元', how: '微信转账', dueDate: '2026-12-25' }],
  effectiveAt: new Date('2026-12-07T02:00:00Z'),
};

/** Every character the PDF's embedded fonts map back to text (their ToUnicode tables): the glyphs it draws. */
function drawnCharacters(pdf: Buffer): Set<string> {
  const characters = new Set<string>();
  for (const match of pdf.toString('latin1').matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let text: string;
    try {
      text = inflateSync(Buffer.from(match[1]!, 'latin1')).toString('latin1');
    } catch {
      continue; // a stream that is not deflated text (e.g. the font program's own encoding)
    }
    for (const range of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
      for (const array of range[1]!.matchAll(/\[([^\]]*)\]/g)) {
        for (const hex of array[1]!.match(/<[0-9a-f]+>/gi) ?? []) {
          characters.add(String.fromCharCode(Number.parseInt(hex.slice(1, -1), 16)));
        }
      }
    }
  }
  return characters;
}

describe('the 调解协议书 as a PDF', () => {
  it('is one A4 page with its font embedded and the glyphs of the parties, the terms and the seal', async () => {
    const pdf = await agreementPdf(FACTS);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1').trimEnd().endsWith('%%EOF')).toBe(true);
    const body = pdf.toString('latin1');
    expect(body.match(/\/Type \/Page\b/g)).toHaveLength(1);
    expect(body).toContain('/MediaBox [0 0 595.28 841.89]');
    expect(body).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC/);
    const drawn = drawnCharacters(pdf);
    for (const words of [
      '人民调解协议书',
      '王秀英',
      '李建国',
      '修复卫生间防水并赔偿粉刷费',
      '微信转账',
      '育红社区人民调解委员会',
      '盖章',
      '按指印',
    ]) {
      for (const character of words) expect(drawn, `${words}: ${character}`).toContain(character);
    }
    expect(drawn).not.toContain('龘');
  });

  it('breaks a long list of terms over pages, each row whole', async () => {
    const terms = Array.from({ length: 60 }, (_, i) => ({
      content: `第${i + 1}项：按期支付款项`,
      how: '转账',
      dueDate: '2027-01-31',
    }));
    const pdf = await agreementPdf({ ...FACTS, terms });
    expect(pdf.toString('latin1').match(/\/Type \/Page\b/g)!.length).toBeGreaterThan(1);
  });
});
