/**
 * Materials (会议材料): attached to agenda items before the meeting, downloaded, and circulated to
 * the invitees (印发) before it starts.
 */
import { createHash } from 'node:crypto';
import type { Database, DbOrTx } from '../../db/database.ts';
import { AppError } from '../../errors/app-error.ts';
import { findMaterial, insertMaterial, listAgendaItems, listInvitees, markMaterialsCirculated } from '../../repositories/meeting-repository.ts';
import { recordAudit } from '../audit-service.ts';
import type { AuditOrigin } from '../audit-service.ts';
import { enqueueNotification } from '../notification-service.ts';
import type { NotificationRecipient } from '../notification-service.ts';
import { getAgendaItemRow } from './agenda-items.ts';
import { BEFORE_MEETING, assertStatus, getMeetingRow, nowOf } from './meeting-context.ts';
import { getMeeting, invitedUnits } from './meeting-views.ts';
import type { MaterialView, MeetingDetail } from './meeting-views.ts';

/** Largest material accepted. */
export const MAX_MATERIAL_BYTES = 10 * 1024 * 1024;

export interface AttachMaterialInput {
  name: string;
  contentType: string;
  /** Text content (stored as UTF-8) … */
  text?: string | undefined;
  /** … or the file's bytes, base64 */
  base64?: string | undefined;
}

/** Attaches a material to an agenda item that is not rejected, before the meeting. */
export async function attachMaterial(
  db: Database,
  options: { bodyId: string; meetingId: string; itemId: string; input: AttachMaterialInput; origin: AuditOrigin },
): Promise<MaterialView> {
  const now = nowOf(options.origin);
  const { input } = options;
  if ((input.text === undefined) === (input.base64 === undefined)) {
    throw new AppError('material_content_required', '请提供材料内容（text 或 base64 之一）', { field: 'text' });
  }
  const content = input.text !== undefined ? Buffer.from(input.text, 'utf8') : Buffer.from(input.base64 ?? '', 'base64');
  if (input.base64 !== undefined && content.toString('base64').replace(/=+$/, '') !== input.base64.replace(/\s/g, '').replace(/=+$/, '')) {
    throw new AppError('invalid_base64', '材料内容不是有效的 base64', { field: 'base64' });
  }
  if (content.length > MAX_MATERIAL_BYTES) throw new AppError('material_too_large', '材料不能超过 10 MB', { field: 'base64' });
  const row = await db.transaction(async (tx) => {
    const meeting = await getMeetingRow(tx, { ...options, forUpdate: true });
    assertStatus(meeting, BEFORE_MEETING, '再上传材料');
    const item = await getAgendaItemRow(tx, options);
    if (item.status === 'rejected') throw new AppError('agenda_item_rejected', '该议题未列入议程，不能上传材料');
    const material = await insertMaterial(tx, {
      meetingId: meeting.id,
      agendaItemId: item.id,
      name: input.name.trim(),
      contentType: input.contentType,
      sizeBytes: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
      content,
      uploadedBy: options.origin.actorId,
      uploadedAt: now,
      circulatedAt: null,
    });
    await recordAudit(tx, { ...options.origin, action: 'material.attach', entityType: 'meeting_material', entityId: material.id, before: null, after: material });
    return material;
  });
  return {
    id: row.id,
    agendaItemId: row.agendaItemId,
    name: row.name,
    contentType: row.contentType,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    uploadedAt: row.uploadedAt.toISOString(),
    circulatedAt: null,
  };
}

/** A material's bytes for download. */
export async function getMaterialContent(
  db: DbOrTx,
  options: { bodyId: string; meetingId: string; materialId: string },
): Promise<{ name: string; contentType: string; content: Buffer }> {
  await getMeetingRow(db, options);
  const material = await findMaterial(db, options.materialId);
  if (!material || material.meetingId !== options.meetingId) throw new AppError('material_not_found', '材料不存在', { field: 'materialId' });
  return { name: material.name, contentType: material.contentType, content: material.content };
}

/**
 * Circulates the materials of the approved agenda items to the invitees (印发), before the meeting
 * starts: marks them circulated and notifies through the outbox.
 */
export async function circulateMaterials(db: Database, options: { bodyId: string; meetingId: string; origin: AuditOrigin }): Promise<MeetingDetail> {
  const now = nowOf(options.origin);
  await db.transaction(async (tx) => {
    const meeting = await getMeetingRow(tx, { ...options, forUpdate: true });
    assertStatus(meeting, ['scheduled'], '印发会议材料（请先发出会议通知）');
    if (now.getTime() >= meeting.startsAt.getTime()) {
      throw new AppError('meeting_already_started', '会议已经开始，材料应在会前印发');
    }
    const approved = (await listAgendaItems(tx, meeting.id)).filter((i) => i.status === 'approved').map((i) => i.id);
    const count = await markMaterialsCirculated(tx, meeting.id, approved, now);
    if (count === 0) throw new AppError('no_materials_to_circulate', '没有待印发的已列入议程的材料');
    const recipients: NotificationRecipient[] = [
      { kind: 'office' },
      ...invitedUnits(await listInvitees(tx, meeting.id)).map((u): NotificationRecipient => ({ kind: 'unit', unitId: u.unitId, roles: ['member', 'liaison'] })),
    ];
    await enqueueNotification(tx, {
      bodyId: meeting.bodyId,
      event: 'meeting.materials_circulated',
      title: `会议材料：${meeting.title}`,
      message: `${meeting.kindName}“${meeting.title}”的会议材料已印发，请在会前阅研。`,
      link: `/bodies/${meeting.bodyId}/meetings/${meeting.id}`,
      recipients,
      data: { meetingId: meeting.id, materials: count },
      at: now,
    });
    await recordAudit(tx, { ...options.origin, action: 'material.circulate', entityType: 'meeting', entityId: meeting.id, before: null, after: { circulated: count, at: now } });
  });
  return getMeeting(db, options);
}
