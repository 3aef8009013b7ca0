/**
 * The corrections of an import, as the office made them on the import screen: the body's name and
 * issue date, member units added and dropped. Stored with the charter version; reused on re-import.
 */
import { useEffect, useState } from 'react';
import { Button, Card, Form, Input, Space, Tag, Typography } from 'antd';
import { useI18n } from '../i18n/i18n.tsx';
import type { CorrectionsInput } from './charter-import-api.ts';

export interface CorrectionsPanelProps {
  corrections: CorrectionsInput;
  onChange: (next: CorrectionsInput) => void;
  pending: boolean;
  remembered: boolean;
}

/** Corrections without parts that correct nothing. */
export function tidyCorrections(c: CorrectionsInput): CorrectionsInput {
  const add = c.memberUnits?.add ?? [];
  const remove = c.memberUnits?.remove ?? [];
  const out: CorrectionsInput = { ...c };
  delete out.memberUnits;
  if (add.length > 0 || remove.length > 0) out.memberUnits = { ...(add.length > 0 ? { add } : {}), ...(remove.length > 0 ? { remove } : {}) };
  if (out.body && Object.keys(out.body).length === 0) delete out.body;
  return out;
}

export function CorrectionsPanel({ corrections, onChange, pending, remembered }: CorrectionsPanelProps) {
  const { t } = useI18n();
  const [name, setName] = useState(corrections.body?.name ?? '');
  const [issueDate, setIssueDate] = useState(corrections.issueDate ?? '');
  useEffect(() => {
    setName(corrections.body?.name ?? '');
    setIssueDate(corrections.issueDate ?? '');
  }, [corrections]);
  const added = corrections.memberUnits?.add ?? [];
  const removed = corrections.memberUnits?.remove ?? [];

  const submit = (): void => {
    const next: CorrectionsInput = { ...corrections };
    const body = { ...(corrections.body ?? {}) };
    if (name.trim() === '') delete body.name;
    else body.name = name.trim();
    next.body = body;
    if (/^\d{4}-\d{2}-\d{2}$/u.test(issueDate.trim())) next.issueDate = issueDate.trim();
    else delete next.issueDate;
    onChange(tidyCorrections(next));
  };

  return (
    <Card size="small" title={<h2 className="lx-card-title">{t('cimport.corrections')}</h2>}>
      <Typography.Paragraph type="secondary">{t('cimport.correctionsHint')}</Typography.Paragraph>
      {remembered && <Typography.Paragraph type="success">{t('cimport.remembered')}</Typography.Paragraph>}
      <Form layout="vertical" onFinish={submit}>
        <Space wrap align="end">
          <Form.Item label={t('cimport.bodyName')} htmlFor="correction-body-name" style={{ minWidth: 320 }}>
            <Input id="correction-body-name" value={name} onChange={(event) => setName(event.target.value)} />
          </Form.Item>
          <Form.Item label={t('cimport.issueDate')} htmlFor="correction-issue-date">
            <Input id="correction-issue-date" placeholder="YYYY-MM-DD" value={issueDate} onChange={(event) => setIssueDate(event.target.value)} />
          </Form.Item>
        </Space>
        <div style={{ marginBottom: 8 }}>
          <Typography.Text strong>{t('cimport.unitsAdded')}：</Typography.Text>
          {added.length === 0 ? t('cimport.none') : added.map((unit) => (
            <Tag
              key={unit.name}
              color="blue"
              closable
              onClose={() => onChange(tidyCorrections({ ...corrections, memberUnits: { add: added.filter((u) => u.name !== unit.name), remove: removed } }))}
            >
              {unit.name}
            </Tag>
          ))}
        </div>
        <div style={{ marginBottom: 12 }}>
          <Typography.Text strong>{t('cimport.unitsRemoved')}：</Typography.Text>
          {removed.length === 0 ? t('cimport.none') : removed.map((unit) => (
            <Tag
              key={unit}
              color="red"
              closable
              onClose={() => onChange(tidyCorrections({ ...corrections, memberUnits: { add: added, remove: removed.filter((u) => u !== unit) } }))}
            >
              {unit}
            </Tag>
          ))}
        </div>
        <Space>
          <Button htmlType="submit" loading={pending}>
            {t('cimport.applyCorrections')}
          </Button>
          <Button onClick={() => onChange({})} disabled={pending}>
            {t('cimport.clearCorrections')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
