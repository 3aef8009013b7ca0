/**
 * Accounts and role grants (security administrator): the account list (server-side search and
 * cursor pages), creating an account (the one-time password is shown once), and per account its
 * system role, its roles in bodies, unlock, disable / enable and password reset.
 */
import { useState } from 'react';
import { Button, Card, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { UserAddOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useSearchParams } from 'react-router-dom';
import { useI18n } from '../i18n/i18n.tsx';
import { ErrorAlert } from '../common/error-alert.tsx';
import { createAccount, listAccounts, SYSTEM_ROLES, type Account, type AccountListQuery, type AccountWithPassword, type SystemRole } from './admin-api.ts';
import { AccountDrawer } from './account-drawer.tsx';
import { AccountStatusTags } from './account-status.tsx';
import { cursorPages } from '../common/cursor-pages.ts';
import { CursorPager } from '../common/cursor-pager.tsx';

const PAGE_SIZE = 20;

export function AccountsPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const search = params.get('search') ?? '';
  const pages = cursorPages(params, setParams);
  const { cursor } = pages;
  const [creating, setCreating] = useState(false);
  const [oneTime, setOneTime] = useState<OneTimePassword | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);

  const query: AccountListQuery = {
    limit: PAGE_SIZE,
    ...(search === '' ? {} : { search }),
    ...(cursor === undefined ? {} : { cursor }),
  };
  const accounts = useQuery({ queryKey: ['accounts', query], queryFn: () => listAccounts(query), placeholderData: keepPreviousData });


  const columns: TableColumnsType<Account> = [
    { title: t('accounts.column.username'), dataIndex: 'username', key: 'username' },
    { title: t('accounts.column.displayName'), dataIndex: 'displayName', key: 'displayName' },
    {
      title: t('accounts.column.roles'),
      key: 'roles',
      render: (_value, account) => (
        <Space size={4} wrap>
          {account.systemRoles.map((role) => (
            <Tag key={role} color="geekblue">
              {t(`role.system.${role}`)}
            </Tag>
          ))}
          {account.bodyGrants.length > 0 && <Tag>{t('accounts.bodyGrantCount', { count: account.bodyGrants.length })}</Tag>}
        </Space>
      ),
    },
    { title: t('accounts.column.status'), key: 'status', render: (_value, account) => <AccountStatusTags account={account} /> },
    {
      title: t('accounts.column.lastSignIn'),
      key: 'lastSignIn',
      responsive: ['md'],
      render: (_value, account) => (account.lastSignInAt === null ? t('accounts.never') : dayjs(account.lastSignInAt).format('YYYY-MM-DD HH:mm')),
    },
    {
      title: t('accounts.column.actions'),
      key: 'actions',
      render: (_value, account) => (
        <Button size="small" onClick={() => setOpenId(account.id)} aria-label={`${t('accounts.manage')} ${account.username}`}>
          {t('accounts.manage')}
        </Button>
      ),
    },
  ];

  const page = accounts.data;
  return (
    <div>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <h1 className="lx-page-title">{t('accounts.title')}</h1>
        <Button type="primary" icon={<UserAddOutlined />} onClick={() => setCreating(true)}>
          {t('accounts.create')}
        </Button>
      </Space>
      <Card size="small">
        <form className="lx-filters" role="search" onSubmit={(event) => event.preventDefault()}>
          <Input.Search
            key={search}
            aria-label={t('accounts.search')}
            placeholder={t('accounts.search')}
            defaultValue={search}
            allowClear
            enterButton={t('common.search')}
            onSearch={(value) => setParams(value.trim() === '' ? {} : { search: value.trim() })}
            style={{ width: 320, maxWidth: '100%' }}
          />
        </form>
        {accounts.isError && <ErrorAlert error={accounts.error} />}
        <Table<Account>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={page?.items ?? []}
          loading={accounts.isFetching}
          pagination={false}
          locale={{ emptyText: t('accounts.empty') }}
          scroll={{ x: 'max-content' }}
        />
        <CursorPager
          pages={pages}
          nextCursor={page?.nextCursor}
          {...(page === undefined ? {} : { summary: t('accounts.total', { total: page.total }) })}
        />
      </Card>
      <CreateAccountModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(result) => {
          setCreating(false);
          setOneTime({ result, reason: 'created' });
        }}
      />
      <OneTimePasswordModal shown={oneTime} onClose={() => setOneTime(null)} />
      <AccountDrawer accountId={openId} onClose={() => setOpenId(null)} onPasswordReset={(result) => setOneTime({ result, reason: 'reset' })} />
    </div>
  );
}

interface CreateFormValues {
  username: string;
  displayName: string;
  systemRole?: SystemRole;
}

function CreateAccountModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (result: AccountWithPassword) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<CreateFormValues>();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (values: CreateFormValues) =>
      createAccount({
        username: values.username.trim(),
        displayName: values.displayName.trim(),
        systemRoles: values.systemRole === undefined ? [] : [values.systemRole],
      }),
    onSuccess: (result) => {
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: ['accounts'] });
      onCreated(result);
    },
  });
  return (
    <Modal
      open={open}
      title={t('accounts.create')}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      onCancel={() => {
        mutation.reset();
        onClose();
      }}
      destroyOnHidden
    >
      <Form<CreateFormValues> form={form} layout="vertical" onFinish={(values) => mutation.mutate(values)} name="create-account">
        {mutation.isError && (
          <div style={{ marginBottom: 16 }}>
            <ErrorAlert error={mutation.error} />
          </div>
        )}
        <Form.Item
          name="username"
          label={t('accounts.form.username')}
          extra={t('accounts.form.usernameHint')}
          rules={[{ required: true, whitespace: true, message: t('accounts.form.usernameRequired') }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('accounts.form.displayName')}
          rules={[{ required: true, whitespace: true, message: t('accounts.form.displayNameRequired') }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="systemRole" label={t('accounts.form.systemRole')} extra={t('accounts.form.systemRoleHint')}>
          <Select<SystemRole> allowClear options={SYSTEM_ROLES.map((role) => ({ value: role, label: t(`role.system.${role}`) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** A one-time password to show, and why it was made. */
interface OneTimePassword {
  result: AccountWithPassword;
  reason: 'created' | 'reset';
}

/** Shows a new one-time password once, copyable. */
function OneTimePasswordModal({ shown, onClose }: { shown: OneTimePassword | null; onClose: () => void }) {
  const { t } = useI18n();
  const result = shown?.result ?? null;
  return (
    <Modal
      open={result !== null}
      title={t('accounts.oneTimePassword.title')}
      onOk={onClose}
      onCancel={onClose}
      okText={t('common.ok')}
      cancelButtonProps={{ style: { display: 'none' } }}
    >
      {result !== null && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text>
            {t(shown?.reason === 'reset' ? 'accounts.passwordReset' : 'accounts.created', { username: result.account.username })}
          </Typography.Text>
          {result.oneTimePassword !== null && (
            <Typography.Paragraph copyable={{ text: result.oneTimePassword }} code style={{ fontSize: 18 }} data-testid="one-time-password">
              {result.oneTimePassword}
            </Typography.Paragraph>
          )}
          <Typography.Text type="secondary">{t('accounts.oneTimePassword.hint')}</Typography.Text>
        </Space>
      )}
    </Modal>
  );
}
