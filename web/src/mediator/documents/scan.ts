import jsQR from 'jsqr';
import { api } from '../../api/client';
import { ApiProblem, problemOf } from '../../api/problem';
import type { components } from '../../api/schema';

export type ScanView = components['schemas']['ScanView'];

/** The long side of what is read for the QR code and sent (a phone's photo is 4000 px and more). */
const MAX_SIDE = 1600;
const JPEG_QUALITY = 0.8;

/** The QR code printed on every page: `FM1:<DOCUMENT ID>:<VERSION>:<DIGEST>:<PAGE>`. */
const PAYLOAD = /^FM1:[0-9A-F-]{36}:\d+:[0-9A-F]{10}:(\d+)$/i;

/** What the phone made of a chosen photo, ready to send. */
export interface PreparedScan {
  /** The JPEG to send; the chosen file itself when the browser could not decode it. */
  file: Blob;
  name: string;
  /** The page's QR payload, when one of ours was read. */
  qr: string | null;
  page: number | null;
  /** False when the browser could not open it as an image (the server then says why). */
  decoded: boolean;
}

function canvasOf(width: number, height: number): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  return canvas;
}

/** The QR payload of ours on the canvas's pixels, or null. */
function readQr(canvas: HTMLCanvasElement): string | null {
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) return null;
  const pixels = context.getImageData(0, 0, canvas.width, canvas.height);
  const found = jsQR(pixels.data, pixels.width, pixels.height, { inversionAttempts: 'dontInvert' });
  const text = found?.data.trim() ?? '';
  return PAYLOAD.test(text) ? text.toUpperCase() : null;
}

/** The payload, tried on the image as sent and, failing that, at half its size. */
function findQr(canvas: HTMLCanvasElement, bitmap: ImageBitmap): string | null {
  const whole = readQr(canvas);
  if (whole || Math.max(canvas.width, canvas.height) < 800) return whole;
  const half = canvasOf(Math.round(canvas.width / 2), Math.round(canvas.height / 2));
  half.getContext('2d')?.drawImage(bitmap, 0, 0, half.width, half.height);
  return readQr(half);
}

const toJpeg = (canvas: HTMLCanvasElement): Promise<Blob | null> =>
  new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', JPEG_QUALITY));

/**
 * The photo drawn to a canvas (at most 1600 px on the long side, turned upright by the browser),
 * its QR code read there, and the canvas compressed to JPEG. A file the browser cannot open is
 * returned as chosen, for the server to judge (it names the type it found).
 */
export async function prepareScan(chosen: File): Promise<PreparedScan> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(chosen);
  } catch {
    return { file: chosen, name: chosen.name, qr: null, page: null, decoded: false };
  }
  try {
    const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    const canvas = canvasOf(
      Math.max(1, Math.round(bitmap.width * scale)),
      Math.max(1, Math.round(bitmap.height * scale)),
    );
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) throw new Error('no 2d context');
    // A transparent PNG would turn black in JPEG: paper is white.
    context.fillStyle = '#fff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    const qr = findQr(canvas, bitmap);
    const jpeg = await toJpeg(canvas);
    const name = `${chosen.name.replace(/\.[^.]*$/, '') || 'scan'}.jpg`;
    return {
      file: jpeg ?? chosen,
      name: jpeg ? name : chosen.name,
      qr,
      page: qr ? Number(PAYLOAD.exec(qr)?.[1]) : null,
      decoded: true,
    };
  } finally {
    bitmap.close();
  }
}

/** The upload's answer: `again` when the server had this photo already (200). */
export interface Uploaded {
  scan: ScanView;
  again: boolean;
}

/**
 * POSTs the photo as multipart/form-data (`file`, and `qr` and `page` when the code was read);
 * without `qr` the scan is linked to this document by her choice. Throws the API's problem.
 */
export async function uploadScan(documentId: string, scan: PreparedScan): Promise<Uploaded> {
  const form = new FormData();
  form.append('file', scan.file, scan.name);
  if (scan.qr) form.append('qr', scan.qr);
  if (scan.page) form.append('page', String(scan.page));
  const { data, error, response } = await api.POST('/api/v1/documents/{id}/scans', {
    params: { path: { id: documentId } },
    // openapi-fetch sends a FormData as it is (the browser sets the multipart boundary).
    body: form as unknown as { file: string },
  });
  if (!data) throw new ApiProblem(problemOf(error, response.status));
  return { scan: data, again: response.status === 200 };
}

export async function listScans(documentId: string): Promise<ScanView[]> {
  const { data, error, response } = await api.GET('/api/v1/documents/{id}/scans', {
    params: { path: { id: documentId } },
  });
  if (!data) throw new ApiProblem(problemOf(error, response.status));
  return data;
}
