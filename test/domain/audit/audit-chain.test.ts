import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import smCrypto from 'sm-crypto';
import {
  AuditChainVerifier,
  GENESIS_HASH,
  canonicalJson,
  chainAuditRow,
  verifyAuditChain,
} from '../../../src/domain/audit/index.ts';
import type { ChainedAuditRow } from '../../../src/domain/audit/index.ts';

const KEY = '0123456789abcdef'.repeat(4);

function buildChain(n: number): ChainedAuditRow[] {
  const rows: ChainedAuditRow[] = [];
  let head = { lastSeq: 0, lastHash: GENESIS_HASH };
  for (let i = 0; i < n; i++) {
    const row = chainAuditRow(head, {
      occurredAt: new Date(Date.UTC(2025, 0, 1, 0, i)).toISOString(),
      actorId: i % 2 === 0 ? 'a1' : null,
      action: 'thing.change',
      entityType: 'thing',
      entityId: `t${i}`,
      before: i === 0 ? null : { n: i - 1, 名称: '旧' },
      after: { n: i, 名称: '新', nested: { z: 1, a: [1, 'x', null] } },
      requestId: `r${i}`,
      clientAddress: '10.0.0.1',
      result: 'success',
    }, KEY);
    rows.push(row);
    head = { lastSeq: row.seq, lastHash: row.hash };
  }
  return rows;
}

describe('SM3', () => {
  it('matches the GB/T 32905 test vector for "abc"', () => {
    expect(smCrypto.sm3('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { y: 1, x: 2 }], c: undefined } })).toBe('{"a":{"d":[2,{"x":2,"y":1}]},"b":1}');
  });

  it('writes dates as ISO instants', () => {
    expect(canonicalJson({ at: new Date(Date.UTC(2025, 4, 1, 8)) })).toBe('{"at":"2025-05-01T08:00:00.000Z"}');
  });

  it('does not depend on key insertion order and survives a JSON round trip', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        const reparsed = JSON.parse(JSON.stringify(value)) as unknown;
        expect(canonicalJson(reparsed)).toBe(text);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
      }),
    );
  });
});

describe('audit chain', () => {
  it('accepts an intact chain and matching head', () => {
    const rows = buildChain(5);
    const last = rows[4] as ChainedAuditRow;
    const result = verifyAuditChain(rows, { lastSeq: 5, lastHash: last.hash }, { keyHex: KEY });
    expect(result).toMatchObject({ ok: true, checked: 5, lastSeq: 5, firstBreak: null });
  });

  it('accepts an empty chain with the genesis head', () => {
    expect(verifyAuditChain([], { lastSeq: 0, lastHash: GENESIS_HASH }, { keyHex: KEY }).ok).toBe(true);
  });

  it('finds an edited row', () => {
    const rows = buildChain(5);
    const head = { lastSeq: 5, lastHash: (rows[4] as ChainedAuditRow).hash };
    rows[2] = { ...(rows[2] as ChainedAuditRow), after: { n: 999 } };
    const result = verifyAuditChain(rows, head, { keyHex: KEY });
    expect(result.ok).toBe(false);
    expect(result.firstBreak).toMatchObject({ kind: 'hash_mismatch', seq: 3 });
    expect(result.checked).toBe(2);
  });

  it('finds a deleted row in the middle and at the end', () => {
    const rows = buildChain(5);
    const head = { lastSeq: 5, lastHash: (rows[4] as ChainedAuditRow).hash };
    const middle = verifyAuditChain([rows[0], rows[1], rows[3], rows[4]] as ChainedAuditRow[], head, { keyHex: KEY });
    expect(middle.firstBreak).toMatchObject({ kind: 'sequence_gap', seq: 4, expectedSeq: 3 });
    const end = verifyAuditChain(rows.slice(0, 4), head, { keyHex: KEY });
    expect(end.firstBreak).toMatchObject({ kind: 'head_mismatch', seq: 5, expectedSeq: 5 });
  });

  it('finds an inserted row even when its own hash is right', () => {
    const rows = buildChain(3);
    const head = { lastSeq: 3, lastHash: (rows[2] as ChainedAuditRow).hash };
    const forged = chainAuditRow(
      { lastSeq: 3, lastHash: (rows[2] as ChainedAuditRow).hash },
      { ...(rows[0] as ChainedAuditRow), action: 'forged' },
      KEY,
    );
    const result = verifyAuditChain([...rows, forged], head, { keyHex: KEY });
    expect(result.firstBreak).toMatchObject({ kind: 'head_mismatch' });
  });

  it('finds a renumbered replacement (prev hash no longer links)', () => {
    const rows = buildChain(4);
    const head = { lastSeq: 4, lastHash: (rows[3] as ChainedAuditRow).hash };
    const replacement = chainAuditRow({ lastSeq: 1, lastHash: 'f'.repeat(64) }, { ...(rows[1] as ChainedAuditRow) }, KEY);
    const result = verifyAuditChain([rows[0], replacement, rows[2], rows[3]] as ChainedAuditRow[], head, { keyHex: KEY });
    expect(result.firstBreak).toMatchObject({ kind: 'prev_hash_mismatch', seq: 2 });
  });

  it('stops at the first break when fed incrementally', () => {
    const rows = buildChain(4);
    const verifier = new AuditChainVerifier({ keyHex: KEY });
    expect(verifier.push(rows[0] as ChainedAuditRow)).toBeNull();
    const broken = verifier.push({ ...(rows[1] as ChainedAuditRow), actorId: 'mallory' });
    expect(broken?.seq).toBe(2);
    expect(verifier.push(rows[2] as ChainedAuditRow)).toBe(broken);
  });
});
