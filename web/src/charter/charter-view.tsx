/**
 * The charter view: the normalized text beside the extracted structure. Choosing an item scrolls
 * the text to the sentence its `source` span covers and marks it.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Card, Empty, Tag, Typography } from 'antd';
import type { Charter, Rule } from '../api/types.ts';
import { useI18n, type Translate } from '../i18n/i18n.tsx';
import { highlightSegments, type Span } from './source-text.ts';
import { FindingList } from './finding-list.tsx';

interface StructureItem {
  id: string;
  label: ReactNode;
  detail?: ReactNode;
  source: Span | null;
}

interface StructureSection {
  key: string;
  title: string;
  items: StructureItem[];
}

function actors(t: Translate, list: readonly string[]): string {
  return list.map((actor) => t(`actor.${actor}` as Parameters<Translate>[0])).join('、');
}

/** One line describing a rule's extracted fields. */
export function describeRule(t: Translate, rule: Rule): string {
  const parts: string[] = [];
  switch (rule.type) {
    case 'meeting_frequency':
      parts.push(t(`meeting.kind.${rule.meetingKind}`));
      if (rule.minPerYear !== null) parts.push(t('rule.minPerYear', { count: rule.minPerYear }));
      break;
    case 'presider':
      parts.push(t(`meeting.kind.${rule.meetingKind}`), t('rule.roles', { roles: actors(t, rule.roles) }));
      if (rule.deputyNeedsDelegation) parts.push(t('rule.deputyNeedsDelegation'));
      break;
    case 'agenda_approval':
      parts.push(t(`meeting.kind.${rule.meetingKind}`));
      if (rule.proposedBy.length > 0) parts.push(t('rule.proposedBy', { actors: actors(t, rule.proposedBy) }));
      if (rule.approvedBy.length > 0) parts.push(t('rule.approvedBy', { actors: actors(t, rule.approvedBy) }));
      break;
    case 'attendance':
      if (rule.mandatory) parts.push(t('rule.mandatory'));
      if (rule.substituteAllowed) parts.push(t('rule.substituteAllowed'));
      break;
    case 'pre_meeting':
      parts.push(t(`meeting.kind.${rule.meetingKind}`), t('rule.before', { meeting: t(`meeting.kind.${rule.before}`) }));
      break;
    case 'minutes_signoff':
      parts.push(t('rule.signers', { actors: actors(t, rule.roles) }));
      break;
    case 'minutes_distribution':
      if (rule.toMemberUnits) parts.push(t('rule.toMemberUnits'));
      if (rule.reportCopyTo.length > 0) parts.push(t('rule.reportCopyTo', { names: rule.reportCopyTo.join('、') }));
      if (rule.copyTo.length > 0) parts.push(t('rule.copyTo', { names: rule.copyTo.join('、') }));
      break;
    case 'decision_tracking':
      parts.push(t('rule.trackedBy', { actors: actors(t, rule.trackedBy) }));
      if (rule.circular) parts.push(t('rule.circular'));
      break;
    case 'handling_deadline':
      parts.push(t('rule.workingDays', { days: rule.workingDays }));
      if (rule.coHandledWorkingDays !== null) parts.push(t('rule.coHandledWorkingDays', { days: rule.coHandledWorkingDays }));
      break;
    case 'info_report_quota':
      parts.push(actors(t, [rule.reporter]), t('rule.perMonth', { count: rule.perMonth }));
      break;
    case 'annual_report':
      parts.push(t('rule.reporterTo', { reporter: rule.reporter, to: rule.to }));
      break;
    case 'membership_change':
      parts.push(t(rule.subject === 'member' ? 'actor.member' : 'actor.member_unit'), `${rule.proposedBy} → ${rule.confirmedBy}`);
      break;
    case 'document_signing':
      parts.push(t(rule.issuedInNameOf === 'body' ? 'rule.issuedInNameOf.body' : 'rule.issuedInNameOf.office'));
      if (rule.reviewers.length > 0) parts.push(t('rule.reviewers', { actors: actors(t, rule.reviewers) }));
      if (rule.signers.length > 0) parts.push(t('rule.signers', { actors: actors(t, rule.signers) }));
      break;
    case 'bulletin':
      if (rule.name !== null) parts.push(rule.name);
      parts.push(t('rule.compiledBy', { actor: actors(t, [rule.compiledBy]) }));
      break;
  }
  return parts.join('；');
}

function sections(t: Translate, charter: Charter): StructureSection[] {
  const out: StructureSection[] = [];
  const doc = charter.foundingDocument;
  out.push({
    key: 'body',
    title: t('charter.section.body'),
    items: [
      {
        id: 'body',
        label: charter.body.name,
        detail: [t(`body.kind.${charter.body.kind}`), charter.body.level === null ? null : t(`body.level.${charter.body.level}`), charter.body.region?.name]
          .filter((part) => part !== null && part !== undefined)
          .join(' · '),
        source: charter.body.source,
      },
    ],
  });
  out.push({
    key: 'foundingDocument',
    title: t('charter.section.foundingDocument'),
    items: [
      {
        id: 'foundingDocument',
        label: doc.title,
        detail: [doc.docNumber, doc.issuer, doc.issueDate].filter((part) => part !== null).join(' · '),
        source: doc.source,
      },
      ...charter.documents.map((document, index) => ({ id: `document-${index}`, label: document.title, source: document.source })),
    ],
  });
  const flagItems: StructureItem[] = [];
  (['noSeal', 'noFormalDocuments', 'notRegisteredBody'] as const).forEach((flag) => {
    if (charter.flags[flag]) flagItems.push({ id: `flag-${flag}`, label: <Tag color="volcano">{t(`body.flags.${flag}`)}</Tag>, source: charter.flags.sources[flag] });
  });
  out.push({ key: 'flags', title: t('charter.section.flags'), items: flagItems });
  out.push({
    key: 'sunset',
    title: t('charter.section.sunset'),
    items: charter.sunset === null ? [] : [{ id: 'sunset', label: charter.sunset.date ?? t('body.sunset.onCompletion'), detail: charter.sunset.text, source: charter.sunset.source }],
  });
  out.push({
    key: 'functions',
    title: t('charter.section.functions'),
    items: charter.functions.map((fn, index) => ({ id: `function-${index}`, label: fn.text, source: fn.source })),
  });
  out.push({
    key: 'roles',
    title: t('charter.section.roles'),
    items: charter.roles.map((role, index) => ({
      id: `role-${index}`,
      label: (
        <>
          <Tag>{role.title}</Tag>
          {role.person ?? role.position ?? ''}
        </>
      ),
      detail: role.person !== null ? role.position : null,
      source: role.source,
    })),
  });
  out.push({
    key: 'memberUnits',
    title: `${t('charter.section.memberUnits')}（${charter.memberUnits.length}）`,
    items: charter.memberUnits.map((unit, index) => ({
      id: `unit-${index}`,
      label: (
        <>
          {unit.name}
          {unit.lead && (
            <Tag color="blue" style={{ marginInlineStart: 8 }}>
              {t('charter.lead')}
            </Tag>
          )}
        </>
      ),
      detail: unit.aliases.length > 0 ? t('charter.aliases', { names: unit.aliases.join('、') }) : null,
      source: unit.source,
    })),
  });
  const office = charter.office;
  out.push({
    key: 'office',
    title: t('charter.section.office'),
    items:
      office === null
        ? []
        : [
            { id: 'office', label: t('charter.officeHost', { unit: office.hostUnit ?? t('overview.unknown') }), source: office.source },
            ...(office.director === null
              ? []
              : [{ id: 'office-director', label: t('charter.officeDirector', { name: office.director.person ?? office.director.position ?? '' }), source: office.director.source }]),
            ...office.deputyDirectors.map((post, index) => ({
              id: `office-deputy-${index}`,
              label: t('charter.officeDeputy', { name: post.person ?? post.position ?? '' }),
              source: post.source,
            })),
          ],
  });
  out.push({
    key: 'liaison',
    title: t('charter.section.liaison'),
    items:
      charter.liaison === null
        ? []
        : [
            {
              id: 'liaison',
              label: t('charter.liaisonPosition', { position: charter.liaison.position }),
              detail: charter.liaison.perUnit === null ? null : t('charter.liaisonPerUnit', { count: charter.liaison.perUnit }),
              source: charter.liaison.source,
            },
          ],
  });
  out.push({
    key: 'groups',
    title: t('charter.section.groups'),
    items: charter.groups.map((group, index) => ({
      id: `group-${index}`,
      label: (
        <>
          <Tag color="geekblue">{t(`groups.kind.${group.kind}`)}</Tag>
          {group.name}
        </>
      ),
      detail: group.leadUnits.length > 0 ? `${t('groups.leadUnits')}：${group.leadUnits.join('、')}` : null,
      source: group.source,
    })),
  });
  out.push({
    key: 'rules',
    title: t('charter.section.rules'),
    items: charter.rules.map((rule, index) => ({
      id: `rule-${index}`,
      label: (
        <>
          <Tag color="purple">{t(`rule.type.${rule.type}`)}</Tag>
          {describeRule(t, rule)}
        </>
      ),
      detail: rule.clause === null ? null : t('charter.clause', { clause: rule.clause }),
      source: rule.source,
    })),
  });
  return out;
}

/** The normalized text with the chosen source marked; scrolls the mark into view. */
function CharterText({ text, source, label }: { text: string; source: Span | null; label: string }) {
  const containerRef = useRef<HTMLDivElement | null>(null);
  const markRef = useRef<HTMLElement | null>(null);
  const segments = useMemo(() => highlightSegments(text, source), [text, source]);
  useLayoutEffect(() => {
    const container = containerRef.current;
    const mark = markRef.current;
    if (container === null || mark === null) return;
    // Scroll the text pane (not the page) so the marked sentence sits in its upper third.
    container.scrollTo({ top: Math.max(0, mark.offsetTop - container.clientHeight / 3), behavior: 'smooth' });
    // On narrow screens the text pane is above the structure: bring it into view too.
    const box = container.getBoundingClientRect();
    if (box.bottom < 0 || box.top > window.innerHeight) container.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [source]);
  return (
    <div ref={containerRef} className="lx-charter-text" role="document" aria-label={label} tabIndex={0} data-testid="charter-text">
      {segments.map((segment) => {
        const piece = text.slice(segment.start, segment.end);
        if (segment.kind === 'plain') return <span key={segment.start}>{piece}</span>;
        if (segment.kind === 'sentence') return <span key={segment.start} className="lx-sentence">{piece}</span>;
        return (
          <mark key={segment.start} ref={markRef} className="lx-source" data-testid="charter-source-mark">
            {piece}
          </mark>
        );
      })}
    </div>
  );
}

export interface CharterViewProps {
  charter: Charter;
  /** Item to select first (e.g. from a finding's link), by source */
  initialSource?: Span | null;
}

export function CharterView({ charter, initialSource = null }: CharterViewProps) {
  const { t } = useI18n();
  const [selected, setSelected] = useState<{ id: string; source: Span } | null>(
    initialSource === null ? null : { id: 'initial', source: initialSource },
  );
  useEffect(() => {
    if (initialSource !== null) setSelected({ id: 'initial', source: initialSource });
  }, [initialSource]);
  const structure = useMemo(() => sections(t, charter), [t, charter]);

  return (
    <div className="lx-charter-layout">
      <Card size="small" title={<h3 className="lx-card-title">{t('charter.text')}</h3>}>
        <CharterText text={charter.normalizedText} source={selected?.source ?? null} label={t('charter.text')} />
      </Card>
      <Card size="small" title={<h3 className="lx-card-title">{t('charter.structure')}</h3>}>
        <Typography.Paragraph type="secondary">{t('charter.clickHint')}</Typography.Paragraph>
        <div className="lx-charter-structure">
          {structure.map((section) => (
            <section key={section.key} aria-label={section.title} style={{ marginBottom: 12 }}>
              <Typography.Title level={5} style={{ marginTop: 8 }}>
                {section.title}
              </Typography.Title>
              {section.items.length === 0 ? (
                <Typography.Text type="secondary">{t('charter.none')}</Typography.Text>
              ) : (
                <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                  {section.items.map((item) => {
                    const source = item.source;
                    return (
                      <li key={item.id}>
                        <button
                          type="button"
                          className="lx-source-item"
                          aria-pressed={selected?.id === item.id}
                          disabled={source === null}
                          onClick={() => source !== null && setSelected({ id: item.id, source })}
                        >
                          <div>{item.label}</div>
                          {item.detail !== undefined && item.detail !== null && item.detail !== '' && (
                            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                              {item.detail}
                            </Typography.Text>
                          )}
                        </button>
                      </li>
                    );
                  })}
                </ul>
              )}
            </section>
          ))}
          <section aria-label={t('charter.section.findings')}>
            <Typography.Title level={5}>{t('charter.section.findings')}</Typography.Title>
            {charter.findings.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('overview.noFindings')} />
            ) : (
              <FindingList findings={charter.findings} onShowSource={(source) => setSelected({ id: `finding-${source.start}`, source })} />
            )}
          </section>
        </div>
      </Card>
    </div>
  );
}
