import type { FastifyRequest } from 'fastify';
import { formatBytes } from '../../../common/http/format-bytes.js';
import { DomainError, fieldError, validationFailed } from '../../../common/errors/domain-error.js';
import { RequestCode, ValidationCode } from '../../../common/i18n/common.codes.js';
import { DocumentCode } from '../documents.codes.js';
import type { ScanUpload } from './scans.service.js';

/** The route that takes multipart bodies (create-api-app refuses them on every other one). */
export const SCAN_UPLOAD_ROUTE = 'POST /api/v1/documents/:id/scans';

const FIELDS = new Set(['page', 'qr']);

/**
 * Reads the upload: one file in `file` (at most `maxBytes`, else 413 naming it), an optional
 * `page` (an integer ≥ 1) and `qr` (at most 200 characters); any other part is a 400 naming it.
 * Nothing is kept but what is returned.
 */
export async function readScanUpload(
  request: FastifyRequest,
  maxBytes: number,
): Promise<ScanUpload> {
  if (!request.isMultipart()) {
    throw new DomainError(RequestCode.UnsupportedMediaType, 'unsupported_media_type', {}, [
      fieldError('file', DocumentCode.ScanFileRequired),
    ]);
  }
  let file: Buffer | null = null;
  const fields: Record<string, string> = {};
  const errors = [];
  try {
    const parts = request.parts({
      limits: { fileSize: maxBytes, files: 2, fields: 4, fieldSize: 1024, parts: 6 },
    });
    for await (const part of parts) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file') {
          await part.toBuffer().catch(() => undefined);
          errors.push(fieldError(part.fieldname, ValidationCode.NotAllowed));
        } else if (file !== null) {
          await part.toBuffer().catch(() => undefined);
          errors.push(fieldError('file', DocumentCode.ScanFileRequired, { context: 'one' }));
        } else {
          file = await part.toBuffer();
        }
      } else if (FIELDS.has(part.fieldname)) {
        fields[part.fieldname] = String(part.value);
      } else {
        errors.push(fieldError(part.fieldname, ValidationCode.NotAllowed));
      }
    }
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') {
      // The rest of the body is read and dropped, so the client gets the answer, not a reset.
      await drain(request);
      const limit = formatBytes(maxBytes);
      throw new DomainError(DocumentCode.ScanFileTooLarge, 'too_large', { limit }, [
        fieldError('file', DocumentCode.ScanFileTooLarge, { limit }),
      ]);
    }
    if (error instanceof DomainError) throw error;
    throw new DomainError(RequestCode.Malformed, 'validation', { context: 'multipart' }, [
      fieldError('file', DocumentCode.ScanFileRequired),
    ]);
  }
  if (file === null) errors.push(fieldError('file', DocumentCode.ScanFileRequired));
  else if ((file as Buffer).byteLength === 0) {
    errors.push(fieldError('file', DocumentCode.ScanFileRequired, { context: 'empty' }));
  }
  let page: number | undefined;
  if (fields.page !== undefined) {
    if (!/^\d{1,6}$/.test(fields.page.trim())) {
      errors.push(fieldError('page', ValidationCode.IsInt));
    } else if (Number(fields.page) < 1) {
      errors.push(fieldError('page', ValidationCode.Min, { constraint1: 1 }));
    } else page = Number(fields.page);
  }
  const qr = fields.qr?.trim() || undefined;
  if (qr !== undefined && qr.length > 200) {
    errors.push(fieldError('qr', ValidationCode.MaxLength, { constraint1: 200 }));
  }
  if (errors.length > 0) throw validationFailed(errors);
  return {
    file: file as unknown as Buffer,
    ...(page !== undefined ? { page } : {}),
    ...(qr !== undefined ? { qr } : {}),
  };
}

function drain(request: FastifyRequest): Promise<void> {
  const raw = request.raw;
  if (raw.readableEnded || raw.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    raw.once('end', resolve);
    raw.once('close', resolve);
    raw.once('error', () => resolve());
    raw.resume();
  });
}
