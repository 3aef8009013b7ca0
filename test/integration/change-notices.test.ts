/**
 * Change notices through HTTP: the office previews a notice against its body (the diff beside the
 * current charter), confirms, and the notice becomes charter version n+1 with the notice as its
 * source; memberships end and start on the notice's date; an abolition dissolves the body (or waits
 * for the handover of open items). Synthetic notices in test/fixtures/change-notices/ against the
 * bodies of seeds 002 (adjustment) and 001 (abolition).
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeDatabases } from './harness.ts';
import { MeetingScenario } from './factories/meetings.ts';
import type { Membership } from './factories/meetings.ts';
import { decisionBody, issueDecisions } from './factories/decisions.ts';
import { foundingText } from './factories/bodies.ts';

const NOTICES = path.join(import.meta.dirname, '../fixtures/change-notices');
const notice = (name: string): string => fs.readFileSync(path.join(NOTICES, name), 'utf8');

interface Diff {
  unchanged: boolean;
  fields: { field: string; before: unknown; after: unknown }[];
  memberUnits: { added: { key: string }[]; removed: { key: string }[] };
  roles: { added: { key: string }[]; removed: { key: string }[] };
}

interface Preview {
  documentKind: string;
  target: { name: string; action: string };
  currentVersion: { version: number };
  currentCharter: { body: { name: string } };
  charter: { memberUnits: { name: string }[]; sunset: { date: string | null } | null; documents: { title: string }[] };
  diff: Diff;
  effectiveDate: string;
  abolishedFrom: string | null;
  openDecisions: number;
}

interface Applied {
  version: { version: number };
  diff: Diff;
  effectiveDate: string;
  dissolution: { state: string; on: string; openDecisionIds: string[] } | null;
}

describeDatabases('change notices', (t) => {
  // A seed is published once per database: the tests on the seed 002 body share it (read-only tests first).
  let body002: MeetingScenario | undefined;
  const seed002 = async (): Promise<MeetingScenario> => (body002 ??= await MeetingScenario.seed(t, '002', new Date('2023-06-01T02:00:00Z')));

  it('the preview of any text says what kind of document it is and which existing bodies a notice changes', async () => {
    const s = await seed002();
    const previewed = await s.call<{
      documentKind: string;
      changeNotice: { targets: { name: string; matches: { id: string; confidence: number }[] }[] } | null;
      existingBodies: { id: string }[];
    }>(s.office, 'POST', '/api/charters/preview', { text: notice('adjustment-002.txt') });
    expect(previewed.documentKind).toBe('adjustment');
    expect(previewed.changeNotice?.targets[0]?.matches[0]).toMatchObject({ id: s.bodyId, confidence: 1 });

    // The founding document of an existing body is offered as a re-import of that body.
    const founding = await s.call<{ documentKind: string; existingBodies: { id: string; confidence: number }[] }>(s.office, 'POST', '/api/charters/preview', {
      text: `${notice('adjustment-002.txt').slice(0, 0)}${fs.readFileSync(path.join(import.meta.dirname, '../fixtures/seeds/002_75169a35c44afff6.txt'), 'utf8')}\n（此件重新发布）`,
    });
    expect(founding.documentKind).toBe('founding');
    expect(founding.existingBodies.map((b) => b.id)).toContain(s.bodyId);
  });

  it('refuses a notice that names no existing body, and a founding document, with clear messages', async () => {
    const s = await seed002();
    const other = notice('abolition-001.txt');
    const notNamed = await s.refused(s.office, 'POST', `${s.base}/change-notices/preview`, { text: other }, 422, 'change_notice_body_not_named');
    expect(notNamed.message).toContain('通知中没有提到“国务院推进贸易高质量发展部际联席会议”');
    const seed = fs.readFileSync(path.join(import.meta.dirname, '../fixtures/seeds/002_75169a35c44afff6.txt'), 'utf8');
    await s.refused(s.office, 'POST', `${s.base}/change-notices`, { text: seed }, 422, 'change_notice_not_a_notice');
  });

  it('applies an adjustment notice to the seed 002 body: new convener, a unit renamed, a unit added — diff shown, audited, memberships on the notice date', async () => {
    const s = await seed002();
    const text = notice('adjustment-002.txt');
    const url = `${s.base}/change-notices`;

    const preview = await s.call<Preview>(s.office, 'POST', `${url}/preview`, { text });
    expect(preview.documentKind).toBe('adjustment');
    expect(preview.target).toMatchObject({ name: '国务院推进贸易高质量发展部际联席会议', action: 'adjust' });
    expect(preview.currentVersion.version).toBe(1);
    expect(preview.effectiveDate).toBe('2023-05-12');
    expect(preview.diff.memberUnits.added.map((a) => a.key).sort()).toEqual(['国家数据局', '金融监管总局']);
    expect(preview.diff.memberUnits.removed.map((a) => a.key)).toEqual(['银保监会']);
    expect(preview.diff.roles.added.map((a) => a.key)).toContain('convener|召集人|何某某');
    expect(preview.diff.roles.removed.map((a) => a.key)).toContain('convener|召集人|胡春华');
    expect(preview.charter.memberUnits).toHaveLength(31);
    // Previewing stores nothing.
    expect((await s.call<{ items: unknown[] }>(s.office, 'GET', `${s.base}/charter-versions`)).items).toHaveLength(1);

    const viewer = await s.grantUser('viewer', 'viewer');
    await s.refused(viewer, 'POST', url, { text }, 403, 'forbidden');

    const applied = await s.call<Applied>(s.office, 'POST', url, { text }, 201);
    expect(applied.version.version).toBe(2);
    expect(applied.effectiveDate).toBe('2023-05-12');
    expect(applied.dissolution).toBeNull();
    expect(applied.diff).toEqual(preview.diff);

    const v2 = await s.call<{ charter: { documents: { title: string }[]; findings: { code: string }[] }; originalText: string; diffFromPrevious: Diff }>(
      s.office,
      'GET',
      `${s.base}/charter-versions/2`,
    );
    expect(v2.charter.documents.at(-1)?.title).toBe('国务院办公厅关于调整国务院推进贸易高质量发展部际联席会议组成单位和人员的通知');
    expect(v2.originalText.endsWith(text)).toBe(true);
    expect(v2.diffFromPrevious.memberUnits.added).toHaveLength(2);

    // Memberships: the old convener ends and the new one starts on the notice's date.
    const before = await s.memberships('?at=2023-05-11&roleKind=convener');
    const after = await s.memberships('?at=2023-05-12&roleKind=convener');
    expect(before.map((m: Membership) => m.personName)).toEqual(['胡春华']);
    expect(after.map((m: Membership) => m.personName)).toEqual(['何某某']);
    const unitsAfter = (await s.units('2023-05-12')).map((u) => u.name);
    expect(unitsAfter).toContain('国家数据局');
    expect(unitsAfter).toContain('金融监管总局');
    expect(unitsAfter).not.toContain('银保监会');
    expect((await s.units('2023-05-11')).map((u) => u.name)).toContain('银保监会');

    const audit = await t.sql<{ action: string; after: { target: { name: string }; effectiveDate: string } }>(
      `SELECT action, after FROM audit_log WHERE entity_id = $1 AND action = 'charter.change_notice'`,
      [s.bodyId],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]?.after).toMatchObject({ target: { name: '国务院推进贸易高质量发展部际联席会议' }, effectiveDate: '2023-05-12' });

    // Applying the same notice twice is refused with a clear message.
    const twice = await s.refused(s.office, 'POST', url, { text }, 409, 'change_notice_already_applied');
    expect(twice.message).toContain('第 2 版');
  });

  it('applies an abolition notice to the seed 001 body: the body is dissolved on the notice date, audited, and cannot be abolished again', async () => {
    const s = await MeetingScenario.seed(t, '001', new Date('2025-03-25T02:00:00Z'));
    const text = notice('abolition-001.txt');
    const url = `${s.base}/change-notices`;

    const preview = await s.call<Preview>(s.office, 'POST', `${url}/preview`, { text });
    expect(preview.documentKind).toBe('abolition');
    expect(preview.target).toMatchObject({ name: '广东省支持广州市服务业扩大开放综合试点工作专班', action: 'abolish' });
    expect(preview.abolishedFrom).toBe('2025-03-20');
    expect(preview.openDecisions).toBe(0);
    expect(preview.diff.fields.find((f) => f.field === 'sunset.date')).toMatchObject({ before: '2026-12-31', after: '2025-03-19' });

    const applied = await s.call<Applied>(s.office, 'POST', url, { text }, 201);
    expect(applied.version.version).toBe(2);
    expect(applied.dissolution).toEqual({ state: 'dissolved', on: '2025-03-20', openDecisionIds: [] });

    const body = await s.call<{ status: string; dissolvedOn: string | null }>(s.office, 'GET', s.base);
    expect(body).toMatchObject({ status: 'dissolved', dissolvedOn: '2025-03-20' });
    const audit = await t.sql<{ action: string }>(`SELECT action FROM audit_log WHERE entity_id = $1`, [s.bodyId]);
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['charter.change_notice', 'body.dissolve']));

    const again = await s.refused(s.office, 'POST', url, { text: `${text}\n` + '（重新印发）' }, 409, 'change_notice_body_already_dissolved');
    expect(again.message).toContain('已于2025-03-20撤销');
  });


  it('an abolition of a body with open decided items starts the handover: the body stays active until they are handed over', async () => {
    t.clock.set(new Date('2025-10-01T02:00:00Z'));
    const { text: founding, name } = foundingText();
    const body = await decisionBody(t, { text: founding });
    const lead = body.units[0];
    if (!lead) throw new Error('no unit');
    await issueDecisions(t, {
      bodyId: body.id,
      issuedOn: '2025-09-01',
      items: [{ text: '撤销前尚未办结的事项', leadUnitId: lead.unitId, coUnitIds: [], deadline: { kind: 'date', date: '2025-12-10' } }],
    });
    const abolition = [
      `某省人民政府办公厅关于撤销${name}的通知`,
      '某办函〔2025〕88号',
      '',
      '省政府各部门：',
      `经省政府同意，决定撤销${name}，自印发之日起执行，其未完成的工作由牵头单位承担。`,
      '',
      '某省人民政府办公厅',
      '2025年9月20日',
    ].join('\n');
    const app = await t.app();
    const headers = { cookie: body.office.cookie };
    const preview = await app.inject({ method: 'POST', url: `/api/bodies/${body.id}/change-notices/preview`, headers, payload: { text: abolition } });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json<Preview>()).toMatchObject({ documentKind: 'abolition', abolishedFrom: '2025-09-20', openDecisions: 1 });

    const applied = await app.inject({ method: 'POST', url: `/api/bodies/${body.id}/change-notices`, headers, payload: { text: abolition } });
    expect(applied.statusCode, applied.body).toBe(201);
    const result = applied.json<Applied>();
    expect(result.dissolution).toMatchObject({ state: 'handover_required', on: '2025-09-20' });
    expect(result.dissolution?.openDecisionIds).toHaveLength(1);
    const detail = await app.inject({ method: 'GET', url: `/api/bodies/${body.id}`, headers });
    expect(detail.json<{ status: string; sunsetDate: string | null }>()).toMatchObject({ status: 'active', sunsetDate: '2025-09-19' });
  });

  it('a mixed notice adjusts one body and abolishes another, each applied to its own body by the office', async () => {
    t.clock.set(new Date('2025-11-01T02:00:00Z'));
    const adjusted = await decisionBody(t, { text: foundingText().text });
    const abolished = await decisionBody(t, { text: foundingText().text });
    const mixed = [
      '广东省人民政府办公厅关于调整和撤销部分议事协调机构的通知',
      '粤办函〔2025〕99号',
      '',
      '省政府各部门：',
      '经省人民政府同意，现将有关事项通知如下：',
      `一、调整${adjusted.name}`,
      '增加省数据局为联席会议成员单位，省教育厅不再作为联席会议成员单位。联席会议办公室改设在省发展改革委。',
      '二、撤销以下议事协调机构：',
      `（一）${abolished.name}；`,
      '（二）广东省某某专项整治工作领导小组。',
      '上述机构自印发之日起撤销。',
      '',
      '广东省人民政府办公厅',
      '2025年10月15日',
    ].join('\n');
    const app = await t.app();
    const preview = await app.inject({ method: 'POST', url: '/api/charters/preview', headers: { cookie: adjusted.office.cookie }, payload: { text: mixed } });
    expect(preview.statusCode, preview.body).toBe(200);
    const targets = preview.json<{ documentKind: string; changeNotice: { targets: { name: string; action: string; matches: { id: string }[] }[] } }>();
    expect(targets.documentKind).toBe('mixed');
    expect(targets.changeNotice.targets.map((x) => [x.action, x.matches[0]?.id ?? null])).toEqual([
      ['adjust', adjusted.id],
      ['abolish', abolished.id],
      ['abolish', null],
    ]);

    const first = await app.inject({ method: 'POST', url: `/api/bodies/${adjusted.id}/change-notices`, headers: { cookie: adjusted.office.cookie }, payload: { text: mixed } });
    expect(first.statusCode, first.body).toBe(201);
    const adjustedResult = first.json<Applied>();
    expect(adjustedResult.dissolution).toBeNull();
    expect(adjustedResult.diff.memberUnits.added.map((a) => a.key)).toEqual(['省数据局']);
    expect(adjustedResult.diff.memberUnits.removed.map((a) => a.key)).toEqual(['省教育厅']);
    expect(adjustedResult.diff.fields.map((f) => f.field)).toContain('office');

    const second = await app.inject({ method: 'POST', url: `/api/bodies/${abolished.id}/change-notices`, headers: { cookie: abolished.office.cookie }, payload: { text: mixed } });
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json<Applied>().dissolution).toMatchObject({ state: 'dissolved', on: '2025-10-15' });

    // The office of one body cannot apply the notice to the other.
    const refused = await app.inject({ method: 'POST', url: `/api/bodies/${abolished.id}/change-notices`, headers: { cookie: adjusted.office.cookie }, payload: { text: mixed } });
    expect(refused.statusCode).toBe(403);
  });
});
