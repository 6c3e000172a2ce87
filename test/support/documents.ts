import type { CreatedCase } from './cases.js';
import { consentAndScreen, createCase } from './cases.js';
import type { TestApp } from './app.js';
import { bearer, type World } from './world.js';

/** HTTP helpers of the document tests, for users logged in as `tok[username]`. */
export function documentCalls(t: () => TestApp, tok: Record<string, string>, world: () => World) {
  const send = (user: string, path: string, body: object) =>
    t().http().post(`/api/v1${path}`).set(bearer(tok[user])).send(body);
  const get = (user: string, path: string) =>
    t().http().get(`/api/v1${path}`).set(bearer(tok[user]));
  const issue = (user: string, caseId: string, body: object) =>
    send(user, `/cases/${caseId}/documents`, body);
  /** The PDF bytes of a document, asserting 200. */
  const pdf = async (user: string, id: string): Promise<Buffer> =>
    (
      await get(user, `/documents/${id}/pdf`)
        .buffer(true)
        .parse((res, cb) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => cb(null, Buffer.concat(chunks)));
        })
        .expect(200)
    ).body as Buffer;
  /** A case of clerka's court assigned to mediatorx1 (not yet accepted). */
  const assignedCase = async (): Promise<CreatedCase> => {
    const c = await createCase(t(), tok.clerka, world().regions.x1);
    let v = await consentAndScreen(t(), tok.clerka, c);
    await send('clerka', `/cases/${c.id}/refer`, { version: v++ }).expect(204);
    await send('supervisorx', `/cases/${c.id}/assignment`, {
      mediatorId: world().users.mediatorX1,
      version: v++,
    }).expect(204);
    return { ...c, version: v };
  };
  return { send, get, issue, pdf, assignedCase };
}
