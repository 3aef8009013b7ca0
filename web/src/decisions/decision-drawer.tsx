/**
 * One decided item: what, who, by when (and whether the calendar is provisional), its timeline of
 * progress reports, extensions and reminders, and the steps the reader's roles may try: a liaison of
 * an assigned unit reports progress or completion and asks for an extension; the office closes
 * (销号), sends back and decides extensions. Refusals show the server's message and clause.
 */
import { useState } from 'react';
import { App as AntApp, Button, Card, Descriptions, Drawer, Input, Popconfirm, Space, Spin, Tag, Timeline, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { useI18n } from '../i18n/i18n.tsx';
import { ErrorAlert } from '../common/error-alert.tsx';
import { DateField } from '../common/date-field.tsx';
import { InlineError, isAllowed } from '../common/action-button.tsx';
import { readAsBase64 } from '../common/read-file.ts';
import { useBodyRoles } from '../meetings/body-roles.ts';
import { formatTime } from '../meetings/meeting-labels.tsx';
import {
  attachmentUrl,
  closeDecision,
  decideExtension,
  getDecision,
  reportCompletion,
  reportProgress,
  requestExtension,
  sendBack,
  type Attachment,
  type DecisionDetail,
  type TimelineEntry,
} from './decisions-api.ts';
import { StandingTag } from './standing-tag.tsx';
import { DecisionStatusTag } from './decision-status-tag.tsx';

const TIMELINE_COLORS: Partial<Record<TimelineEntry['kind'], string>> = {
  assigned: 'blue',
  completion: 'purple',
  closed: 'green',
  sent_back: 'red',
  extension_requested: 'orange',
  extension_approved: 'green',
  extension_refused: 'red',
  reminder: 'gray',
};

export function DecisionDrawer({ bodyId, decisionId, onClose }: { bodyId: string; decisionId: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const decision = useQuery({
    queryKey: ['decision', bodyId, decisionId],
    queryFn: () => getDecision({ bodyId, decisionId: decisionId ?? '' }),
    enabled: decisionId !== null,
  });
  return (
    <Drawer open={decisionId !== null} onClose={onClose} size={640} title={t('decision.detail')} destroyOnHidden rootClassName="lx-decision-drawer">
      {decision.isPending && decisionId !== null && <Spin description={t('app.loading')} />}
      {decision.isError && <ErrorAlert error={decision.error} />}
      {decision.data !== undefined && <DecisionPanel decision={decision.data} />}
    </Drawer>
  );
}

function DecisionPanel({ decision }: { decision: DecisionDetail }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const roles = useBodyRoles(decision.bodyId);
  const ref = { bodyId: decision.bodyId, decisionId: decision.id };
  const [text, setText] = useState('');
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [reason, setReason] = useState('');
  const [extensionDate, setExtensionDate] = useState<Dayjs | null>(null);
  const assignedUnits = [decision.leadUnit.unitId, ...decision.coUnits.map((unit) => unit.unitId)];
  const myUnit = roles.unitIds.find((unitId) => assignedUnits.includes(unitId));
  const leadsIt = roles.unitIds.includes(decision.leadUnit.unitId);
  // The steps the server lists as allowed for the reader on this item (issue 15); a liaison's own
  // unit is still the one the report is made for.
  const actions = decision.actions;
  const mayProgress = myUnit !== undefined && isAllowed(actions, 'decision.report_progress');
  const mayComplete = leadsIt && isAllowed(actions, 'decision.report_completion');
  const mayExtend = myUnit !== undefined && isAllowed(actions, 'decision.request_extension');
  const mayClose = isAllowed(actions, 'decision.close');
  const maySendBack = isAllowed(actions, 'decision.send_back');
  const mayDecideExtension = isAllowed(actions, 'decision.decide_extension');
  const unitStep = mayProgress || mayComplete || mayExtend;
  const officeStep = mayClose || maySendBack;
  /** Where the last step was pressed: its refusal shows there. */
  const [stepAt, setStepAt] = useState<'extension' | 'card'>('card');

  const done = () => {
    setText('');
    setFiles([]);
    setReason('');
    setExtensionDate(null);
    void message.success(t('decision.done'));
    void queryClient.invalidateQueries({ queryKey: ['decision', decision.bodyId, decision.id] });
    void queryClient.invalidateQueries({ queryKey: ['decisions', decision.bodyId] });
    void queryClient.invalidateQueries({ queryKey: ['unit-decisions'] });
  };
  const step = useMutation({ mutationFn: (run: () => Promise<unknown>) => run(), onSuccess: done });
  const run = (at: 'extension' | 'card', request: () => Promise<unknown>) => {
    if (step.isPending) return;
    setStepAt(at);
    step.mutate(request);
  };

  const attachments = async (): Promise<Attachment[]> =>
    Promise.all(
      files.flatMap((file) =>
        file.originFileObj === undefined
          ? []
          : [
              readAsBase64(file.originFileObj).then((contentBase64) => ({
                fileName: file.name,
                mediaType: file.type === undefined || file.type === '' ? 'application/octet-stream' : file.type,
                contentBase64,
              })),
            ],
      ),
    );
  const report = (kind: 'progress' | 'completion') =>
    run('card', async () => {
      const body = { unitId: myUnit, text: text.trim(), attachments: await attachments() };
      return kind === 'progress' ? reportProgress(ref, body) : reportCompletion(ref, body);
    });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Descriptions
        size="small"
        bordered
        column={1}
        items={[
          { key: 'text', label: t('decisions.column.text'), children: decision.text },
          { key: 'lead', label: t('decisions.column.leadUnit'), children: decision.leadUnit.name },
          {
            key: 'co',
            label: t('decisions.column.coUnits'),
            children: decision.coUnits.length === 0 ? t('common.none') : decision.coUnits.map((unit) => unit.name).join('、'),
          },
          { key: 'issued', label: t('decision.issuedOn'), children: decision.issuedOn },
          {
            key: 'deadline',
            label: t('decisions.column.deadline'),
            children: (
              <Space wrap>
                <span>{decision.deadline}</span>
                {decision.deadlineProvisionalReasons.map((text) => (
                  <Typography.Text key={text} type="secondary">
                    {text}
                  </Typography.Text>
                ))}
              </Space>
            ),
          },
          { key: 'standing', label: t('decisions.column.standing'), children: <StandingTag item={decision} /> },
          { key: 'status', label: t('decisions.column.status'), children: <DecisionStatusTag status={decision.status} /> },
        ]}
      />

      {decision.extensionRequests.length > 0 && (
        <Card size="small" title={<h3 className="lx-card-title">{t('decision.extensions')}</h3>}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            {decision.extensionRequests.map((request) => (
              <Space key={request.id} wrap>
                <Tag color={request.status === 'approved' ? 'green' : request.status === 'refused' ? 'red' : 'orange'}>{t(`decision.extension.${request.status}`)}</Tag>
                <span>{t('decision.newDeadline', { date: request.requestedDeadline })}</span>
                <Typography.Text type="secondary">{request.reason}</Typography.Text>
                {mayDecideExtension && request.status === 'pending' && (
                  <>
                    <Button size="small" type="primary" disabled={step.isPending} onClick={() => run('extension', () => decideExtension(ref, request.id, true, null))}>
                      {t('decision.approveExtension')}
                    </Button>
                    <Button
                      size="small"
                      danger
                      disabled={step.isPending}
                      onClick={() => run('extension', () => decideExtension(ref, request.id, false, reason.trim() === '' ? null : reason.trim()))}
                    >
                      {t('decision.refuseExtension')}
                    </Button>
                    {step.isError && stepAt === 'extension' && <InlineError error={step.error} />}
                  </>
                )}
              </Space>
            ))}
          </Space>
        </Card>
      )}

      <Card size="small" title={<h3 className="lx-card-title">{t('decision.timeline')}</h3>}>
        <Timeline
          items={decision.timeline.map((entry, index) => ({
            key: `${entry.kind}-${entry.at}-${index}`,
            color: TIMELINE_COLORS[entry.kind] ?? 'blue',
            title: formatTime(entry.at),
            content: (
              <div data-testid="timeline-entry">
                <Typography.Text strong>{t(`decision.timeline.${entry.kind}`)}</Typography.Text>
                {entry.unitName !== null && <Typography.Text type="secondary"> · {entry.unitName}</Typography.Text>}
                {entry.text !== '' && <div>{entry.text}</div>}
                {entry.deadline !== null && <div>{t('decision.newDeadline', { date: entry.deadline })}</div>}
                {entry.attachments.map((attachment) => (
                  <div key={attachment.id}>
                    <a href={attachmentUrl(ref, attachment.id)} download={attachment.fileName}>
                      <PaperClipOutlined /> {attachment.fileName}
                    </a>
                  </div>
                ))}
              </div>
            ),
          }))}
        />
      </Card>

      {(unitStep || officeStep) && (
        <Card size="small" title={<h3 className="lx-card-title">{officeStep ? t('decision.close') : t('decision.reportProgress')}</h3>}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            {unitStep && (
              <>
                <Input.TextArea aria-label={t('decision.reportText')} placeholder={t('decision.reportText')} rows={3} value={text} onChange={(event) => setText(event.target.value)} />
                <Upload fileList={files} beforeUpload={() => false} onChange={(info) => setFiles(info.fileList)} multiple>
                  <Button icon={<UploadOutlined />}>{t('decision.attachments')}</Button>
                </Upload>
                <Space wrap>
                  {mayProgress && (
                    <Button disabled={text.trim() === '' || step.isPending} loading={step.isPending} onClick={() => report('progress')}>
                      {t('decision.reportProgress')}
                    </Button>
                  )}
                  {mayComplete && (
                    <Button type="primary" disabled={text.trim() === '' || step.isPending} loading={step.isPending} onClick={() => report('completion')}>
                      {t('decision.reportCompletion')}
                    </Button>
                  )}
                </Space>
                {mayExtend && (
                <Space wrap>
                  <DateField aria-label={t('decision.extensionDate')} placeholder={t('decision.extensionDate')} value={extensionDate} onChange={setExtensionDate} />
                  <Input aria-label={t('decision.extensionReason')} placeholder={t('decision.extensionReason')} value={reason} onChange={(event) => setReason(event.target.value)} style={{ width: 240 }} />
                  <Button
                    disabled={extensionDate === null || reason.trim() === '' || step.isPending}
                    onClick={() =>
                      extensionDate !== null && run('card', () => requestExtension(ref, { unitId: myUnit, requestedDeadline: extensionDate.format('YYYY-MM-DD'), reason: reason.trim() }))
                    }
                  >
                    {t('decision.requestExtension')}
                  </Button>
                </Space>
                )}
              </>
            )}
            {officeStep && (
              <>
                <Input aria-label={t('decision.sendBackReason')} placeholder={t('decision.sendBackReason')} value={reason} onChange={(event) => setReason(event.target.value)} />
                <Space wrap>
                  {mayClose && (
                    <Popconfirm
                      title={t('decision.close')}
                      okText={t('common.ok')}
                      cancelText={t('common.cancel')}
                      disabled={step.isPending}
                      onConfirm={() => run('card', () => closeDecision(ref, reason.trim() === '' ? null : reason.trim()))}
                    >
                      <Button type="primary" loading={step.isPending} disabled={step.isPending}>
                        {t('decision.close')}
                      </Button>
                    </Popconfirm>
                  )}
                  {maySendBack && (
                    <Button danger disabled={reason.trim() === '' || step.isPending} onClick={() => run('card', () => sendBack(ref, reason.trim()))}>
                      {t('decision.sendBack')}
                    </Button>
                  )}
                </Space>
              </>
            )}
            {step.isError && stepAt === 'card' && <InlineError error={step.error} />}
          </Space>
        </Card>
      )}
    </Space>
  );
}
