import { Tag } from 'antd';
import { useI18n } from '../i18n/i18n.tsx';
import type { BodyListQuery } from './bodies-api.ts';

export const BODY_KINDS = ['joint_meeting', 'task_force', 'coordination_group', 'leading_group', 'command', 'other'] as const satisfies readonly NonNullable<
  BodyListQuery['kind']
>[];
export const BODY_LEVELS = ['national', 'provincial', 'municipal', 'county'] as const satisfies readonly NonNullable<BodyListQuery['level']>[];
export const BODY_STATUSES = ['active', 'dissolved'] as const satisfies readonly NonNullable<BodyListQuery['status']>[];

export function StatusTag({ status }: { status: (typeof BODY_STATUSES)[number] }) {
  const { t } = useI18n();
  return <Tag color={status === 'active' ? 'green' : 'default'}>{t(`body.status.${status}`)}</Tag>;
}

/** The three charter flags the software honours, as tags. */
export function FlagTags({ flags }: { flags: { noSeal: boolean; noFormalDocuments: boolean; notRegisteredBody: boolean } }) {
  const { t } = useI18n();
  const shown = (['noSeal', 'noFormalDocuments', 'notRegisteredBody'] as const).filter((flag) => flags[flag]);
  if (shown.length === 0) return <span>{t('overview.noFlags')}</span>;
  return (
    <>
      {shown.map((flag) => (
        <Tag key={flag} color="volcano">
          {t(`body.flags.${flag}`)}
        </Tag>
      ))}
    </>
  );
}
