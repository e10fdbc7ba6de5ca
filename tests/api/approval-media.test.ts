import fs from 'fs';
import os from 'os';
import path from 'path';
import type request from 'supertest';
import { asAdmin, SUPER_ADMIN_ENV } from '../helpers/admin';
import { createFullAccessToken } from '../helpers/api-token';
import {
  approvePolicy,
  createConsultationDraft,
  createPolicyDraft,
  createTeam,
  DRAFT,
  POLICY,
  stageOf,
  transition,
  type Team,
} from '../helpers/approval-workflow';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { pdfBytes, type Sample } from '../helpers/upload-samples';

const FILE = 'plugin::upload.file';

type StoredFile = { id: number; name: string; mime: string; ext: string; url: string; hash: string; size: number; updatedAt: string };

let app: TestApp;
let team: Team;
let apiToken: string;
let counter = 0;

/** A PDF whose bytes (and size) differ from every other one this file makes. */
const pdf = (label: string): Sample => {
  counter += 1;
  const bytes = Buffer.concat([pdfBytes(), Buffer.from(`%${label} ${counter} ${'x'.repeat(counter * 7)}\n`, 'latin1')]);
  return { bytes, name: `${label}-${counter}.pdf`, mime: 'application/pdf' };
};

const attach = (test: request.Test, sample: Sample) => test.attach('files', sample.bytes, { filename: sample.name, contentType: sample.mime });
const editor = () => asAdmin(app.strapi, team.editor.token);

/** Every door to Strapi's in-place replacement of a file's bytes. */
const REPLACE_ROUTES: Array<[label: string, send: (id: number | string, sample: Sample) => request.Test]> = [
  ['admin POST /upload?id=', (id, sample) => attach(editor().post(`/upload?id=${id}`), sample)],
  ['admin POST /upload/files/:id/replace', (id, sample) => attach(editor().post(`/upload/files/${id}/replace`), sample)],
  [
    'content API POST /api/upload?id=',
    (id, sample) => attach(app.http().post(`/api/upload?id=${id}`).set('Authorization', `Bearer ${apiToken}`), sample),
  ],
];

const upload = async (label: string): Promise<StoredFile> => {
  const response = await attach(editor().post('/upload'), pdf(label));
  expect(response.status).toBe(201);
  return response.body[0] as StoredFile;
};

const findFile = async (id: number) => (await app.strapi.db.query(FILE).findOne({ where: { id } })) as StoredFile;
const bytesOf = (file: StoredFile) => fs.readFileSync(path.join(process.env.PUBLIC_DIR as string, file.url));

const policyWith = async (title: string, attachments: number[]) => createPolicyDraft(app.strapi, { title, attachments });
const publish = (uid: string, documentId: string) => app.strapi.documents(uid as never).publish({ documentId, locale: 'vi' } as never);
const updatePolicy = (documentId: string, data: Record<string, unknown>) =>
  app.strapi.documents(POLICY as never).update({ documentId, locale: 'vi', data } as never);

/** Asserts that every replace route refuses with a 409 naming the document, and that nothing about the file changed. */
const expectReplacementRefused = async (file: StoredFile, naming: RegExp, state: string) => {
  const before = await findFile(file.id);
  const bytesBefore = bytesOf(before);
  for (const [label, send] of REPLACE_ROUTES) {
    const response = await send(file.id, pdf('replacement'));
    expect({ label, status: response.status }).toEqual({ label, status: 409 });
    expect(response.body.error.message).toMatch(naming);
    expect(response.body.error.message).toContain(`which is ${state}: upload a new file and attach it instead`);
    expect(response.body.error.details).toMatchObject({ code: 'FILE_IN_USE', fileId: file.id, documents: [expect.objectContaining({ state })] });
    expect(response.text).not.toMatch(/\bat \w+ \(/);
  }
  const after = await findFile(file.id);
  expect(after).toMatchObject({ size: before.size, name: before.name, mime: before.mime, hash: before.hash, url: before.url });
  expect(after.updatedAt).toEqual(before.updatedAt);
  expect(bytesOf(after).equals(bytesBefore)).toBe(true);
};

const expectReplacementAllowed = async (file: StoredFile) => {
  const bytesBefore = bytesOf(file);
  const replacement = pdf('allowed');
  const response = await attach(editor().post(`/upload?id=${file.id}`), replacement);
  expect(response.status).toBe(200);
  const after = await findFile(file.id);
  expect(after.url).toBe(file.url);
  expect(bytesOf(after).equals(bytesBefore)).toBe(false);
  expect(bytesOf(after).equals(replacement.bytes)).toBe(true);
};

beforeAll(async () => {
  app = await startTestApp('approval_media', SUPER_ADMIN_ENV);
  team = await createTeam(app.strapi, 'media');
  apiToken = await createFullAccessToken(app.strapi, 'approval-media');
});

afterAll(async () => {
  await app?.stop();
});

describe('replacing a file in place', () => {
  it('is refused on every replace route while a policy using it is in review, naming the policy', async () => {
    const file = await upload('in-review');
    const policy = await policyWith('Chính sách hỗ trợ giống cây trồng', [file.id]);
    expect((await transition(app.strapi, team.editor, POLICY, policy, { action: 'submit' })).status).toBe(200);
    await expectReplacementRefused(file, /attached to 'Chính sách hỗ trợ giống cây trồng' \(Policy\)/, 'in review');
  });

  it('is refused on every replace route while a policy using it is approved', async () => {
    const file = await upload('approved');
    const policy = await policyWith('Chính sách miễn học phí vùng cao', [file.id]);
    await approvePolicy(app.strapi, team, policy);
    await expectReplacementRefused(file, /attached to 'Chính sách miễn học phí vùng cao' \(Policy\), which is approved/, 'approved');
  });

  it('is refused on every replace route while a policy using it is published, even once its draft was edited back to draft', async () => {
    const file = await upload('published');
    const policy = await policyWith('Chính sách đã ban hành có tệp', [file.id]);
    await approvePolicy(app.strapi, team, policy);
    await publish(POLICY, policy);
    // The edit voids the approval, but the published version still serves the file under its URL.
    await updatePolicy(policy, { summary: 'Bản nháp mới sau khi ban hành.' });
    expect(await stageOf(app.strapi, team, POLICY, policy)).toBe('draft');
    await expectReplacementRefused(file, /attached to 'Chính sách đã ban hành có tệp' \(Policy\), which is published/, 'published');
  });

  it('is refused for a consultation draft in review, and names every document holding the file', async () => {
    const file = await upload('shared');
    const draft = await createConsultationDraft(app.strapi);
    await app.strapi.documents(DRAFT as never).update({ documentId: draft, locale: 'vi', data: { document: file.id } } as never);
    expect((await transition(app.strapi, team.editor, DRAFT, draft, { action: 'submit' })).status).toBe(200);
    const policy = await policyWith('Chính sách dùng chung tệp', [file.id]);
    await approvePolicy(app.strapi, team, policy);
    const response = await attach(editor().post(`/upload?id=${file.id}`), pdf('replacement'));
    expect(response.status).toBe(409);
    expect(response.body.error.message).toMatch(/\(Consultation draft\), which is in review/);
    expect(response.body.error.message).toMatch(/'Chính sách dùng chung tệp' \(Policy\), which is approved/);
    expect(response.body.error.details.documents).toHaveLength(2);
  });

  it('is refused by the upload service itself, whoever calls it', async () => {
    const file = await upload('service');
    const policy = await policyWith('Chính sách gọi dịch vụ', [file.id]);
    await approvePolicy(app.strapi, team, policy);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcms-replace-'));
    const sample = pdf('service-replacement');
    const filepath = path.join(dir, sample.name);
    fs.writeFileSync(filepath, sample.bytes);
    const service = app.strapi.plugin('upload').service('upload');
    await expect(
      service.replace(file.id, { data: { fileInfo: {} }, file: { filepath, originalFilename: sample.name, mimetype: sample.mime, size: sample.bytes.length } }),
    ).rejects.toMatchObject({ status: 409, message: expect.stringContaining("'Chính sách gọi dịch vụ' (Policy), which is approved") });
    expect(bytesOf(await findFile(file.id)).equals(bytesOf(file))).toBe(true);
  });

  it('is allowed for a file attached only to a draft, or to a policy whose changes were requested, or to nothing', async () => {
    const draftFile = await upload('draft');
    await policyWith('Chính sách còn là bản nháp', [draftFile.id]);
    await expectReplacementAllowed(draftFile);

    const returnedFile = await upload('changes-requested');
    const returned = await policyWith('Chính sách bị trả lại', [returnedFile.id]);
    expect((await transition(app.strapi, team.editor, POLICY, returned, { action: 'submit' })).status).toBe(200);
    expect((await transition(app.strapi, team.reviewer, POLICY, returned, { action: 'request-changes', comment: 'Thay tệp.' })).status).toBe(200);
    await expectReplacementAllowed(returnedFile);

    await expectReplacementAllowed(await upload('loose'));
  });

  it.each(REPLACE_ROUTES)('answers bad input on %s with a clear 4xx, never a 500', async (_label, send) => {
    for (const id of ['abc', '999999', '-1']) {
      const response = await send(id, pdf('bad-input'));
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
    }
  });
});

describe('attached media and the approval', () => {
  it.each([
    ['attaching a file', (own: number, other: number) => [own, other]],
    ['removing a file', () => []],
    ['swapping a file for another', (_own: number, other: number) => [other]],
  ])('%s on an approved policy sends it back to draft', async (_label, next) => {
    const [own, other] = [await upload('own'), await upload('other')];
    const policy = await policyWith(`Chính sách đổi tệp ${counter}`, [own.id]);
    await approvePolicy(app.strapi, team, policy);
    await updatePolicy(policy, { attachments: next(own.id, other.id) });
    expect(await stageOf(app.strapi, team, POLICY, policy)).toBe('draft');
  });

  it("binds an approval to each attached file's content: new bytes under the same id and URL cannot be published or approved", async () => {
    const file = await upload('bound');
    const approved = await policyWith('Chính sách có tệp bị đổi ngầm', [file.id]);
    await approvePolicy(app.strapi, team, approved);
    const inReview = await policyWith('Chính sách chờ duyệt có tệp bị đổi ngầm', [file.id]);
    expect((await transition(app.strapi, team.editor, POLICY, inReview, { action: 'submit' })).status).toBe(200);

    // What a replacement past the upload service (a provider, a direct database write) leaves behind.
    await app.strapi.db.query(FILE).update({ where: { id: file.id }, data: { size: file.size + 1 } });

    await expect(publish(POLICY, approved)).rejects.toMatchObject({ status: 409, details: expect.objectContaining({ code: 'APPROVAL_OUTDATED' }) });
    const approval = await transition(app.strapi, team.reviewer, POLICY, inReview, { action: 'approve' });
    expect(approval.status).toBe(409);
    expect(approval.body.error.message).toMatch(/changed since it was submitted/);
  });

  it('does not void an approval when the media library only renames or describes an attached file', async () => {
    const file = await upload('renamed');
    const policy = await policyWith('Chính sách có tệp đổi tên', [file.id]);
    await approvePolicy(app.strapi, team, policy);
    const response = await editor()
      .post(`/upload?id=${file.id}`)
      .field('fileInfo', JSON.stringify({ name: 'quyet-dinh-moi.pdf', alternativeText: 'Quyết định', caption: 'Bản chính' }));
    expect(response.status).toBe(200);
    await expect(publish(POLICY, policy)).resolves.toBeTruthy();
  });
});
