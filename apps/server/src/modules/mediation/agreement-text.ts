import {
  AGREEMENT_FORM_LABELS,
  type AgreementForm,
  DISPUTE_FIELD_LABELS,
  type DisputeField,
  PARTY_ROLE_LABELS,
  type PartyView,
  toBeijingDate,
} from '@shanzhi/shared';

/** What the 调解协议书 states (人民调解法 art. 29). */
export interface AgreementDocumentFacts {
  number: string;
  committeeName: string;
  mediatorName: string;
  field: DisputeField;
  form: AgreementForm;
  parties: readonly PartyView[];
  facts: string;
  issues: string | null;
  terms: readonly { content: string; how: string; dueDate: string }[];
  effectiveAt: Date;
}

/** One paragraph of the agreement: its words, bold for a heading, right-aligned for the number and the seal. */
export interface AgreementLine {
  text: string;
  bold?: boolean;
  right?: boolean;
}

/**
 * The 调解协议书 as words, in order, before any file format: the Word document and the PDF both lay out these,
 * so the two say the same.
 */
export interface AgreementText {
  title: string;
  /** the parties, the field, the facts and issues: before the terms */
  opening: AgreementLine[];
  /** the terms' table: its header and a row per term (序号, 协议内容, 履行方式, 履行期限) */
  termsHeader: readonly string[];
  termsRows: string[][];
  /** follow-up, entry into force, copies, and the places to sign and seal: after the terms */
  closing: AgreementLine[];
}

function partyLine(p: PartyView): AgreementLine {
  const contact = [p.phone && `联系电话：${p.phone}`, p.address && `住址：${p.address}`]
    .filter(Boolean)
    .join('，');
  const id = p.idNumber
    ? `，身份证号码：${p.idNumber}`
    : p.creditCode
      ? `，统一社会信用代码：${p.creditCode}`
      : '';
  const representative = p.representative ? `，法定代表人/负责人：${p.representative}` : '';
  return {
    text: `${PARTY_ROLE_LABELS[p.role]}：${p.name}${id}${representative}${contact ? `，${contact}` : ''}`,
  };
}

/** The signature places: each party (签名或按指印), the mediator, the committee's seal, the date. */
function signatureLines(facts: AgreementDocumentFacts): AgreementLine[] {
  return [
    ...facts.parties.map((p) => ({
      text: `${PARTY_ROLE_LABELS[p.role]}（签名或按指印）：________________　${p.name}`,
    })),
    { text: `人民调解员（签名）：________________　${facts.mediatorName}` },
    { text: `${facts.committeeName}（盖章）`, right: true },
    { text: toBeijingDate(facts.effectiveAt).replace(/^(\d+)-(\d+)-(\d+)$/, '$1年$2月$3日'), right: true },
  ];
}

/**
 * 人民调解协议书's wording: the parties, the facts and issues, the terms with how and by when each is performed,
 * the places for the parties' and the mediator's signatures and the committee's seal, and the copies (one per
 * party, one for the committee).
 */
export function agreementText(facts: AgreementDocumentFacts): AgreementText {
  const copies = facts.parties.length + 1;
  return {
    title: '人民调解协议书',
    opening: [
      { text: `编号：${facts.number}`, right: true },
      ...facts.parties.map(partyLine),
      { text: `纠纷类型：${DISPUTE_FIELD_LABELS[facts.field]}（${AGREEMENT_FORM_LABELS[facts.form]}）` },
      { text: '纠纷主要事实、争议事项：', bold: true },
      { text: facts.facts },
      ...(facts.issues ? [{ text: `争议事项：${facts.issues}` }] : []),
      { text: '经调解，双方自愿达成如下协议：', bold: true },
    ],
    termsHeader: ['序号', '协议内容', '履行方式', '履行期限'],
    termsRows: facts.terms.map((t, i) => [String(i + 1), t.content, t.how, t.dueDate]),
    closing: [
      { text: '履行协议的方式、时限如上。本委员会将对协议履行情况进行回访。' },
      {
        text: `本协议自各方当事人签名（或按指印）、人民调解员签名并加盖人民调解委员会印章之日起生效。本协议一式 ${copies} 份，当事人各执一份，人民调解委员会留存一份。`,
      },
      ...signatureLines(facts),
    ],
  };
}
