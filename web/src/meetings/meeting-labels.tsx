import { Tag } from 'antd';
import dayjs from 'dayjs';
import { useI18n, type Translate } from '../i18n/i18n.tsx';
import type { MeetingStatus } from './meetings-api.ts';

const STATUS_COLORS: Record<MeetingStatus, string> = {
  draft: 'default',
  scheduled: 'blue',
  postponed: 'orange',
  held: 'cyan',
  minutes_drafted: 'purple',
  minutes_signed_off: 'geekblue',
  minutes_issued: 'green',
  cancelled: 'default',
};

export function MeetingStatusTag({ status }: { status: MeetingStatus }) {
  const { t } = useI18n();
  return <Tag color={STATUS_COLORS[status]}>{t(`meeting.status.${status}`)}</Tag>;
}

/** An instant as local date and time (YYYY-MM-DD HH:mm). */
export function formatTime(instant: string | null): string {
  return instant === null ? '—' : dayjs(instant).format('YYYY-MM-DD HH:mm');
}

/** Role kinds an approver or signer may be recorded as; anything else (the charter's own title) shows as written. */
const ACTED_AS_ROLES = ['convener', 'deputy_convener', 'office_staff', 'member', 'liaison'] as const;

/** The role someone acted as (decidedAs, signedOffAs), in the reader's language. */
export function actedAsText(t: Translate, who: string): string {
  const role = ACTED_AS_ROLES.find((kind) => kind === who);
  return role === undefined ? who : t(`role.body.${role}`);
}
