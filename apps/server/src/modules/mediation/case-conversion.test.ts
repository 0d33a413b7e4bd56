import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTBOX_SUBSCRIBERS } from '../../outbox-subscribers.js';
import { expectError } from '../../test/api.js';
import { runOutboxDispatch } from '../notifications/jobs/outbox-dispatch.job.js';
import { createMediationWorld, type MediationWorld } from './mediation.test-support.js';

let w: MediationWorld;
beforeAll(async () => {
  w = await createMediationWorld();
});
afterAll(() => w.api.close());

const CALL = {
  source: 'hotline_12345',
  type: 'complaint',
  content: '楼上邻居家卫生间漏水，渗到我家天花板，找他多次不理，要求协调维修和赔偿。',
  citizenName: '王秀英',
  citizenPhone: '13947312345',
  address: '育红社区3号楼301室',
};

const TERMS = [
  {
    content: '李建国修复卫生间防水并赔偿粉刷费 800 元',
    how: '请维修人员施工，微信转账',
    dueDate: '2026-10-25',
  },
];

async function documentText(bytes: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  return xml.replace(/<[^>]+>/g, '');
}

describe('a 12345 case that is a dispute (转人民调解)', () => {
  it('becomes a dispute, follows it, and is closed with its outcome; the agreement downloads as .docx and .pdf', async () => {
    const registered = await w.send('agent', '/api/v1/cases', CALL);
    expect(registered.statusCode, registered.body).toBe(201);
    const kase = registered.json();
    expect(kase.actions).toContain('convert_to_dispute');
    expect(kase).toMatchObject({ disputeId: null, disputeNumber: null });
    const converted = await w.send('agent', `/api/v1/cases/${kase.id}/actions/convert_to_dispute`, {
      version: kase.version,
      field: 'neighbour',
      orgId: w.yuhong.orgId,
      respondent: { role: 'respondent', kind: 'person', name: '李建国', phone: '13947354321' },
    });
    expect(converted.statusCode, converted.body).toBe(200);
    const { disputeId } = converted.json();
    const again = await w.send('agent', `/api/v1/cases/${kase.id}/actions/convert_to_dispute`, {
      version: kase.version + 1,
    });
    expectError(again, 409, 'ALREADY_CONVERTED');

    const dispute = (await w.get('mediator', `/api/v1/mediation/disputes/${disputeId}`)).json();
    expect(dispute).toMatchObject({
      source: 'case_12345',
      caseId: kase.id,
      committee: { id: w.yuhong.committeeId },
      applicantNames: ['王秀英'],
      respondentNames: ['李建国'],
    });
    const following = (await w.get('agent', `/api/v1/cases/${kase.id}`)).json();
    expect(following.timeline.at(-1)).toMatchObject({ action: 'convert_to_dispute', changes: { disputeId } });
    expect(following).toMatchObject({ disputeId, disputeNumber: dispute.number });
    expect(following.actions).not.toContain('convert_to_dispute');

    const mediatorId = await w.mediatorOf(w.yuhong.committeeId);
    for (const [action, body] of [
      ['accept', {}],
      ['assign', { committeeId: w.yuhong.committeeId, mediatorId }],
      ['consent', {}],
      [
        'record_session',
        { mode: 'online', heldAt: '2026-10-13T02:00:00.000Z', minutes: '双方在线陈述，同意修复并赔偿。' },
      ],
      ['agree', { form: 'written', issues: '维修责任与赔偿金额', terms: TERMS }],
    ] as const) {
      const done = await w.act('mediator', disputeId, action, body);
      expect(done.statusCode, done.body).toBe(200);
    }
    await runOutboxDispatch(w.api.ctx, { subscribers: OUTBOX_SUBSCRIBERS });
    const closed = (await w.get('agent', `/api/v1/cases/${kase.id}`)).json();
    expect(closed.state).toBe('closed');
    expect(closed.timeline.at(-1)).toMatchObject({
      action: 'conclude_by_mediation',
      actor: { name: '系统' },
    });
    expect(closed.timeline.at(-1).note).toContain('调解成功');
    expect(closed).toMatchObject({ disputeId, disputeNumber: dispute.number });
    expect(closed.actions).not.toContain('convert_to_dispute');

    const docx = await w.get('mediator', `/api/v1/mediation/disputes/${disputeId}/agreement.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    const text = await documentText(docx.rawPayload);
    for (const expected of [
      '人民调解协议书',
      '王秀英',
      '李建国',
      TERMS[0]!.content,
      TERMS[0]!.how,
      '2026-10-25',
      '盖章',
    ]) {
      expect(text).toContain(expected);
    }
    const pdf = await w.get('mediator', `/api/v1/mediation/disputes/${disputeId}/agreement.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toContain('.pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('offers 转人民调解 among a case’s actions only to those the step allows, as long as the case is open', async () => {
    const kase = (await w.send('agent', '/api/v1/cases', CALL)).json();
    const offered = async (user: string) =>
      (await w.get(user, `/api/v1/cases/${kase.id}`)).json().actions.includes('convert_to_dispute');
    expect(await offered('agent')).toBe(true);
    expect(await offered('dispatcher')).toBe(true);
    // reads the case, but neither his role nor his permissions convert it
    expect(await offered('supervisor')).toBe(false);

    const invalidated = await w.send('dispatcher', `/api/v1/cases/${kase.id}/actions/invalidate`, {
      version: kase.version,
      reason: '重复来电，已在另一工单登记',
    });
    expect(invalidated.statusCode, invalidated.body).toBe(200);
    expect(invalidated.json().actions).not.toContain('convert_to_dispute');
    expect(await offered('agent')).toBe(false);
    expectError(
      await w.send('agent', `/api/v1/cases/${kase.id}/actions/convert_to_dispute`, {
        version: invalidated.json().version,
        orgId: w.yuhong.orgId,
      }),
      409,
      'TRANSITION_NOT_ALLOWED',
    );
  });

  it('has no agreement document before an agreement', async () => {
    const registered = (await w.send('agent', '/api/v1/cases', CALL)).json();
    const { disputeId } = (
      await w.send('agent', `/api/v1/cases/${registered.id}/actions/convert_to_dispute`, {
        version: registered.version,
        orgId: w.yuhong.orgId,
      })
    ).json();
    expectError(
      await w.get('mediator', `/api/v1/mediation/disputes/${disputeId}/agreement.docx`),
      404,
      'NOT_FOUND',
    );
  });
});
