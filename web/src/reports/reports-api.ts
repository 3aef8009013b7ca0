/** Calls of information reports (信息报送) and of the annual cycle (年度工作报告). */
import { api, unwrap } from '../api/client.ts';
import type { ApiRequest } from '../api/types.ts';

type Result<F extends (...args: never[]) => Promise<unknown>> = Awaited<ReturnType<F>>;

export type SubmitReportRequest = ApiRequest<'/api/info-reports', 'post'>;
export type ReportSettingsPatch = ApiRequest<'/api/bodies/{bodyId}/info-reports/settings', 'put'>;
export type UnitTally = Result<typeof getUnitTally>;
export type Compliance = Result<typeof getCompliance>;
export type ReportOffer = Result<typeof listOffers>['items'][number];
export type ReportSettings = Result<typeof getReportSettings>;
export type AnnualYear = Result<typeof getAnnualYear>;
export type TallyStatus = Compliance['lines'][number]['status'];

const body = (bodyId: string) => ({ path: { bodyId } });

export const submitReport = (request: SubmitReportRequest) => unwrap(api.POST('/api/info-reports', { body: request }));

export const getUnitTally = (bodyId: string, unitId: string) =>
  unwrap(api.GET('/api/bodies/{bodyId}/info-reports/tally', { params: { ...body(bodyId), query: { unitId } } }));

export const getCompliance = (bodyId: string) => unwrap(api.GET('/api/bodies/{bodyId}/info-reports/compliance', { params: body(bodyId) }));

export const listOffers = (bodyId: string, unitId?: string) =>
  unwrap(api.GET('/api/bodies/{bodyId}/info-reports', { params: { ...body(bodyId), query: unitId === undefined ? {} : { unitId } } }));

export const decideOffer = (bodyId: string, offerId: string, decision: 'accept' | 'return' | 'adopt', reason: string | null) =>
  unwrap(api.POST('/api/bodies/{bodyId}/info-reports/{offerId}/decision', { params: { path: { bodyId, offerId } }, body: { decision, reason } }));

export const getReportSettings = (bodyId: string) => unwrap(api.GET('/api/bodies/{bodyId}/info-reports/settings', { params: body(bodyId) }));

export const updateReportSettings = (bodyId: string, patch: ReportSettingsPatch) =>
  unwrap(api.PUT('/api/bodies/{bodyId}/info-reports/settings', { params: body(bodyId), body: patch }));

export const getAnnualYear = (bodyId: string, year: number) => unwrap(api.GET('/api/bodies/{bodyId}/annual-cycle/{year}', { params: { path: { bodyId, year } } }));

export const startAnnualCollection = (bodyId: string, year: number, days: number) =>
  unwrap(api.POST('/api/bodies/{bodyId}/annual-cycle/{year}/collection', { params: { path: { bodyId, year } }, body: { deadline: { kind: 'working_days', days } } }));

export const submitAnnualTask = (bodyId: string, taskId: string, unitId: string, text: string) =>
  unwrap(api.POST('/api/bodies/{bodyId}/annual-tasks/{taskId}/submission', { params: { path: { bodyId, taskId } }, body: { unitId, text } }));

export const remindAnnualTask = (bodyId: string, taskId: string) => unwrap(api.POST('/api/bodies/{bodyId}/annual-tasks/{taskId}/reminder', { params: { path: { bodyId, taskId } } }));

export const compileAnnualReport = (bodyId: string, year: number, text: string) =>
  unwrap(api.POST('/api/bodies/{bodyId}/annual-cycle/{year}/compilation', { params: { path: { bodyId, year } }, body: { text, issue: true } }));

/** The download address of the compiled annual report (a plain link: the browser sends the session cookie). */
export const annualReportUrl = (bodyId: string, year: number) => `/api/bodies/${encodeURIComponent(bodyId)}/annual-cycle/${year}/annual-report.docx`;
