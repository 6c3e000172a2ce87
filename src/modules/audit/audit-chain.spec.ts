import { canonicalJson, chainHash, ChainRow, GENESIS_HASH, verifyChain } from './audit-chain.js';

function buildChain(n: number): ChainRow[] {
  const rows: ChainRow[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i += 1) {
    const fields = {
      occurredAt: new Date(Date.UTC(2026, 10, 22, 1, 0, i)),
      actorId: null,
      actorRole: 'admin',
      action: 'region.created',
      entityType: 'region',
      entityId: String(i),
      regionPath: null,
      caseId: null,
      before: null,
      after: { name: `村${i}`, nested: { b: 2, a: 1 } },
      requestId: `req-${i}`,
      ip: '127.0.0.1',
    };
    const hash = chainHash(prev, fields);
    rows.push({ id: String(i), prevHash: prev, hash, ...fields });
    prev = hash;
  }
  return rows;
}

describe('audit hash chain', () => {
  it('verifies an intact chain', () => {
    expect(verifyChain(buildChain(5))).toEqual({ ok: true, checked: 5 });
  });

  it('detects altered content', () => {
    const rows = buildChain(5);
    rows[2] = { ...rows[2], action: 'region.deleted' };
    expect(verifyChain(rows)).toMatchObject({ ok: false, brokenAt: '3', checked: 2 });
  });

  it('detects a deleted row', () => {
    const rows = buildChain(5);
    rows.splice(1, 1);
    expect(verifyChain(rows)).toMatchObject({ ok: false, brokenAt: '3' });
  });

  it('detects a row whose hash was recomputed but whose successor still links the old one', () => {
    const rows = buildChain(4);
    const forged = { ...rows[1], after: { name: 'forged' } };
    const { id: _i, prevHash: _p, hash: _h, ...fields } = forged;
    rows[1] = { ...forged, hash: chainHash(forged.prevHash, fields) };
    expect(verifyChain(rows)).toMatchObject({ ok: false, brokenAt: '3' });
  });

  it('hashes objects independently of key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 1, x: 2 }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [1, { x: 2, y: 1 }] }, b: 1 }),
    );
  });
});
