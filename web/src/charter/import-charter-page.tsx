/**
 * Import a charter: paste or upload the founding document's text → preview what was extracted,
 * with the findings (POST /api/charters/preview) → publish it as a new body (POST /api/bodies).
 * The preview marks in the original text what was read as what and takes corrections in one click
 * (stored with the version, reused on re-import). A founding document of an existing body is offered
 * as a re-import of that body; a change notice (调整 / 撤销) goes to its diff and confirm screen.
 */
import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Input, Popconfirm, Result, Space, Steps, Tabs, Tag, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../i18n/i18n.tsx';
import { ErrorAlert } from '../common/error-alert.tsx';
import { previewCharter, publishBody, type PreviewResponse, type PublishResponse } from '../bodies/bodies-api.ts';
import { FlagTags } from '../bodies/body-labels.tsx';
import { CharterView } from './charter-view.tsx';
import { FindingList } from './finding-list.tsx';
import { ReadablePreview } from './readable-preview.tsx';
import { CorrectionsPanel, tidyCorrections } from './corrections-panel.tsx';
import { ChangeNoticeReview } from './change-notice-review.tsx';
import { reimportCharter, rememberedCorrections, type CorrectionsInput, type ReimportResult } from './charter-import-api.ts';

type Step = 0 | 1 | 2;

export function ImportCharterPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [step, setStep] = useState<Step>(0);
  const [preview, setPreview] = useState<PreviewResponse | null>(null);
  const [published, setPublished] = useState<PublishResponse | null>(null);
  const [corrections, setCorrections] = useState<CorrectionsInput>({});
  const [remembered, setRemembered] = useState(false);
  const [reimported, setReimported] = useState<{ bodyId: string; result: ReimportResult } | null>(null);

  const previewMutation = useMutation({
    mutationFn: (next: CorrectionsInput) => previewCharter({ text, ...(Object.keys(next).length > 0 ? { corrections: next } : {}) }),
    onSuccess: (result) => {
      setPreview(result);
      setStep(1);
    },
  });
  const correct = (next: CorrectionsInput): void => {
    const tidy = tidyCorrections(next);
    setCorrections(tidy);
    previewMutation.mutate(tidy);
  };
  const unitsAdded = corrections.memberUnits?.add ?? [];
  const unitsRemoved = corrections.memberUnits?.remove ?? [];
  const toggleUnit = (name: string): void =>
    correct({
      ...corrections,
      memberUnits: { add: unitsAdded, remove: unitsRemoved.includes(name) ? unitsRemoved.filter((u) => u !== name) : [...unitsRemoved, name] },
    });
  const addUnit = (name: string): void => {
    if (unitsAdded.some((u) => u.name === name)) return;
    correct({ ...corrections, memberUnits: { add: [...unitsAdded, { name }], remove: unitsRemoved.filter((u) => u !== name) } });
  };
  const setName = (name: string): void => correct({ ...corrections, body: { ...(corrections.body ?? {}), name } });
  const [rememberError, setRememberError] = useState<unknown>(null);
  const loadRemembered = async (bodyId: string): Promise<void> => {
    try {
      setRememberError(null);
      const stored = await rememberedCorrections(bodyId);
      setRemembered(true);
      if (stored !== null) correct({ ...stored, ...corrections });
    } catch (error) {
      setRememberError(error);
    }
  };
  const reimportMutation = useMutation({
    mutationFn: (bodyId: string) => reimportCharter(bodyId, { text, ...(Object.keys(corrections).length > 0 ? { corrections } : {}) }),
    onSuccess: (result, bodyId) => {
      setReimported({ bodyId, result });
      setStep(2);
      void queryClient.invalidateQueries({ queryKey: ['bodies'] });
    },
  });
  const publishMutation = useMutation({
    mutationFn: () => publishBody({ text, ...(Object.keys(corrections).length > 0 ? { corrections } : {}) }),
    onSuccess: (result) => {
      setPublished(result);
      setStep(2);
      void queryClient.invalidateQueries({ queryKey: ['bodies'] });
    },
  });

  const counts = preview === null ? null : {
    errors: preview.findings.filter((f) => f.severity === 'error').length,
    warnings: preview.findings.filter((f) => f.severity === 'warning').length,
    infos: preview.findings.filter((f) => f.severity === 'info').length,
  };

  return (
    <div>
      <h1 className="lx-page-title">
        {t('import.title')}
      </h1>
      <Steps
        current={step}
        style={{ marginBottom: 16 }}
        items={[{ title: t('import.step.input') }, { title: t('import.step.preview') }, { title: t('import.step.publish') }]}
      />

      {step === 0 && (
        <Card size="small">
          <Tabs
            items={[
              {
                key: 'paste',
                label: t('import.paste'),
                children: (
                  <>
                    <label htmlFor="import-text" style={{ display: 'block', marginBottom: 8 }}>
                      {t('import.pasteLabel')}
                    </label>
                    <Input.TextArea
                      id="import-text"
                      value={text}
                      onChange={(event) => {
                        setText(event.target.value);
                        setFileName(null);
                      }}
                      placeholder={t('import.pastePlaceholder')}
                      autoSize={{ minRows: 14, maxRows: 28 }}
                    />
                  </>
                ),
              },
              {
                key: 'upload',
                label: t('import.upload'),
                children: (
                  <Upload.Dragger
                    accept=".txt,text/plain"
                    multiple={false}
                    showUploadList={false}
                    beforeUpload={(file) => {
                      void file.text().then((content) => {
                        setText(content);
                        setFileName(file.name);
                      });
                      return false;
                    }}
                  >
                    <p className="ant-upload-drag-icon">
                      <InboxOutlined />
                    </p>
                    <p className="ant-upload-text">{t('import.uploadHint')}</p>
                  </Upload.Dragger>
                ),
              },
            ]}
          />
          {fileName !== null && (
            <Alert style={{ marginTop: 12 }} type="success" showIcon title={t('import.uploaded', { name: fileName, chars: text.length })} />
          )}
          {previewMutation.isError && (
            <div style={{ marginTop: 12 }}>
              <ErrorAlert error={previewMutation.error} />
            </div>
          )}
          <Space style={{ marginTop: 16 }}>
            <Button
              type="primary"
              disabled={text.trim() === ''}
              loading={previewMutation.isPending}
              onClick={() => {
                setCorrections({});
                setRemembered(false);
                previewMutation.mutate({});
              }}
            >
              {t('import.preview')}
            </Button>
            {text.trim() === '' && <Typography.Text type="secondary">{t('import.empty')}</Typography.Text>}
          </Space>
        </Card>
      )}

      {step === 1 && preview !== null && preview.changeNotice !== null && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Alert type="info" showIcon title={t('cimport.documentKind', { kind: t(`cimport.kind.${preview.documentKind}`) })} />
          <ChangeNoticeReview notice={preview.changeNotice} text={text} />
          <Button onClick={() => setStep(0)}>{t('import.back')}</Button>
        </Space>
      )}

      {step === 1 && preview !== null && preview.changeNotice === null && counts !== null && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Card size="small" title={<h2 className="lx-card-title">{t('import.summary')}</h2>}>
            <Descriptions column={{ xs: 1, md: 2 }} size="small">
              <Descriptions.Item label={t('overview.title')}>{preview.charter.foundingDocument.title}</Descriptions.Item>
              <Descriptions.Item label={t('bodies.column.name')}>{preview.charter.body.name}</Descriptions.Item>
              <Descriptions.Item label={t('overview.kind')}>{t(`body.kind.${preview.charter.body.kind}`)}</Descriptions.Item>
              <Descriptions.Item label={t('overview.docNumber')}>{preview.charter.foundingDocument.docNumber ?? t('overview.unknown')}</Descriptions.Item>
              <Descriptions.Item label={t('overview.issueDate')}>{preview.charter.foundingDocument.issueDate ?? t('overview.unknown')}</Descriptions.Item>
              <Descriptions.Item label={t('overview.flags')}>
                <FlagTags flags={preview.charter.flags} />
              </Descriptions.Item>
            </Descriptions>
            <Space wrap>
              <Tag>{t('import.memberUnitCount', { count: preview.charter.memberUnits.length })}</Tag>
              <Tag>{t('import.roleCount', { count: preview.charter.roles.length })}</Tag>
              <Tag>{t('import.groupCount', { count: preview.charter.groups.length })}</Tag>
              <Tag>{t('import.ruleCount', { count: preview.charter.rules.length })}</Tag>
            </Space>
          </Card>
          <Card size="small" title={<h2 className="lx-card-title">{t('import.findings')}</h2>}>
            <Typography.Paragraph>{t('import.findingsCount', counts)}</Typography.Paragraph>
            {counts.errors > 0 && <Alert style={{ marginBottom: 12 }} type="warning" showIcon title={t('import.hasErrors')} />}
            <FindingList findings={preview.findings} />
          </Card>
          <ReadablePreview charter={preview.charter} removedUnits={unitsRemoved} onToggleUnit={toggleUnit} onAddUnit={addUnit} onSetName={setName} />
          <CorrectionsPanel corrections={corrections} onChange={correct} pending={previewMutation.isPending} remembered={remembered} />
          {previewMutation.isError && <ErrorAlert error={previewMutation.error} />}
          <CharterView charter={preview.charter} />
          {publishMutation.isError && <ErrorAlert error={publishMutation.error} />}
          {reimportMutation.isError && <ErrorAlert error={reimportMutation.error} />}
          {rememberError !== null && <ErrorAlert error={rememberError} />}
          {preview.existingBodies.map((existing) => (
            <Alert
              key={existing.id}
              type="warning"
              showIcon
              title={t('cimport.existing', { name: existing.name, confidence: Math.round(existing.confidence * 100) })}
              action={
                <Space>
                  {!remembered && (
                    <Button size="small" onClick={() => void loadRemembered(existing.id)}>
                      {t('cimport.useRemembered')}
                    </Button>
                  )}
                  <Popconfirm
                    title={t('cimport.reimportConfirm', { name: existing.name })}
                    okText={t('common.ok')}
                    cancelText={t('common.cancel')}
                    onConfirm={() => reimportMutation.mutate(existing.id)}
                  >
                    <Button size="small" type="primary" loading={reimportMutation.isPending}>
                      {t('cimport.reimport', { name: existing.name })}
                    </Button>
                  </Popconfirm>
                </Space>
              }
            />
          ))}
          <Space>
            <Button onClick={() => setStep(0)}>{t('import.back')}</Button>
            <Popconfirm
              title={t('import.publishConfirm', { name: preview.charter.body.name })}
              okText={t('common.ok')}
              cancelText={t('common.cancel')}
              onConfirm={() => publishMutation.mutate()}
            >
              <Button type={preview.existingBodies.length > 0 ? 'default' : 'primary'} loading={publishMutation.isPending}>
                {t('import.publish')}
              </Button>
            </Popconfirm>
          </Space>
        </Space>
      )}

      {step === 2 && reimported !== null && (
        <Result
          status="success"
          title={reimported.result.changed ? t('cimport.reimported', { version: reimported.result.version.version }) : t('cimport.reimportUnchanged')}
          extra={
            <Button type="primary" onClick={() => void navigate(`/bodies/${reimported.bodyId}`)}>
              {t('import.openBody')}
            </Button>
          }
        />
      )}

      {step === 2 && published !== null && (
        <Result
          status="success"
          title={t('import.published', { name: published.body.name })}
          extra={
            <Button type="primary" onClick={() => void navigate(`/bodies/${published.body.id}`)}>
              {t('import.openBody')}
            </Button>
          }
        />
      )}
    </div>
  );
}
