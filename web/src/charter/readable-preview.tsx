/**
 * The readable preview of an import: the original text with what was read marked by kind (member
 * units, people, office, functions, rules) from the source span every fact keeps. One click corrects
 * a miss: clicking a marked member unit drops it (again: restores it); selecting text offers to add
 * it as a member unit or to set it as the body's name.
 */
import { useMemo, useRef, useState } from 'react';
import { Button, Card, Space, Tag, Typography } from 'antd';
import type { Charter } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { MARK_KINDS, markPieces, readableMarks, type MarkKind } from './readable-marks.ts';

const COLORS: Record<MarkKind, { background: string; border: string; tag: string }> = {
  unit: { background: '#e6f4ff', border: '#1677ff', tag: 'blue' },
  person: { background: '#f6ffed', border: '#389e0d', tag: 'green' },
  office: { background: '#fff7e6', border: '#d46b08', tag: 'orange' },
  function: { background: '#f9f0ff', border: '#722ed1', tag: 'purple' },
  rule: { background: '#fcfcfc', border: '#8c8c8c', tag: 'default' },
};

export interface ReadablePreviewProps {
  charter: Charter;
  /** Unit names the corrections drop (shown struck through) */
  removedUnits: readonly string[];
  onToggleUnit: (name: string) => void;
  onAddUnit: (name: string) => void;
  onSetName: (name: string) => void;
}

export function ReadablePreview({ charter, removedUnits, onToggleUnit, onAddUnit, onSetName }: ReadablePreviewProps) {
  const { t } = useI18n();
  const textRef = useRef<HTMLDivElement>(null);
  const [selection, setSelection] = useState('');
  const marks = useMemo(() => readableMarks(charter), [charter]);
  const pieces = useMemo(() => markPieces(charter.normalizedText.length, marks), [charter, marks]);
  const counts = useMemo(() => {
    const out: Record<MarkKind, number> = { unit: 0, person: 0, office: 0, function: 0, rule: 0 };
    for (const m of [...marks.units, ...marks.others]) out[m.kind] += 1;
    return out;
  }, [marks]);
  const removed = new Set(removedUnits);

  const readSelection = (): void => {
    const selected = window.getSelection();
    const text = selected && textRef.current && selected.anchorNode && textRef.current.contains(selected.anchorNode) ? selected.toString().replace(/\s+/gu, '') : '';
    setSelection(text.length >= 2 && text.length <= 60 ? text : '');
  };

  return (
    <Card size="small" title={<h2 className="lx-card-title">{t('cimport.readable')}</h2>}>
      <Typography.Paragraph type="secondary">{t('cimport.readableHint')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 8 }}>
        {MARK_KINDS.map((kind) => (
          <Tag key={kind} color={COLORS[kind].tag}>
            {t(`cimport.legend.${kind}`)} {counts[kind]}
          </Tag>
        ))}
      </Space>
      {selection !== '' && (
        <Space wrap style={{ marginBottom: 8 }} role="toolbar" aria-label={t('cimport.selection', { text: selection })}>
          <Typography.Text>{t('cimport.selection', { text: selection })}</Typography.Text>
          <Button size="small" type="primary" onClick={() => { onAddUnit(selection); setSelection(''); }}>
            {t('cimport.addUnit')}
          </Button>
          <Button size="small" onClick={() => { onSetName(selection); setSelection(''); }}>
            {t('cimport.setName')}
          </Button>
        </Space>
      )}
      <div
        ref={textRef}
        data-testid="readable-text"
        onMouseUp={readSelection}
        onKeyUp={readSelection}
        style={{ whiteSpace: 'pre-wrap', lineHeight: 1.9, maxHeight: 480, overflow: 'auto', padding: 8, border: '1px solid #f0f0f0', borderRadius: 4 }}
      >
        {pieces.map((piece) => {
          const text = charter.normalizedText.slice(piece.start, piece.end);
          const outer = piece.other;
          const outerStyle = outer === null ? undefined : { background: COLORS[outer.kind].background, borderBottom: `2px solid ${COLORS[outer.kind].border}`, padding: '0 1px' };
          if (piece.unit !== null) {
            const label = piece.unit.label;
            const isRemoved = removed.has(label);
            const color = COLORS.unit;
            return (
              <mark
                key={piece.start}
                data-kind="unit"
                role="button"
                tabIndex={0}
                title={t(isRemoved ? 'cimport.restoreUnitTitle' : 'cimport.removeUnitTitle', { name: label })}
                aria-pressed={isRemoved}
                onClick={() => onToggleUnit(label)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter' || event.key === ' ') onToggleUnit(label);
                }}
                style={{
                  background: color.background,
                  border: `1px solid ${color.border}`,
                  borderRadius: 2,
                  padding: '0 1px',
                  cursor: 'pointer',
                  textDecoration: isRemoved ? 'line-through' : undefined,
                  opacity: isRemoved ? 0.6 : 1,
                }}
              >
                {text}
              </mark>
            );
          }
          if (outer === null) return <span key={piece.start}>{text}</span>;
          return (
            <mark key={piece.start} data-kind={outer.kind} title={`${t(`cimport.legend.${outer.kind}`)}：${outer.label}`} style={outerStyle}>
              {text}
            </mark>
          );
        })}
      </div>
    </Card>
  );
}
