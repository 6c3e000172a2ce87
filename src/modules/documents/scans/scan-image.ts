import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import { DomainError, fieldError } from '../../../common/errors/domain-error.js';
import { DocumentCode } from '../documents.codes.js';

/** What a phone sends: the types are read from the bytes, never from the name or the header. */
export const SCAN_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

/** A decoded image bigger than this is refused (a small PNG can inflate to gigabytes). */
const MAX_PIXELS = 50_000_000;

export interface StoredImage {
  bytes: Buffer;
  sha256: string;
  width: number;
  height: number;
  mime: 'image/jpeg';
}

export const sha256Of = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** 415 naming `file` unless the bytes are a JPEG, PNG or WebP image. */
export async function assertScanType(bytes: Buffer): Promise<void> {
  const detected = await fileTypeFromBuffer(bytes);
  if (!detected || !(SCAN_TYPES as readonly string[]).includes(detected.mime)) {
    // No type found in the bytes: the text says so in words, not with a MIME type of its own.
    const params = detected ? { detected: detected.mime } : { context: 'unknown' };
    throw new DomainError(DocumentCode.ScanFileType, 'unsupported_media_type', params, [
      fieldError('file', DocumentCode.ScanFileType, params),
    ]);
  }
}

/**
 * Re-encoded as JPEG: turned upright by its EXIF orientation (`rotate()`), then written without
 * any metadata (sharp keeps none unless asked), so the phone's EXIF, GPS position included, is gone.
 */
export async function reencodeScan(bytes: Buffer): Promise<StoredImage> {
  try {
    const { data, info } = await sharp(bytes, { limitInputPixels: MAX_PIXELS, failOn: 'error' })
      .rotate()
      .jpeg({ quality: 85, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
    return {
      bytes: data,
      sha256: sha256Of(data),
      width: info.width,
      height: info.height,
      mime: 'image/jpeg',
    };
  } catch {
    throw new DomainError(DocumentCode.ScanFileUnreadable, 'validation', {}, [
      fieldError('file', DocumentCode.ScanFileUnreadable),
    ]);
  }
}
