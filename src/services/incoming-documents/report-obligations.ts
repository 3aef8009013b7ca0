/**
 * The information-report provider of a unit's cross-body view: in every active body the unit sits
 * in (as a member unit or in a group) whose report quota is on, each reporter the unit speaks for
 * that has not yet met this period's quota is owed to that body by the period's end. Reads the
 * reports part only through its exported `listUnitReportTallies` (every body's tally at once: the
 * statements do not grow with the number of bodies).
 */
import { shanghaiDateOf } from '../../domain/time/shanghai-date.ts';
import { listGroupLinksOfUnit } from '../../repositories/group-repository.ts';
import { listBodiesOfUnit } from '../../repositories/unit-repository.ts';
import { listUnitReportTallies } from '../reports/report-views.ts';
import type { ObligationProvider, ObligationRow } from './obligation-types.ts';

export const informationReportObligations: ObligationProvider = async (db, query) => {
  const today = shanghaiDateOf(query.clock.now());
  const bodyIds = new Set<string>();
  for (const link of await listBodiesOfUnit(db, query.unitId)) {
    if (link.body.status !== 'active') continue;
    if (link.bodyUnit.validFrom > today || (link.bodyUnit.validTo !== null && link.bodyUnit.validTo <= today)) continue;
    bodyIds.add(link.body.id);
  }
  for (const link of await listGroupLinksOfUnit(db, query.unitId)) bodyIds.add(link.bodyId);
  await query.primeReader?.([...bodyIds]);
  const readable: string[] = [];
  for (const bodyId of bodyIds) if (await query.mayRead(bodyId, 'information_report')) readable.push(bodyId);
  const rows: ObligationRow[] = [];
  for (const tally of await listUnitReportTallies(db, { unitId: query.unitId, bodyIds: readable, today })) {
    const { bodyId } = tally;
    for (const reporter of tally.reporters) {
      if (reporter.current.status === 'met') continue;
      rows.push({
        kind: 'information_report',
        kindName: '信息报送',
        id: `${bodyId}:${reporter.reporterId}:${tally.period.key}`,
        bodyId,
        title: `${reporter.reporterName}${tally.period.label}应报送工作信息${reporter.current.due}篇，已报${reporter.current.counted}篇`,
        role: 'lead',
        deadline: tally.period.end,
        overdue: false,
        workingDaysLeft: null,
        workingDaysOverdue: null,
        statusName: '本期未完成',
        link: `/bodies/${bodyId}`,
      });
    }
  }
  return rows;
};
