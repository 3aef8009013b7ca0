/**
 * The office's dialog for one post of the members tab (成员、联络员、召集人): add a holder where the
 * post is vacant, hand the post to a successor from a date, or end the holder's membership. The
 * charter decides the path, as the server reports it (`…/membership-changes/rules`): the office
 * records the change directly where it confirms such changes or where the change fills a vacancy;
 * otherwise the change is proposed and waits (待确认) for whom the charter names to confirm it.
 * Field errors show under their field; any other refusal beside the buttons.
 */
import { useState } from 'react';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { AppError } from '../api/app-error.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ErrorAlert } from '../common/error-alert.tsx';
import { DateField } from '../common/date-field.tsx';
import { todayInShanghai } from '../common/today.ts';
import type { Membership } from './bodies-api.ts';
import { changeMembership, endMembership, proposeMembershipChange, startMembership } from './membership-changes-api.ts';
import type { MembershipChangeRule, PersonChoice } from './membership-changes-api.ts';
import { PersonPicker } from './person-picker.tsx';

/** What the office does to a post: add a holder, hand it over, or end the holder's membership. */
export type PostAction = 'start' | 'handover' | 'end';

/** The post the dialog acts on: its kind, the charter's title and the member unit (null for a convener's). */
export interface PostTarget {
  roleKind: Membership['roleKind'];
  title: string;
  unitId: string | null;
  unitName: string | null;
}

interface PostValues {
  personName?: string;
  position?: string;
  date: Dayjs;
  reason?: string;
}

/** The form field a server error names (`personName`, `body.validFrom` …), or null. */
function formFieldOf(error: unknown): keyof PostValues | null {
  if (!(error instanceof AppError) || error.field === undefined) return null;
  const name = error.field.replace(/^body\./u, '');
  if (name === 'personName' || name === 'personId') return 'personName';
  if (name === 'position') return 'position';
  if (name === 'reason') return 'reason';
  if (['validFrom', 'validTo', 'date', 'effectiveDate'].includes(name)) return 'date';
  return null;
}

export function MembershipPostDialog({
  bodyId,
  action,
  post,
  holder,
  rule,
  onClose,
}: {
  bodyId: string;
  action: PostAction;
  post: PostTarget;
  /** The membership handed over or ended; for a vacant post set up by the charter, that post's record */
  holder: Membership | null;
  rule: MembershipChangeRule | undefined;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<PostValues>();
  const [otherError, setOtherError] = useState<unknown>(null);
  /** The existing person picked as the holder (null: a new person of the typed name) */
  const [picked, setPicked] = useState<PersonChoice | null>(null);
  const fillsVacancy = action === 'start' || (action === 'handover' && holder !== null && (holder.vacant || holder.personId === null));
  const direct = fillsVacancy || rule?.officeRecordsDirectly === true || rule === undefined;
  const confirmer = rule?.confirmer ?? 'office';
  const today = dayjs(todayInShanghai());
  const unitPost = post.roleKind === 'member' || post.roleKind === 'liaison';

  const save = useMutation({
    mutationFn: async (values: PostValues) => {
      const date = values.date.format('YYYY-MM-DD');
      const personName = values.personName?.trim() ?? '';
      // A picked person goes by id; otherwise the typed name makes a new person.
      const holderOf = () => (picked !== null && picked.name === personName ? { personId: picked.id } : { personName });
      const position = values.position?.trim() ? values.position.trim() : null;
      const reason = values.reason?.trim() ? values.reason.trim() : null;
      if (direct) {
        if (action === 'start') {
          return startMembership(bodyId, { roleKind: post.roleKind, title: post.title, unitId: post.unitId, ...holderOf(), position, validFrom: date, reason });
        }
        const membershipId = holder?.id ?? '';
        if (action === 'handover') return changeMembership(bodyId, membershipId, { date, ...holderOf(), position, reason });
        return endMembership(bodyId, membershipId, { validTo: date, reason });
      }
      // A start always fills a vacancy (it is offered only where nobody holds the post), so it is direct.
      const why = reason ?? '';
      const membershipId = holder?.id ?? '';
      if (action === 'handover') {
        return proposeMembershipChange(bodyId, { kind: 'handover', membershipId, ...holderOf(), ...(position === null ? {} : { position }), effectiveDate: date, reason: why });
      }
      return proposeMembershipChange(bodyId, { kind: 'end', membershipId, effectiveDate: date, reason: why });
    },
    onMutate: () => setOtherError(null),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['memberships', bodyId] });
      void queryClient.invalidateQueries({ queryKey: ['membership-changes', bodyId] });
      void queryClient.invalidateQueries({ queryKey: ['post-history', bodyId] });
      onClose();
    },
    onError: (error) => {
      const field = formFieldOf(error);
      if (field !== null && error instanceof Error) form.setFields([{ name: field, errors: [error.message] }]);
      else setOtherError(error);
    },
  });

  const postName = post.unitName === null ? post.title : `${post.unitName} · ${post.title}`;
  const title = t(`posts.action.${action}`, { post: postName });
  const dateLabel = t(action === 'start' ? 'posts.date.start' : action === 'handover' ? 'posts.date.handover' : 'posts.date.end');
  return (
    <Modal
      open
      title={title}
      okText={t(direct ? 'posts.save' : 'posts.propose')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      cancelButtonProps={{ disabled: save.isPending }}
      onOk={() => form.submit()}
      onCancel={() => !save.isPending && onClose()}
      footer={(buttons) => (
        <>
          {otherError !== null && (
            <div style={{ textAlign: 'start', marginBottom: 12 }} data-testid="post-error">
              <ErrorAlert error={otherError} />
            </div>
          )}
          {buttons}
        </>
      )}
      destroyOnHidden
    >
      <Form<PostValues>
        form={form}
        layout="vertical"
        name="membership-post"
        initialValues={{ date: today }}
        onFinish={(values) => save.mutate(values)}
      >
        <Alert
          style={{ marginBottom: 16 }}
          type={direct ? 'info' : 'warning'}
          showIcon
          title={direct ? t('posts.direct') : t('posts.needsConfirmation', { confirmer: t(`changes.confirmer.${confirmer}`) })}
          description={
            rule === undefined ? undefined : (
              <Typography.Text type="secondary">
                {rule.basis.kind === 'rule'
                  ? `${t('changes.basis')}：${rule.basis.clause.clause ?? rule.basis.clause.document ?? ''} ${rule.basis.clause.text}`
                  : rule.basis.text}
              </Typography.Text>
            )
          }
        />
        {holder !== null && !holder.vacant && holder.personName !== null && (
          <Form.Item label={t('changes.holder')}>
            <Typography.Text>{holder.position === null ? holder.personName : `${holder.personName}（${holder.position}）`}</Typography.Text>
          </Form.Item>
        )}
        {action !== 'end' && (
          <>
            <Form.Item
              name="personName"
              label={t(action === 'start' ? 'posts.person' : 'posts.successor')}
              rules={[{ required: true, whitespace: true, message: t('changes.personRequired') }]}
            >
              <PersonPicker bodyId={bodyId} picked={picked} onPick={setPicked} />
            </Form.Item>
            <Form.Item name="position" label={t('changes.position')} extra={unitPost ? t('posts.positionHint') : undefined}>
              <Input maxLength={200} autoComplete="off" />
            </Form.Item>
          </>
        )}
        <Form.Item
          name="date"
          label={dateLabel}
          extra={direct ? t('posts.dateHintDirect') : t('changes.effectiveDateHint')}
          rules={[{ required: true, message: t('posts.dateRequired') }]}
        >
          <DateField allowClear={false} {...(direct ? {} : { disabledDate: (day: Dayjs) => day.isBefore(today, 'day') })} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t(direct ? 'posts.reasonOptional' : 'changes.reason')}
          rules={direct ? [] : [{ required: true, whitespace: true, message: t('changes.reasonRequired') }]}
        >
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
