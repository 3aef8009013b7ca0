/**
 * One outgoing document: its signing chain step by step (who, as what role, when, under which
 * clause) and the one step this person may take now (送审 / 审核 / 签发, as the server says); a
 * bulletin also shows its series, 期数, articles, recipients and its DOCX / PDF. Inbox items of a
 * document waiting for review or signing link here.
 */
import { useState } from 'react';
import { App as AntApp, Breadcrumb, Button, Card, Descriptions, Input, Popconfirm, Space, Steps, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, Navigate, useParams } from 'react-router-dom';
import { useI18n } from '../i18n/i18n.tsx';
import { ErrorAlert } from '../common/error-alert.tsx';
import { bulletinDocumentUrl, getBulletin, getOutgoingDocument, reviewOutgoingDocument, signOutgoingDocument, submitOutgoingDocument } from './outgoing-api.ts';
import type { Bulletin, OutgoingDocument } from './outgoing-api.ts';

/** 第十三条 以协调小组名义发文… — the clause label once, even where the sentence starts with it. */
function clauseLine(clause: { clause: string | null; text: string }): string {
  if (clause.clause === null || clause.text.startsWith(clause.clause)) return clause.text;
  return `${clause.clause} ${clause.text}`;
}

function ChainSteps({ document }: { document: OutgoingDocument }) {
  const { t } = useI18n();
  const current = document.chain.findIndex((step) => !step.done);
  return (
    <Steps
      orientation="vertical"
      size="small"
      current={current === -1 ? document.chain.length : current}
      items={document.chain.map((step) => ({
        title: `${step.label}${step.done ? `（${t('outgoing.chain.done')}）` : ''}`,
        description: (
          <Typography.Text type="secondary">
            {step.byDefault ? t('outgoing.chain.byDefault') : clauseLine(step.clause)}
            {step.at ? ` · ${new Date(step.at).toLocaleString('zh-CN')}` : ''}
          </Typography.Text>
        ),
      }))}
    />
  );
}

function BulletinPart({ bulletin }: { bulletin: Bulletin }) {
  const { t } = useI18n();
  const ref = { bodyId: bulletin.document.bodyId, documentId: bulletin.document.id };
  return (
    <Card title={bulletin.series} size="small">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text>
          {t('bulletin.issue')}：{bulletin.issueLabel ?? t('bulletin.draftIssue')}
        </Typography.Text>
        <Typography.Text strong>{t('bulletin.articles')}</Typography.Text>
        {bulletin.articles.map((article, index) => (
          <Card key={`${index}:${article.title}`} size="small" title={article.title}>
            {article.text.split('\n').map((line, i) => (
              <Typography.Paragraph key={i}>{line}</Typography.Paragraph>
            ))}
            {article.reporterName && <Typography.Text type="secondary">{t('bulletin.reporter', { name: article.reporterName })}</Typography.Text>}
          </Card>
        ))}
        <Typography.Text>
          {t('bulletin.recipients')}：{[...bulletin.recipientUnits.map((u) => u.name), ...bulletin.recipientRoles.map((r) => t(`bulletin.role.${r}`))].join('、') || t('common.none')}
        </Typography.Text>
        {bulletin.reportTo.length > 0 && <Typography.Text>{t('bulletin.reportToLine', { list: bulletin.reportTo.join('，') })}</Typography.Text>}
        {bulletin.copyTo.length > 0 && <Typography.Text>{t('bulletin.copyToLine', { list: bulletin.copyTo.join('，') })}</Typography.Text>}
        <Space>
          <a href={bulletinDocumentUrl(ref, 'docx')}>{t('bulletin.downloadDocx')}</a>
          <a href={bulletinDocumentUrl(ref, 'pdf')}>{t('bulletin.downloadPdf')}</a>
        </Space>
      </Space>
    </Card>
  );
}

export function OutgoingDocumentPage() {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const { bodyId = '', documentId = '' } = useParams();
  const ref = { bodyId, documentId };
  const document = useQuery({ queryKey: ['outgoing-document', bodyId, documentId], queryFn: () => getOutgoingDocument(ref) });
  const isBulletin = document.data?.kind === 'bulletin';
  const bulletin = useQuery({ queryKey: ['bulletin', bodyId, documentId], queryFn: () => getBulletin(ref), enabled: isBulletin });
  const [comment, setComment] = useState('');
  const step = useMutation({
    mutationFn: (run: () => Promise<unknown>) => run(),
    onSuccess: () => {
      void message.success(t('outgoing.done'));
      void queryClient.invalidateQueries({ queryKey: ['outgoing-document', bodyId, documentId] });
      void queryClient.invalidateQueries({ queryKey: ['outgoing-documents', bodyId] });
      void queryClient.invalidateQueries({ queryKey: ['bulletin', bodyId, documentId] });
    },
  });
  const item = document.data;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb
        items={[
          { title: <Link to="/bodies">{t('nav.bodies')}</Link> },
          { title: <Link to={`/bodies/${bodyId}/outgoing-documents`}>{t('outgoing.title')}</Link> },
          { title: item?.title ?? '' },
        ]}
      />
      {document.isError && <ErrorAlert error={document.error} />}
      {item && (
        <>
          <Typography.Title level={3}>{item.title}</Typography.Title>
          <Descriptions
            size="small"
            column={2}
            items={[
              { key: 'kind', label: t('outgoing.kind'), children: item.kindLabel },
              { key: 'issuer', label: t('outgoing.issuer'), children: `${t(`outgoing.issuer.${item.issuedInNameOf}`)}${item.groupName ? `（${item.groupName}）` : ''}` },
              { key: 'status', label: t('outgoing.status'), children: <Tag color={item.status === 'issued' ? 'green' : 'blue'}>{item.statusLabel}</Tag> },
              { key: 'docNumber', label: t('outgoing.docNumber'), children: item.docNumber ?? t('common.none') },
              ...(item.reviewComment ? [{ key: 'comment', label: t('outgoing.reviewComment'), children: item.reviewComment }] : []),
            ]}
          />
          <Card title={t('outgoing.chain')} size="small">
            <ChainSteps document={item} />
            {step.isError && <ErrorAlert error={step.error} />}
            <Space orientation="vertical" style={{ width: '100%' }}>
              {item.allowedActions.includes('submit') && (
                <Button type="primary" loading={step.isPending} onClick={() => step.mutate(() => submitOutgoingDocument(ref))}>
                  {t('outgoing.submit')}
                </Button>
              )}
              {item.allowedActions.includes('review') && (
                <>
                  <Input.TextArea rows={2} value={comment} onChange={(event) => setComment(event.target.value)} aria-label={t('outgoing.reviewComment')} placeholder={t('outgoing.reviewComment')} maxLength={2000} />
                  <Button type="primary" loading={step.isPending} onClick={() => step.mutate(() => reviewOutgoingDocument(ref, comment.trim() === '' ? null : comment.trim()))}>
                    {t('outgoing.review')}
                  </Button>
                </>
              )}
              {item.allowedActions.includes('sign') && (
                <Popconfirm title={t('outgoing.signConfirm')} onConfirm={() => step.mutate(() => signOutgoingDocument(ref))} okText={t('common.ok')} cancelText={t('common.cancel')}>
                  <Button type="primary" loading={step.isPending}>
                    {t('outgoing.sign')}
                  </Button>
                </Popconfirm>
              )}
            </Space>
          </Card>
          {item.content.trim() !== '' && (
            <Card title={t('outgoing.content')} size="small">
              {item.content.split('\n').map((line, i) => (
                <Typography.Paragraph key={i}>{line}</Typography.Paragraph>
              ))}
            </Card>
          )}
          {isBulletin && bulletin.data && <BulletinPart bulletin={bulletin.data} />}
        </>
      )}
    </Space>
  );
}

/** The link of an issued bulletin (inbox) opens its document. */
export function BulletinRedirect() {
  const { bodyId = '', documentId = '' } = useParams();
  return <Navigate to={`/bodies/${bodyId}/outgoing-documents/${documentId}`} replace />;
}
