import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * Encryption at rest for sensitive fields (ID numbers, phones, addresses): AES-256-GCM with the
 * key id stored beside the ciphertext so keys can rotate, and an HMAC blind index so an exact
 * search still finds the row. Stored form: `<keyId>.<iv>.<tag>.<ciphertext>` (base64url parts).
 */
export class FieldCipher {
  private readonly keys = new Map<string, Buffer>();
  private readonly activeKeyId: string;
  private readonly indexKey: Buffer;

  /** `keySpec`: `keyId:base64key[,keyId:base64key…]`; the first is the active key. */
  constructor(keySpec: string, blindIndexKey: string) {
    const pairs = keySpec.split(',').map((p) => p.split(':'));
    for (const [id, b64] of pairs) {
      const key = Buffer.from(b64, 'base64');
      if (key.length !== 32) throw new Error(`encryption key ${id} is not 32 bytes`);
      this.keys.set(id, key);
    }
    this.activeKeyId = pairs[0][0];
    this.indexKey = Buffer.from(blindIndexKey, 'utf8');
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keyFor(this.activeKeyId), iv);
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [this.activeKeyId, iv, cipher.getAuthTag(), data]
      .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
      .join('.');
  }

  decrypt(stored: string): string {
    const [keyId, iv, tag, data] = stored.split('.');
    if (data === undefined) throw new Error('malformed ciphertext');
    const decipher = createDecipheriv(
      'aes-256-gcm',
      this.keyFor(keyId),
      Buffer.from(iv, 'base64url'),
    );
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([
      decipher.update(Buffer.from(data, 'base64url')),
      decipher.final(),
    ]).toString('utf8');
  }

  /** Deterministic keyed hash for exact-match lookups; `kind` keeps ID and phone indexes apart. */
  blindIndex(kind: string, value: string): string {
    return createHmac('sha256', this.indexKey)
      .update(`${kind}\u0000${value.trim().toUpperCase()}`)
      .digest('hex');
  }

  /** True when the value was encrypted with a key other than the active one (re-encrypt it). */
  needsRotation(stored: string): boolean {
    return !stored.startsWith(`${this.activeKeyId}.`);
  }

  private keyFor(id: string): Buffer {
    const key = this.keys.get(id);
    if (!key) throw new Error(`unknown encryption key id ${id}`);
    return key;
  }
}
