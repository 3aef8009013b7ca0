/** Calls of /api/calendar: year view, working-day arithmetic, holiday notices and the coverage warning. */
import { api, unwrap } from '../api/client.ts';
import type { ApiRequest } from '../api/types.ts';

type Result<F extends (...args: never[]) => Promise<unknown>> = Awaited<ReturnType<F>>;

export type YearView = Result<typeof getYearView>;
export type YearViewDay = YearView['days'][number];
export type NoticeRequest = ApiRequest<'/api/calendar/notices', 'post'>;
export type NoticePreview = Result<typeof previewNotice>;
export type NoticeApplied = Result<typeof applyNotice>;
export type NoticeSummary = Result<typeof listNotices>['items'][number];
export type Coverage = Result<typeof getCoverage>;
export type AddWorkingDaysAnswer = Result<typeof addWorkingDays>;

/** `national` or a six-digit GB/T 2260 code. */
export type RegionChoice = string;

const regionQuery = (region: RegionChoice) => (region === 'national' ? {} : { region });

export const getYearView = (year: number, region: RegionChoice) =>
  unwrap(api.GET('/api/calendar/years/{year}', { params: { path: { year }, query: regionQuery(region) } }));

export const addWorkingDays = (start: string, workingDays: number, region: RegionChoice) =>
  unwrap(api.GET('/api/calendar/add-working-days', { params: { query: { start, workingDays, ...regionQuery(region) } } }));

export const getCoverage = () => unwrap(api.GET('/api/calendar/coverage', { params: { query: {} } }));

export const listNotices = () => unwrap(api.GET('/api/calendar/notices', { params: { query: {} } }));

export const previewNotice = (body: NoticeRequest) => unwrap(api.POST('/api/calendar/notices/preview', { body }));

export const applyNotice = (body: NoticeRequest) => unwrap(api.POST('/api/calendar/notices', { body }));
