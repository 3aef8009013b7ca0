/**
 * A change notice on the import page: the bodies it changes (each matched to existing bodies with a
 * confidence) and what it changes; for the chosen body, the diff beside the current charter
 * (POST …/change-notices/preview), then the office confirms (POST …/change-notices).
 */
import { useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, List, Popconfirm, Result, Row, Select, Space, Tag, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { useI18n, type Translate } from '../i18n/i18n.tsx';
import { ErrorAlert } from '../common/error-alert.tsx';
import type { PreviewResponse } from '../bodies/bodies-api.ts';
import { diffValueText } from '../bodies/diff-format.ts';
import { applyChangeNotice, previewChangeNotice, type AppliedChangeNotice, type ChangeNoticePreview } from './charter-import-api.ts';

type Notice = NonNullable<PreviewResponse['changeNotice']>;
type Target = Notice['targets'][number];
type Delta = Target['delta'];

/** The delta as readable lines. */
export function deltaLines(t: Translate, delta: Delta): string[] {
  const lines: string[] = [];
  for (const r of delta.roles) {
    const who = `${r.person ?? t('cimport.delta.vacant')}${r.position ? `（${r.position}）` : ''}`;
    lines.push(t('cimport.delta.role', { title: r.title, who }));
  }
  for (const r of delta.rolesReleased) lines.push(t('cimport.delta.released', { person: r.person }));
  if (delta.unitsAdded.length > 0) lines.push(t('cimport.delta.unitsAdded', { names: delta.unitsAdded.map((u) => u.name).join('、') }));
  if (delta.unitsRemoved.length > 0) lines.push(t('cimport.delta.unitsRemoved', { names: delta.unitsRemoved.map((u) => u.name).join('、') }));
  for (const r of delta.unitsRenamed) lines.push(t('cimport.delta.renamed', { from: r.from, to: r.to }));
  if (delta.officeHost) lines.push(t('cimport.delta.office', { name: delta.officeHost.name }));
  if (delta.renamedTo) lines.push(t('cimport.delta.bodyRenamed', { name: delta.renamedTo.name }));
  if (delta.abolished) lines.push(t('cimport.delta.abolished', { date: delta.abolished.effectiveDate ?? '—' }));
  return lines;
}

function TargetCard({ target, onPreview, pending }: { target: Target; onPreview: (bodyId: string) => void; pending: boolean }) {
  const { t } = useI18n();
  const [bodyId, setBodyId] = useState<string | undefined>(target.matches[0]?.id);
  return (
    <Card size="small" title={<h3 className="lx-card-title">{target.name}</h3>} extra={<Tag color={target.action === 'abolish' ? 'red' : 'blue'}>{t(`cimport.notice.${target.action}`)}</Tag>}>
      <ul style={{ marginTop: 0 }}>
        {deltaLines(t, target.delta).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {target.matches.length === 0 ? (
        <Alert type="warning" showIcon title={t('cimport.notice.noMatch')} />
      ) : (
        <Space wrap>
          <label htmlFor={`match-${target.name}`}>{t('cimport.notice.matchLabel')}</label>
          <Select
            id={`match-${target.name}`}
            style={{ minWidth: 360 }}
            value={bodyId}
            onChange={setBodyId}
            options={target.matches.map((m) => ({ value: m.id, label: `${m.name}（${t('cimport.notice.confidence', { confidence: Math.round(m.confidence * 100) })}）` }))}
          />
          <Button type="primary" disabled={bodyId === undefined} loading={pending} onClick={() => bodyId !== undefined && onPreview(bodyId)}>
            {t('cimport.notice.preview')}
          </Button>
        </Space>
      )}
    </Card>
  );
}

/** The current charter's facts a notice usually changes, shown beside the diff. */
function CurrentCharter({ preview }: { preview: ChangeNoticePreview }) {
  const { t } = useI18n();
  const c = preview.currentCharter;
  const leaders = c.roles.filter((r) => r.kind === 'convener' || r.kind === 'deputy_convener');
  return (
    <Card size="small" title={<h3 className="lx-card-title">{t('cimport.diff.current', { version: preview.currentVersion.version })}</h3>}>
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('bodies.column.name')}>{c.body.name}</Descriptions.Item>
        <Descriptions.Item label={t('cimport.diff.conveners')}>
          {leaders.map((r) => `${r.title}：${r.person ?? r.position ?? ''}`).join('；') || t('cimport.none')}
        </Descriptions.Item>
        <Descriptions.Item label={t('cimport.diff.office')}>{c.office?.hostUnit ?? t('cimport.none')}</Descriptions.Item>
        <Descriptions.Item label={t('cimport.diff.sunset')}>{c.sunset?.date ?? t('cimport.none')}</Descriptions.Item>
        <Descriptions.Item label={t('import.memberUnitCount', { count: c.memberUnits.length })}>{c.memberUnits.map((u) => u.name).join('、')}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

const FIELD_LABELS = ['body.name', 'sunset.date', 'sunset.text', 'memberUnitsStated', 'office'] as const;

/** A diff field's name for people: the known ones in words, others as the field path. */
function fieldLabel(t: Translate, field: string): string {
  const known = FIELD_LABELS.find((f) => f === field);
  return known === undefined ? field : t(`cimport.field.${known}`);
}

function Changes({ preview }: { preview: ChangeNoticePreview }) {
  const { t } = useI18n();
  const d = preview.diff;
  const rows: { key: string; label: string; text: string; tone: 'added' | 'removed' | 'changed' }[] = [
    ...d.memberUnits.added.map((e) => ({ key: `u+${e.key}`, label: t('cimport.diff.unitsAdded'), text: e.key, tone: 'added' as const })),
    ...d.memberUnits.removed.map((e) => ({ key: `u-${e.key}`, label: t('cimport.diff.unitsRemoved'), text: e.key, tone: 'removed' as const })),
    ...d.roles.added.map((e) => ({ key: `r+${e.key}`, label: t('cimport.diff.rolesAdded'), text: diffValueText(e.item), tone: 'added' as const })),
    ...d.roles.removed.map((e) => ({ key: `r-${e.key}`, label: t('cimport.diff.rolesRemoved'), text: diffValueText(e.item), tone: 'removed' as const })),
    ...d.fields.map((f) => ({ key: `f${f.field}`, label: t('cimport.diff.fields'), text: `${fieldLabel(t, f.field)}：${diffValueText(f.before)} → ${diffValueText(f.after)}`, tone: 'changed' as const })),
  ];
  return (
    <Card size="small" title={<h3 className="lx-card-title">{t('cimport.diff.changes')}</h3>}>
      <Typography.Paragraph>{t('cimport.diff.effective', { date: preview.effectiveDate })}</Typography.Paragraph>
      {preview.abolishedFrom !== null && <Alert style={{ marginBottom: 8 }} type="error" showIcon title={t('cimport.diff.abolishedFrom', { date: preview.abolishedFrom })} />}
      {preview.openDecisions > 0 && <Alert style={{ marginBottom: 8 }} type="warning" showIcon title={t('cimport.diff.openDecisions', { count: preview.openDecisions })} />}
      <List
        size="small"
        dataSource={rows}
        locale={{ emptyText: t('versions.unchanged') }}
        renderItem={(row) => (
          <List.Item key={row.key}>
            <Space>
              <Tag color={row.tone === 'added' ? 'green' : row.tone === 'removed' ? 'red' : 'gold'}>{row.label}</Tag>
              <span className={row.tone === 'added' ? 'lx-diff-added' : row.tone === 'removed' ? 'lx-diff-removed' : undefined}>{row.text}</span>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}

export function ChangeNoticeReview({ notice, text }: { notice: Notice; text: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [chosen, setChosen] = useState<{ bodyId: string; targetName: string } | null>(null);
  const [applied, setApplied] = useState<AppliedChangeNotice | null>(null);

  const previewMutation = useMutation({
    mutationFn: (choice: { bodyId: string; targetName: string }) => previewChangeNotice(choice.bodyId, { text, targetName: choice.targetName }),
  });
  const applyMutation = useMutation({
    mutationFn: (choice: { bodyId: string; targetName: string }) => applyChangeNotice(choice.bodyId, { text, targetName: choice.targetName }),
    onSuccess: (result) => {
      setApplied(result);
      void queryClient.invalidateQueries({ queryKey: ['bodies'] });
    },
  });
  const preview = previewMutation.data;

  if (applied !== null && chosen !== null && preview !== undefined) {
    const dissolution = applied.dissolution;
    return (
      <Result
        status="success"
        title={t('cimport.applied', { name: preview.currentCharter.body.name, version: applied.version.version })}
        subTitle={
          dissolution === null
            ? t('cimport.diff.effective', { date: applied.effectiveDate })
            : dissolution.state === 'dissolved'
              ? t('cimport.dissolved', { date: dissolution.on })
              : dissolution.state === 'scheduled'
                ? t('cimport.scheduled', { date: dissolution.on })
                : t('cimport.handover', { count: dissolution.openDecisionIds.length })
        }
        extra={
          <Button type="primary" onClick={() => void navigate(`/bodies/${chosen.bodyId}`)}>
            {t('import.openBody')}
          </Button>
        }
      />
    );
  }

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small" title={<h2 className="lx-card-title">{t('cimport.notice.title')}</h2>}>
        <Typography.Paragraph>
          {notice.title}
          {notice.docNumber ? `（${notice.docNumber}）` : ''} {notice.issueDate ?? ''}
        </Typography.Paragraph>
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          {notice.targets.map((target) => (
            <TargetCard
              key={target.name}
              target={target}
              pending={previewMutation.isPending && chosen?.targetName === target.name}
              onPreview={(bodyId) => {
                const choice = { bodyId, targetName: target.name };
                setChosen(choice);
                applyMutation.reset();
                previewMutation.mutate(choice);
              }}
            />
          ))}
        </Space>
      </Card>
      {previewMutation.isError && <ErrorAlert error={previewMutation.error} />}
      {preview !== undefined && chosen !== null && (
        <Card size="small" title={<h2 className="lx-card-title">{t('cimport.diff.title')}</h2>}>
          <Row gutter={16}>
            <Col xs={24} lg={12}>
              <CurrentCharter preview={preview} />
            </Col>
            <Col xs={24} lg={12}>
              <Changes preview={preview} />
            </Col>
          </Row>
          {applyMutation.isError && (
            <div style={{ marginTop: 12 }}>
              <ErrorAlert error={applyMutation.error} />
            </div>
          )}
          <Popconfirm
            title={t('cimport.confirmQuestion', { name: preview.currentCharter.body.name, version: preview.currentVersion.version + 1 })}
            okText={t('common.ok')}
            cancelText={t('common.cancel')}
            onConfirm={() => applyMutation.mutate(chosen)}
          >
            <Button type="primary" danger={preview.abolishedFrom !== null} loading={applyMutation.isPending} style={{ marginTop: 12 }}>
              {t('cimport.confirm')}
            </Button>
          </Popconfirm>
        </Card>
      )}
    </Space>
  );
}
