/** Calls of the import page beyond the preview: change notices against a body, and re-importing a founding document. */
import { api, unwrap } from '../api/client.ts';
import type { ApiRequest } from '../api/types.ts';

type Result<F extends (...args: never[]) => Promise<unknown>> = Awaited<ReturnType<F>>;

export type ChangeNoticeRequest = ApiRequest<'/api/bodies/{bodyId}/change-notices', 'post'>;
export type CorrectionsInput = NonNullable<ApiRequest<'/api/charters/preview', 'post'>['corrections']>;

export const previewChangeNotice = (bodyId: string, body: ChangeNoticeRequest) =>
  unwrap(api.POST('/api/bodies/{bodyId}/change-notices/preview', { params: { path: { bodyId } }, body }));

export const applyChangeNotice = (bodyId: string, body: ChangeNoticeRequest) =>
  unwrap(api.POST('/api/bodies/{bodyId}/change-notices', { params: { path: { bodyId } }, body }));

export const reimportCharter = (bodyId: string, body: ApiRequest<'/api/bodies/{bodyId}/charter-versions', 'post'>) =>
  unwrap(api.POST('/api/bodies/{bodyId}/charter-versions', { params: { path: { bodyId } }, body }));

/** The corrections stored with a body's newest charter version (remembered for a re-import), or null. */
export async function rememberedCorrections(bodyId: string): Promise<CorrectionsInput | null> {
  const versions = await unwrap(api.GET('/api/bodies/{bodyId}/charter-versions', { params: { path: { bodyId } } }));
  const newest = versions.items.reduce((max, v) => Math.max(max, v.version), 0);
  if (newest === 0) return null;
  const detail = await unwrap(api.GET('/api/bodies/{bodyId}/charter-versions/{version}', { params: { path: { bodyId, version: newest } } }));
  return detail.corrections;
}

export type ChangeNoticePreview = Result<typeof previewChangeNotice>;
export type AppliedChangeNotice = Result<typeof applyChangeNotice>;
export type ReimportResult = Result<typeof reimportCharter>;
