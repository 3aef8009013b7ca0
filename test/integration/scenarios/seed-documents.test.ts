/**
 * One minutes document per seed body, generated from a meeting run through HTTP by the body's own
 * rules (the real seed text imported; the convener presides and signs off, as every seed allows),
 * written to test-results/seed-documents/ as DOCX — and, where LibreOffice and poppler are installed
 * (always in CI), the minutes, the notice (where the charter allows one) and the circular as the
 * server's PDF with a PNG of every page, each checked for lines inside the text block and the 版记 on
 * the last page's last line. The DOCX is checked on every database; its PDF rendering once, on PGlite. Checks the heading, 第N期, the attendance
 * lists, the decided items and the distribution computed from the charter (seed 000: 抄报省政府).
 */
import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { findSoffice } from '../../../src/adapters/pdf-conversion.ts';
import { pdfLines, TEXT_BLOCK_PT } from '../../documents/pdf-layout.ts';
import { readDocx } from '../../documents/docx-reader.ts';
import { describeDatabases } from '../harness.ts';
import { MeetingScenario, isoAfter } from '../factories/meetings.ts';
import type { Meeting } from '../factories/meetings.ts';

const run = promisify(execFile);
const RESULTS = path.resolve(import.meta.dirname, '../../../test-results/seed-documents');

const SEEDS: Array<{ prefix: string; now: string; reportCopyTo: string[] }> = [
  { prefix: '000', now: '2021-03-01T01:00:00Z', reportCopyTo: ['省政府'] },
  { prefix: '001', now: '2024-03-01T01:00:00Z', reportCopyTo: [] },
  { prefix: '002', now: '2021-03-01T01:00:00Z', reportCopyTo: [] },
  { prefix: '003', now: '2021-03-01T01:00:00Z', reportCopyTo: [] },
  { prefix: '004', now: '2021-03-01T01:00:00Z', reportCopyTo: ['市长', '副市长', '政府办主任', '副主任'] },
];

async function hasPoppler(): Promise<boolean> {
  try {
    await run('sh', ['-c', 'command -v pdftotext && command -v pdftoppm']);
    return true;
  } catch {
    return false;
  }
}

/** Every printed line inside the text block and the imprint (…印发) on the last page's last line. */
async function checkPrinted(pdf: string): Promise<void> {
  const lines = await pdfLines(pdf);
  const over = lines.filter((l) => l.xMax > TEXT_BLOCK_PT.right + 0.5 || l.xMin < TEXT_BLOCK_PT.left - 0.5);
  expect(over.map((l) => `p${l.page} ${l.text}`)).toEqual([]);
  const lastPage = Math.max(...lines.map((l) => l.page));
  const last = lines.filter((l) => l.page === lastPage && !/^—\d+—$/u.test(l.text)).at(-1);
  expect(last?.text).toMatch(/印发$/u);
  expect(last?.yMax ?? 0).toBeGreaterThan(TEXT_BLOCK_PT.bottom - 29);
  expect(last?.yMax ?? 0).toBeLessThanOrEqual(TEXT_BLOCK_PT.bottom + 0.5);
}

describeDatabases('seed documents: one minutes document per seed body', (t) => {
  for (const seed of SEEDS) {
    it(`renders the minutes, notice and circular of seed ${seed.prefix}`, { timeout: 240_000 }, async () => {
      const now = new Date(seed.now);
      const s = await MeetingScenario.seed(t, seed.prefix, now);
      const day = seed.now.slice(0, 10);
      const roles = await s.memberships(`?at=${day}`);
      const convenerPost = roles.find((m) => m.roleKind === 'convener');
      if (!convenerPost) throw new Error(`seed ${seed.prefix}: no convener`);
      const convener = await s.holderUser(convenerPost, { date: day, personName: '召集人甲', label: 'convener' });
      const units = await s.units(day);
      // Seed 004 names no member unit at all (its groups list none either): its minutes carry the
      // proceedings, an observer and the distribution, but no unit lists and no assigned items.
      const [first, second, third] = units;
      const withUnits = first !== undefined && second !== undefined && third !== undefined;

      const startsAt = isoAfter(now, 14);
      let created = await s.request(s.office, 'POST', `${s.base}/meetings`, { kind: 'plenary', title: '第一次全体会议', startsAt, location: '第一会议室' });
      if (created.statusCode !== 201) {
        created = await s.request(s.office, 'POST', `${s.base}/meetings`, { kind: 'working', title: '第一次工作会议', startsAt, location: '第一会议室' });
      }
      expect(created.statusCode, created.body.slice(0, 400)).toBe(201);
      const meeting = created.json<Meeting>();
      await s.schedule(meeting.id);
      await s.setPresider(meeting.id, convener.membership.id);
      if (!withUnits) {
        await s.call(s.office, 'POST', s.meetingUrl(meeting.id, '/observers'), { name: '列席人员丙' }, 201);
        const proposed = (await s.getMeeting(meeting.id)).invitees.filter((i) => i.kind === 'observer');
        for (const o of proposed) await s.call(convener.user, 'POST', s.meetingUrl(meeting.id, `/observers/${o.id}/decision`), { approve: true });
      }
      await s.moveClock(new Date(new Date(startsAt).getTime() + 3 * 3_600_000));
      await s.markHeld(meeting.id);
      if (withUnits) {
        await s.allAttended(meeting.id);
        await s.recordAttendance(meeting.id, [
          { unitId: second.unitId, status: 'substitute', substituteName: '代出席乙', substitutePosition: '副职' },
          { unitId: third.unitId, status: 'absent_with_leave', leaveReason: '公务出差' },
        ]);
      }
      const draft = await s.draftMinutes(meeting.id, {
        proceedings: '会议听取了工作进展情况的汇报，研究部署了下一阶段工作。\n一、关于年度工作\n会议要求各成员单位按照职责分工抓好落实。',
        decidedItems: withUnits
          ? [
              { text: '制定年度工作要点并报会议审定', leadUnitId: first.unitId, coUnitIds: [second.unitId], deadline: { kind: 'working_days', days: 10 } },
              { text: '报送本单位联络员名单', leadUnitId: third.unitId, coUnitIds: [], deadline: { kind: 'date', date: isoAfter(now, 60).slice(0, 10) } },
            ]
          : [],
      });
      await s.signOff(convener.user, draft.id);
      const issued = await s.issue(draft.id);
      expect(issued.status).toBe('issued');

      const res = await s.request(s.office, 'GET', `${s.base}/minutes/${issued.id}/document`);
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      await mkdir(RESULTS, { recursive: true });
      const base = path.join(RESULTS, `seed-${seed.prefix}-minutes`);
      await writeFile(`${base}.docx`, res.rawPayload);

      const doc = await readDocx(res.rawPayload);
      const texts = doc.paragraphs.map((p) => p.text);
      expect(texts).toContain(`${s.bodyName}纪要`);
      expect(texts).toContain(`第${issued.number}期`);
      if (withUnits) {
        const attended = texts.find((p) => p.startsWith('出席：')) ?? '';
        expect(attended).toContain(first.name);
        expect(attended).toContain(`${second.name}\u3000代出席乙（副职，代）`);
        expect(texts.find((p) => p.startsWith('请假：'))).toContain(`${third.name}`);
      }
      const items = withUnits ? ['制定年度工作要点并报会议审定', '报送本单位联络员名单'] : [];
      items.forEach((item, i) => expect(texts.some((p) => p.startsWith(`${i + 1}.\u3000${item}。`))).toBe(true));
      if (!withUnits) expect(texts.find((p) => p.startsWith('列席：'))).toContain('列席人员丙');
      const distributed = texts.find((p) => p.startsWith('分送：')) ?? '';
      for (const unit of issued.distribution?.memberUnits ?? []) expect(distributed).toContain(unit.name);
      // the charter's copy-to wording is its own 抄送 line, never merged into 分送
      const copied = texts.find((p) => p.startsWith('抄送：')) ?? '';
      for (const to of issued.distribution?.copyTo ?? []) expect(copied).toContain(to);
      expect(issued.distribution?.memberUnits.length).toBe(units.length);
      const reportCopy = texts.find((p) => p.startsWith('抄报：'));
      if (seed.reportCopyTo.length === 0) expect(reportCopy).toBeUndefined();
      else for (const to of seed.reportCopyTo) expect(reportCopy).toContain(to);

      // The PDF is LibreOffice's rendering of the DOCX checked above: it does not depend on the
      // database, so it is rendered and measured once, on the embedded one (PGlite).
      if (t.kind !== 'pglite') return;
      const soffice = await findSoffice();
      if (soffice === null || !(await hasPoppler())) {
        if (process.env.CI === 'true') throw new Error('CI=true: LibreOffice and poppler-utils must be installed (see .ci/run)');
        console.warn(`*** seed ${seed.prefix}: LibreOffice or poppler missing — wrote only ${base}.docx ***`);
        return;
      }
      // the PDF as the server sends it (print layout), every page as PNG for a person to look at
      const pdfRes = await s.request(s.office, 'GET', `${s.base}/minutes/${issued.id}/document?format=pdf`);
      expect(pdfRes.statusCode, pdfRes.body.slice(0, 300)).toBe(200);
      await writeFile(`${base}.pdf`, pdfRes.rawPayload);
      const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', `${base}.pdf`, '-']);
      const pdfText = stdout.replace(/\s+/gu, '');
      expect(pdfText).toContain(`${s.bodyName}纪要`);
      for (const unit of units) expect(pdfText).toContain(unit.name);
      for (const item of items) expect(pdfText).toContain(item);
      await checkPrinted(`${base}.pdf`);
      await run('pdftoppm', ['-png', '-r', '60', `${base}.pdf`, base]);

      // the notice, where the charter allows the body to issue one (不正式行文: refused with the clause)
      const notice = await s.request(s.office, 'GET', s.meetingUrl(meeting.id, '/notice-document?format=pdf'));
      if (notice.statusCode === 200) {
        const noticeBase = path.join(RESULTS, `seed-${seed.prefix}-notice`);
        await writeFile(`${noticeBase}.pdf`, notice.rawPayload);
        await checkPrinted(`${noticeBase}.pdf`);
        await run('pdftoppm', ['-png', '-r', '60', `${noticeBase}.pdf`, noticeBase]);
      } else {
        expect(notice.statusCode, notice.body.slice(0, 300)).toBeGreaterThanOrEqual(400);
        expect(notice.body).toMatch(/第[一二三四五六七八九十百]+条|不正式行文/u);
      }
      // the circular of the open items, where allowed
      const circular = await s.request(s.office, 'POST', `${s.base}/circulars`);
      if (circular.statusCode === 201) {
        const created = circular.json<{ id: string }>();
        const circularRes = await s.request(s.office, 'GET', `${s.base}/circulars/${created.id}/document?format=pdf`);
        if (circularRes.statusCode === 200) {
          const circularBase = path.join(RESULTS, `seed-${seed.prefix}-circular`);
          await writeFile(`${circularBase}.pdf`, circularRes.rawPayload);
          await checkPrinted(`${circularBase}.pdf`);
          await run('pdftoppm', ['-png', '-r', '60', `${circularBase}.pdf`, circularBase]);
        } else {
          // 不正式行文: the body issues no circular in its own name (the clause is named)
          expect(circularRes.statusCode, circularRes.body.slice(0, 300)).toBe(422);
          expect(circularRes.body).toContain('formal_document_not_allowed');
        }
      } else {
        expect(circular.statusCode, circular.body.slice(0, 300)).toBeGreaterThanOrEqual(400);
      }
    });
  }
});
