/**
 * Outgoing documents (发文) and bulletins (简报 / 专报) end to end through HTTP on the 004 seed: a
 * 专报 compiled from two adopted information reports, reviewed by the office (办公室主任审核) and
 * signed by a 副组长 (第十三条), numbered (发文字号 from the body's register, 第1期 of the series)
 * and delivered to its recipients' inboxes; a thematic group's paper in the office's name reviewed
 * by the group's 组长 and signed by the office (第十一条); wrong signers and wrong step order refused
 * with the clause; bad input refused in Chinese; every step audited; the register concurrency-safe.
 * The 003 seed: the bulletin series named by the charter's own words, with its 报/送 lines.
 */
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { z } from 'zod';
import type { bulletinSchema, bulletinSeriesSchema } from '../../src/contracts/bulletins.ts';
import type { OutgoingDocumentResponse } from '../../src/contracts/outgoing-documents.ts';
import type { ReportOfferResponse } from '../../src/contracts/reports.ts';
import type { GroupResponse } from '../../src/contracts/groups.ts';
import { nextDocumentNumber } from '../../src/services/outgoing-documents/document-register.ts';
import { SweepScheduler } from '../../src/services/sweep-scheduler.ts';
import { describeDatabases } from './harness.ts';
import { MeetingScenario } from './factories/meetings.ts';
import { bodyUser, publishTestBody } from './factories/bodies.ts';

const quiet = { info() {}, warn() {}, error() {} };

type BulletinResponse = z.infer<typeof bulletinSchema>;
type BulletinSeriesResponse = z.infer<typeof bulletinSeriesSchema>;

describeDatabases('outgoing documents and bulletins', (t) => {
  it('seed 004: a 专报 from two adopted reports, reviewed by the office, signed by a 副组长, numbered and delivered; a group paper in its own chain', async () => {
    const { s, leader, units } = await MeetingScenario.seed004WithUnits(t, ['市政务服务管理办公室', '市市场监督管理局', '市司法局']);
    const [a, b, c] = units;
    if (!a || !b || !c) throw new Error('units missing');
    const [gA, gB] = (await s.groups()).filter((g) => g.kind === 'thematic') as [GroupResponse, GroupResponse];
    await s.call(s.office, 'PUT', `${s.base}/groups/${gA.id}`, { leadUnitIds: [a.unitId], reason: '明确牵头单位' });
    await s.call(s.office, 'PUT', `${s.base}/groups/${gB.id}`, { leadUnitIds: [b.unitId], reason: '明确牵头单位' });
    const liaisonA = await s.personUser((await s.startMembership({ roleKind: 'liaison', title: '联络员', unitId: a.unitId, personName: '联络员甲', validFrom: '2021-03-01' })).personId ?? '', 'liaisonA');
    const liaisonB = await s.personUser((await s.startMembership({ roleKind: 'liaison', title: '联络员', unitId: b.unitId, personName: '联络员乙', validFrom: '2021-03-01' })).personId ?? '', 'liaisonB');
    // The member of group A's lead unit leads group A (its 组长)
    const groupLeader = await s.personUser((await s.startMembership({ roleKind: 'member', title: '成员', unitId: a.unitId, personName: '成员甲', validFrom: '2021-03-01' })).personId ?? '', 'groupLeaderA');
    const deputyRoster = (await s.memberships('?at=2021-03-01')).find((m) => m.roleKind === 'deputy_convener');
    const deputyMembership = await s.startMembership({ roleKind: 'deputy_convener', title: deputyRoster?.title ?? '副组长', unitId: null, personName: '副组长乙', validFrom: '2021-02-01' });
    const deputy = await s.personUser(deputyMembership.personId ?? '', 'deputy');

    // Two groups report; the office adopts both for a bulletin
    await s.moveClock(new Date('2021-03-10T02:00:00Z'));
    const offerIds: string[] = [];
    for (const [user, unit, group, title] of [
      [liaisonA, a, gA, '精简审批事项进展'],
      [liaisonB, b, gB, '优化营商环境新举措'],
    ] as const) {
      const submitted = await s.call<{ offers: ReportOfferResponse[] }>(
        user,
        'POST',
        '/api/info-reports',
        { unitId: unit.unitId, title, text: `${title}：本月完成三项工作。\n下一步继续推进。`, category: '工作动态', offers: [{ bodyId: s.bodyId, groupId: group.id }] },
        201,
      );
      const offerId = submitted.offers[0]?.id ?? '';
      await s.call(s.office, 'POST', `${s.base}/info-reports/${offerId}/decision`, { decision: 'adopt' });
      offerIds.push(offerId);
    }

    // The charter's series: 编发工作专报 (第六条) — the body's name and the paper the rule names
    const series = await s.call<BulletinSeriesResponse>(s.office, 'GET', `${s.base}/bulletin-series`);
    expect(series.name).toMatch(/协调小组工作专报$/u);
    expect(series.namedByCharter).toBe(false);
    expect(series.clause?.clause).toBe('第六条');

    // The office sets the body's prefix (某办〔2021〕N号)
    const register = await s.call<{ prefix: string; nextDocNumber: string; isDefault: boolean }>(s.office, 'PUT', `${s.base}/document-registers/body`, { prefix: '启放管服' });
    expect(register).toMatchObject({ prefix: '启放管服', nextDocNumber: '启放管服〔2021〕1号', isDefault: false });
    await s.refused(s.office, 'PUT', `${s.base}/document-registers/body`, { prefix: '启放管服〔2021〕' }, 400, 'validation_failed');
    await s.refused(liaisonA, 'PUT', `${s.base}/document-registers/body`, { prefix: '某办' }, 403, 'forbidden');

    // Bad input: an empty bulletin, an unknown recipient, a report not adopted
    const compile = { issuedInNameOf: 'body', reportIds: offerIds, articles: [{ title: '办公室按语', text: '各专题组要继续做好信息报送。' }], recipientUnitIds: [a.unitId, b.unitId, c.unitId], recipientRoles: ['convener', 'deputy_convener'], reportTo: ['市长', '副市长'] };
    const empty = await s.refused(s.office, 'POST', `${s.base}/bulletins`, { ...compile, reportIds: [], articles: [] }, 422, 'bulletin_empty');
    expect(empty.message).toContain('至少要有一篇文章');
    const unknown = await s.refused(s.office, 'POST', `${s.base}/bulletins`, { ...compile, recipientUnitIds: [randomUUID()] }, 422, 'bulletin_recipient_unknown');
    expect(unknown.field).toBe('recipientUnitIds.0');
    expect(unknown.message).toContain('成员单位');
    await s.refused(s.office, 'POST', `${s.base}/bulletins`, { ...compile, reportIds: [randomUUID()] }, 422, 'bulletin_report_not_adopted');
    await s.refused(liaisonA, 'POST', `${s.base}/bulletins`, compile, 403, 'forbidden');

    const bulletin = await s.call<BulletinResponse>(s.office, 'POST', `${s.base}/bulletins`, compile, 201);
    expect(bulletin.articles.map((x) => [x.title, x.reporterName])).toEqual([
      ['精简审批事项进展', gA.name],
      ['优化营商环境新举措', gB.name],
      ['办公室按语', null],
    ]);
    expect(bulletin.series).toBe(series.name);
    expect(bulletin.issueNumber).toBeNull();
    expect(bulletin.document.chain.map((x) => [x.step, x.label, x.clause.clause])).toEqual([
      ['review', '办公室主任审核', '第十三条'],
      ['sign', '组长或副组长签发', '第十三条'],
    ]);
    const docUrl = `${s.base}/outgoing-documents/${bulletin.document.id}`;

    // Wrong step order: nothing before it is submitted; no signing before the review
    const early = await s.refused(deputy, 'POST', `${docUrl}/sign`, undefined, 409, 'outgoing_document_step_out_of_order');
    expect(early.message).toContain('尚未提交');
    const submitted = await s.call<OutgoingDocumentResponse>(s.office, 'POST', `${docUrl}/submit`);
    expect(submitted.status).toBe('awaiting_review');
    await s.refused(s.office, 'POST', `${docUrl}/submit`, undefined, 409, 'outgoing_document_step_out_of_order');
    const beforeReview = await s.refused(deputy, 'POST', `${docUrl}/sign`, undefined, 409, 'outgoing_document_step_out_of_order');
    expect(beforeReview.message).toContain('须先经办公室主任审核');
    expect(beforeReview.clause?.clause).toBe('第十三条');
    // Only the 办公室主任 reviews (第十三条)
    const reviewByDeputy = await s.refused(deputy, 'POST', `${docUrl}/review`, { comment: null }, 403, 'document_review_not_allowed');
    expect(reviewByDeputy.clause?.clause).toBe('第十三条');
    expect(reviewByDeputy.message).toContain('办公室主任');
    const reviewed = await s.call<OutgoingDocumentResponse>(s.office, 'POST', `${docUrl}/review`, { comment: '同意，请组长或副组长签发。' });
    expect(reviewed).toMatchObject({ status: 'awaiting_signature', reviewComment: '同意，请组长或副组长签发。' });
    expect(reviewed.chain[0]).toMatchObject({ done: true, as: 'office_staff' });

    // The 副组长 finds it in the inbox, linked to the document
    const sweeper = new SweepScheduler({ db: t.db, config: { smtp: null, sweep: t.config.sweep }, clock: t.clock, logger: quiet });
    try {
      await sweeper.runOnce();
      const deputyInbox = await s.call<{ items: { event: string; link: string | null }[] }>(deputy, 'GET', '/api/me/inbox');
      expect(deputyInbox.items.filter((i) => i.event === 'outgoing_document.signature_requested').map((i) => i.link)).toEqual([`/bodies/${s.bodyId}/outgoing-documents/${bulletin.document.id}`]);
      const asDeputy = await s.call<OutgoingDocumentResponse>(deputy, 'GET', docUrl);
      expect(asDeputy.allowedActions).toEqual(['sign']);
      expect((await s.call<OutgoingDocumentResponse>(s.office, 'GET', docUrl)).allowedActions).toEqual([]);

      // A wrong signer: the office may not sign a paper in the body's name (第十三条)
      const wrongSigner = await s.refused(s.office, 'POST', `${docUrl}/sign`, undefined, 403, 'document_signing_not_allowed');
      expect(wrongSigner.clause?.clause).toBe('第十三条');
      expect(wrongSigner.clause?.text).toContain('由组长或副组长签发');
      expect(wrongSigner.message).toContain('组长或副组长');
      await s.refused(liaisonA, 'POST', `${docUrl}/sign`, undefined, 403, 'document_signing_not_allowed');

      const signed = await s.call<OutgoingDocumentResponse>(deputy, 'POST', `${docUrl}/sign`);
      expect(signed).toMatchObject({ status: 'issued', docNumber: '启放管服〔2021〕1号', issuedOn: '2021-03-10' });
      expect(signed.chain[1]).toMatchObject({ done: true, as: 'deputy_convener' });
      await s.refused(leader.user, 'POST', `${docUrl}/sign`, undefined, 409, 'outgoing_document_step_out_of_order');
      const issued = await s.call<BulletinResponse>(liaisonA, 'GET', `${s.base}/bulletins/${bulletin.document.id}`);
      expect(issued).toMatchObject({ issueNumber: 1, issueLabel: '2021年第1期' });

      // Delivered: the recipients' members and liaisons, the conveners, the office
      await sweeper.runOnce();
      for (const user of [liaisonA, liaisonB, leader.user, deputy, s.office]) {
        const inbox = await s.call<{ items: { event: string; title: string; link: string | null }[] }>(user, 'GET', '/api/me/inbox');
        expect(inbox.items.filter((i) => i.event === 'bulletin.issued').map((i) => i.link), user.label).toEqual([`/bodies/${s.bodyId}/bulletins/${bulletin.document.id}`]);
      }

      // One notification in the outbox (inbox, e-mail and webhook fan out from it): to the units, the roles and the office
      const outbox = await t.sql<{ title: string; recipients: string }>(
        `SELECT payload->>'title' AS title, (payload->'recipients')::text AS recipients FROM outbox WHERE kind = 'notification' AND payload->>'event' = 'bulletin.issued' AND payload->>'bodyId' = $1`,
        [s.bodyId],
      );
      expect(outbox.map((r) => r.title)).toEqual([`《${series.name ?? ''}》2021年第1期`]);
      for (const id of [a.unitId, b.unitId, c.unitId, 'deputy_convener', 'office']) expect(outbox[0]?.recipients).toContain(id);

      // The DOCX and its audit trail
      const docx = await s.request(liaisonA, 'GET', `${s.base}/bulletins/${bulletin.document.id}/document?format=docx`);
      expect(docx.statusCode).toBe(200);
      expect(docx.headers['content-type']).toContain('wordprocessingml');
      const audit = await t.sql<{ action: string }>(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY seq`, [bulletin.document.id]);
      expect(audit.map((r) => r.action)).toEqual(['outgoing_document.create', 'bulletin.compile', 'outgoing_document.submit', 'outgoing_document.review', 'outgoing_document.sign', 'bulletin.issue']);

      // A thematic group's paper in the office's name: 组长审核 → 办公室主任签发 (第十一条)
      const paper = await s.call<OutgoingDocumentResponse>(
        liaisonA,
        'POST',
        `${s.base}/outgoing-documents`,
        { kind: 'notice', issuedInNameOf: 'office', groupId: gA.id, title: '关于报送审批事项清单的通知', content: '请各成员单位于月底前报送。' },
        201,
      );
      expect(paper.chain.map((x) => [x.step, x.label, x.clause.clause])).toEqual([
        ['review', '工作组组长审核', '第十一条'],
        ['sign', '办公室主任签发', '第十一条'],
      ]);
      const paperUrl = `${s.base}/outgoing-documents/${paper.id}`;
      await s.call(liaisonA, 'POST', `${paperUrl}/submit`);
      const officeReview = await s.refused(s.office, 'POST', `${paperUrl}/review`, {}, 403, 'document_review_not_allowed');
      expect(officeReview.clause?.clause).toBe('第十一条');
      await s.refused(liaisonB, 'POST', `${paperUrl}/review`, {}, 403, 'document_review_not_allowed');
      await sweeper.runOnce();
      const leaderInbox = await s.call<{ items: { event: string; link: string | null }[] }>(groupLeader, 'GET', '/api/me/inbox');
      expect(leaderInbox.items.filter((i) => i.event === 'outgoing_document.review_requested').map((i) => i.link)).toEqual([`/bodies/${s.bodyId}/outgoing-documents/${paper.id}`]);
      expect((await s.call<OutgoingDocumentResponse>(groupLeader, 'POST', `${paperUrl}/review`, {})).chain[0]).toMatchObject({ done: true, as: 'group_leader' });
      const leaderSigns = await s.refused(groupLeader, 'POST', `${paperUrl}/sign`, undefined, 403, 'document_signing_not_allowed');
      expect(leaderSigns.clause?.clause).toBe('第十一条');
      const paperSigned = await s.call<OutgoingDocumentResponse>(s.office, 'POST', `${paperUrl}/sign`);
      // The office's own register, with the default prefix the office has not changed
      expect(paperSigned.docNumber).toMatch(/协调小组办公室〔2021〕1号$/u);
    } finally {
      await sweeper.stop();
    }

    // The register is concurrency-safe: five transactions at once take five different numbers
    const taken = await Promise.all(
      [1, 2, 3, 4, 5].map(() => t.db.transaction((tx) => nextDocumentNumber(tx, { bodyId: s.bodyId, register: 'body', year: 2021 }))),
    );
    expect(taken.map((n) => n.serial).sort((x, y) => x - y)).toEqual([2, 3, 4, 5, 6]);
  }, 240_000);

  it('seed 003: the bulletin series is the charter’s own 《…联席会议简报》 with its 报/送 lines', async () => {
    const s = await MeetingScenario.seed(t, '003', new Date('2021-03-01T01:00:00Z'));
    const series = await s.call<BulletinSeriesResponse>(s.office, 'GET', `${s.base}/bulletin-series`);
    expect(series).toMatchObject({
      name: '桂林政务服务工作联席会议简报',
      namedByCharter: true,
      reportTo: ['自治区政务服务联席会议办公室', '市人民政府领导'],
      copyTo: ['各县、区人民政府', '联席会议各成员单位'],
    });
    expect(series.clause?.text).toContain('《桂林政务服务工作联席会议简报》');
    // A bulletin of the office's own text takes the series and the 报/送 lines from the charter
    const bulletin = await s.call<BulletinResponse>(s.office, 'POST', `${s.base}/bulletins`, { issuedInNameOf: 'office', articles: [{ title: '政务服务工作动态', text: '本月办件量同比增长。' }] }, 201);
    expect(bulletin).toMatchObject({ series: '桂林政务服务工作联席会议简报', reportTo: series.reportTo, copyTo: series.copyTo });
    expect(bulletin.document.chain.map((x) => [x.step, x.byDefault])).toEqual([['sign', true]]);
  }, 60_000);

  it('a body whose charter says 不正式行文 issues no outgoing document of any kind, citing it', async () => {
    const body = await publishTestBody(t);
    const office = await bodyUser(t, body.id, 'office_staff');
    const app = await t.app();
    for (const [url, payload, label] of [
      [`/api/bodies/${body.id}/outgoing-documents`, { kind: 'letter', issuedInNameOf: 'office', title: '关于报送材料的函' }, '函件'],
      [`/api/bodies/${body.id}/outgoing-documents`, { kind: 'report', issuedInNameOf: 'body', title: '年度工作报告' }, '报告'],
      [`/api/bodies/${body.id}/bulletins`, { series: '工作简报', articles: [{ title: '动态', text: '本月工作。' }], recipientRoles: ['member'] }, '简报'],
    ] as const) {
      const response = await app.inject({ method: 'POST', url, headers: { cookie: office.cookie }, payload });
      expect(response.statusCode, response.body).toBe(422);
      const error = response.json<{ error: { code: string; message: string; clause?: { text: string } } }>().error;
      expect(error.code).toBe('formal_document_not_allowed');
      expect(error.message).toContain('不正式行文');
      // Each kind is named as what it is (a 报告 is not called a 函件)
      expect(error.message).toContain(`印发${label}`);
      expect(error.clause?.text).toContain('不正式行文');
    }
  }, 60_000);
});
