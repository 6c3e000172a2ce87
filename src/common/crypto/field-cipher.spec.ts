import { randomBytes } from 'node:crypto';
import { FieldCipher } from './field-cipher.js';

const key = (): string => randomBytes(32).toString('base64');
const INDEX_KEY = 'an-index-key-that-is-long-enough-000000';

describe('FieldCipher', () => {
  it('round-trips and never stores the plain value', () => {
    const cipher = new FieldCipher(`k1:${key()}`, INDEX_KEY);
    const stored = cipher.encrypt('13812345678');
    expect(stored).not.toContain('13812345678');
    expect(stored.startsWith('k1.')).toBe(true);
    expect(cipher.decrypt(stored)).toBe('13812345678');
    expect(cipher.encrypt('13812345678')).not.toBe(stored); // random IV
  });

  it('decrypts values written under a retired key and reports they need rotation', () => {
    const oldKey = key();
    const old = new FieldCipher(`k1:${oldKey}`, INDEX_KEY);
    const stored = old.encrypt('x');
    const rotated = new FieldCipher(`k2:${key()},k1:${oldKey}`, INDEX_KEY);
    expect(rotated.decrypt(stored)).toBe('x');
    expect(rotated.needsRotation(stored)).toBe(true);
    expect(rotated.needsRotation(rotated.encrypt('x'))).toBe(false);
  });

  it('refuses a tampered ciphertext', () => {
    const cipher = new FieldCipher(`k1:${key()}`, INDEX_KEY);
    const parts = cipher.encrypt('secret').split('.');
    parts[3] = Buffer.from('tampered').toString('base64url');
    expect(() => cipher.decrypt(parts.join('.'))).toThrow();
  });

  it('gives a stable blind index that separates kinds and ignores case of the X check digit', () => {
    const cipher = new FieldCipher(`k1:${key()}`, INDEX_KEY);
    expect(cipher.blindIndex('id', '11010519491231002X')).toBe(
      cipher.blindIndex('id', '11010519491231002x'),
    );
    expect(cipher.blindIndex('id', '13800000001')).not.toBe(
      cipher.blindIndex('phone', '13800000001'),
    );
  });
});
