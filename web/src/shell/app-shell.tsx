import { useState, type ReactNode } from 'react';
import { Button, Drawer, Dropdown, Grid, Layout, Menu, App as AntApp } from 'antd';
import type { MenuProps } from 'antd';
import {
  ApartmentOutlined,
  ScheduleOutlined,
  AuditOutlined,
  CarryOutOutlined,
  CalendarOutlined,
  DownOutlined,
  FileAddOutlined,
  HomeOutlined,
  KeyOutlined,
  LogoutOutlined,
  MenuOutlined,
  SettingOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { signOut } from '../api/auth-api.ts';
import { useAuth, useMe } from '../auth/auth-context.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { useErrorMessage } from '../common/error-alert.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import { navigationFor, type NavigationKey } from './navigation.ts';
import { TodoNavLabel } from '../todo/todo-nav-badge.tsx';

const { Header, Sider, Content } = Layout;

const ICONS: Record<NavigationKey, ReactNode> = {
  workspace: <HomeOutlined />,
  bodies: <ApartmentOutlined />,
  calendar: <CalendarOutlined />,
  import: <FileAddOutlined />,
  accounts: <TeamOutlined />,
  audit: <AuditOutlined />,
  settings: <SettingOutlined />,
  todo: <CarryOutOutlined />,
  meetingsCalendar: <ScheduleOutlined />,
};

export function AppShell() {
  const { t } = useI18n();
  const me = useMe();
  const { setMe, setNotice } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const narrow = screens.md === false;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const { message } = AntApp.useApp();
  const messageOf = useErrorMessage();

  const signOutMutation = useMutation({
    mutationFn: signOut,
    onSuccess: () => {
      setNotice({ kind: 'signedOut' });
      setMe(null);
      void navigate('/sign-in', { replace: true });
    },
    onError: (error) => void message.error(messageOf(error)),
  });

  const entries = navigationFor(me.systemRoles);
  const selected = entries.find((entry) => location.pathname.startsWith(entry.path))?.key;
  const menuItems: MenuProps['items'] = entries.map((entry) => ({
    key: entry.key,
    icon: ICONS[entry.key],
    label: entry.key === 'todo' ? <TodoNavLabel label={t(entry.label)} /> : t(entry.label),
  }));
  const onMenuClick: MenuProps['onClick'] = ({ key }) => {
    const entry = entries.find((candidate) => candidate.key === key);
    if (entry !== undefined) void navigate(entry.path);
    setDrawerOpen(false);
  };
  const menu = (
    <Menu
      mode="inline"
      aria-label={t('nav.main')}
      selectedKeys={selected === undefined ? [] : [selected]}
      items={menuItems}
      onClick={onMenuClick}
      style={{ borderInlineEnd: 0 }}
    />
  );

  const userMenu: MenuProps = {
    items: [
      { key: 'password', icon: <KeyOutlined />, label: t('auth.changePassword') },
      { type: 'divider' },
      { key: 'signOut', icon: <LogoutOutlined />, label: t('auth.signOut'), danger: true },
    ],
    onClick: ({ key }) => {
      if (key === 'password') void navigate('/change-password');
      if (key === 'signOut') signOutMutation.mutate();
    },
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="lx-skip-link" href="#lx-main">
        {t('app.skipToContent')}
      </a>
      <Header className="lx-header">
        {narrow && (
          <Button
            type="text"
            className="lx-header-button"
            icon={<MenuOutlined />}
            aria-label={t('nav.main')}
            onClick={() => setDrawerOpen(true)}
          />
        )}
        <span className="lx-brand">
          <span className="lx-brand-mark" aria-hidden="true">联</span>
          {t('app.name')}
          {!narrow && <span className="lx-brand-sub">{t('app.fullName')}</span>}
        </span>
        <span className="lx-header-spacer" />
        <LanguageSwitch onDark />
        <Dropdown menu={userMenu} trigger={['click']} placement="bottomRight">
          <Button type="text" className="lx-header-button" aria-label={t('auth.userMenu')} icon={<UserOutlined />}>
            {!narrow && me.displayName}
            <DownOutlined style={{ fontSize: 10 }} />
          </Button>
        </Dropdown>
      </Header>
      <Layout>
        {narrow ? (
          <Drawer placement="left" open={drawerOpen} onClose={() => setDrawerOpen(false)} size={240} title={t('app.name')}>
            {menu}
          </Drawer>
        ) : (
          <Sider width={208} theme="light" className="lx-sider">
            {menu}
          </Sider>
        )}
        <Content id="lx-main" className="lx-content" tabIndex={-1}>
          <Outlet />
        </Content>
      </Layout>
    </Layout>
  );
}
