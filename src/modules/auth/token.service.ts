import { createHash, createSecretKey, KeyObject, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Env } from '../../config/env.js';
import type { Role } from '../../common/auth/roles.js';

const isUuid = (v: unknown): v is string =>
  typeof v === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(v);

export interface AccessClaims {
  sub: string;
  sid: string;
  role: Role;
  typ: 'access';
  iat: number;
  exp: number;
}

/** Clock difference tolerated between the issuing and the checking process. */
const CLOCK_SKEW_SECONDS = 60;

/** Issues and checks access JWTs (HS256 only) and opaque refresh tokens. */
@Injectable()
export class TokenService {
  /**
   * A KeyObject, made once: given a string, jsonwebtoken first tries it as a public key and
   * fails, which costs ~0.45 ms per verification (auth0/node-jsonwebtoken#1046).
   * @nestjs/jwt types the secret as string | Buffer but passes it through unchanged.
   */
  private readonly key: KeyObject;

  constructor(
    private readonly jwt: JwtService,
    private readonly env: Env,
  ) {
    this.key = createSecretKey(Buffer.from(env.JWT_SECRET, 'utf8'));
  }

  get accessTtlSeconds(): number {
    return this.env.JWT_ACCESS_TTL_SECONDS;
  }

  signAccess(claims: Omit<AccessClaims, 'typ' | 'iat' | 'exp'>): Promise<string> {
    return this.jwt.signAsync(
      { ...claims, typ: 'access' },
      {
        secret: this.key as unknown as Buffer,
        algorithm: 'HS256',
        expiresIn: this.env.JWT_ACCESS_TTL_SECONDS,
        issuer: this.env.JWT_ISSUER,
        audience: this.env.JWT_AUDIENCE,
        header: { alg: 'HS256', typ: 'JWT' },
      },
    );
  }

  /**
   * Null for anything but a well-signed, unexpired access token of this issuer and audience
   * that lives no longer than this service issues them for. jsonwebtoken checks `exp` only when
   * present: a token without one, or signed for a year, would otherwise never expire.
   */
  async verifyAccess(token: string): Promise<AccessClaims | null> {
    try {
      const claims = await this.jwt.verifyAsync<Partial<AccessClaims>>(token, {
        secret: this.key as unknown as Buffer,
        algorithms: ['HS256'],
        issuer: this.env.JWT_ISSUER,
        audience: this.env.JWT_AUDIENCE,
      });
      if (claims.typ !== 'access' || !isUuid(claims.sub) || !isUuid(claims.sid)) return null;
      const { iat, exp } = claims;
      if (typeof iat !== 'number' || typeof exp !== 'number') return null;
      if (exp <= iat || exp - iat > this.env.JWT_ACCESS_TTL_SECONDS) return null;
      // Issued in the future, it would outlive the lifetime the check above allows.
      if (iat > Date.now() / 1000 + CLOCK_SKEW_SECONDS) return null;
      return claims as AccessClaims;
    } catch {
      return null;
    }
  }

  /** A new opaque refresh token and the hash that is stored in its place. */
  newRefreshToken(): { token: string; hash: string } {
    const token = randomBytes(32).toString('base64url');
    return { token, hash: this.hashRefreshToken(token) };
  }

  hashRefreshToken(token: string): string {
    return createHash('sha256').update(token).digest('hex');
  }
}
