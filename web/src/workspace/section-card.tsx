/**
 * The workspace's cards and text, drawn as Ant Design's small Card and Typography draw them, in
 * plain markup (styles.css, the theme's colours). Ant Design's Card brings its Tabs, and Typography
 * its copy, edit and ellipsis machinery (with a text area): the workspace uses none of them, and
 * they would weigh on its first download (issue 15 point 7).
 */
import type { HTMLAttributes, ReactNode } from 'react';
import { theme } from 'antd';

interface SectionCardProps {
  title: ReactNode;
  /** Shown at the right of the title */
  extra?: ReactNode;
  className?: string;
  children: ReactNode;
}

export function SectionCard({ title, extra, className, children }: SectionCardProps) {
  return (
    <section className={className === undefined ? 'lx-section-card' : `lx-section-card ${className}`}>
      <div className="lx-section-card-head">
        <div className="lx-section-card-title">{title}</div>
        {extra !== undefined && extra !== false && <div className="lx-section-card-extra">{extra}</div>}
      </div>
      <div className="lx-section-card-body">{children}</div>
    </section>
  );
}

type Tone = 'secondary' | 'warning';

function useToneStyle(type: Tone | undefined, strong: boolean | undefined) {
  const { token } = theme.useToken();
  const color = type === 'secondary' ? token.colorTextSecondary : type === 'warning' ? token.colorWarning : undefined;
  return { ...(color === undefined ? {} : { color }), ...(strong === true ? { fontWeight: token.fontWeightStrong } : {}) };
}

/** A run of text: secondary (greyed), warning, or strong. */
export function Text({ type, strong, style, ...rest }: HTMLAttributes<HTMLSpanElement> & { type?: Tone; strong?: boolean }) {
  const tone = useToneStyle(type, strong);
  return <span style={{ ...tone, ...style }} {...rest} />;
}

/** A paragraph (1em below it), secondary when asked. */
export function Paragraph({ type, style, ...rest }: HTMLAttributes<HTMLDivElement> & { type?: Tone }) {
  const tone = useToneStyle(type, false);
  return <div style={{ marginBottom: '1em', ...tone, ...style }} {...rest} />;
}

/** A link that acts in place (opens a drawer), drawn as Typography.Link draws it; reachable by keyboard. */
export function ActionLink({ onClick, children }: { onClick: () => void; children: ReactNode }) {
  const { token } = theme.useToken();
  return (
    <a
      role="button"
      tabIndex={0}
      style={{ color: token.colorLink, cursor: 'pointer' }}
      onClick={onClick}
      onKeyDown={(event) => {
        if (event.key !== 'Enter' && event.key !== ' ') return;
        event.preventDefault();
        onClick();
      }}
    >
      {children}
    </a>
  );
}

/** What an empty card says, centred and greyed, where Ant Design's Empty would draw it. */
export function EmptyNote({ description }: { description: ReactNode }) {
  return <div className="lx-empty-note">{description}</div>;
}

/** One label–value line of DashboardLines. */
export interface DashboardLine {
  key: string;
  label: ReactNode;
  children: ReactNode;
}

/** Label–value lines (an office dashboard), drawn as a one-column small Descriptions. */
export function DashboardLines({ items }: { items: DashboardLine[] }) {
  return (
    <dl className="lx-dashboard-lines">
      {items.map((item) => (
        <div key={item.key} className="lx-dashboard-line">
          <dt>{item.label}</dt>
          <dd>{item.children}</dd>
        </div>
      ))}
    </dl>
  );
}
