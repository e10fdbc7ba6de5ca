import { asAdmin, loginAdmin, SUPER_ADMIN, SUPER_ADMIN_ENV } from '../helpers/admin';
import { agencyData, createDocument, policyData } from '../helpers/content';
import { FEEDBACK_UID, storedFeedback } from '../helpers/feedback';
import { bootStrapi, startTestApp, type TestApp } from '../helpers/strapi';
import type { Core } from '@strapi/strapi';

/**
 * A database from before the rename (column `status`) is upgraded in place on boot by
 * `database/migrations/…feedback-moderation-status.js`: every row keeps its moderation status and
 * its history, and the content manager shows it as `moderationStatus`.
 */
const MIGRATION = '2026.12.01T00.00.00.feedback-moderation-status.js';
const CM = `/content-manager/collection-types/${FEEDBACK_UID}`;

let app: TestApp;
let strapi: Core.Strapi;
const ids: Record<string, string> = {};

const columnsOf = async (instance: Core.Strapi) => Object.keys(await instance.db.connection('feedbacks').columnInfo());

/** Puts the database back in the shape an older release left it: the column was `status`, the migration never ran. */
const downgradeToOldSchema = async (instance: Core.Strapi) => {
  const knex = instance.db.connection;
  await knex.schema.alterTable('feedbacks', (table) => table.renameColumn('moderation_status', 'status'));
  await knex('strapi_migrations').where({ name: MIGRATION }).delete();
};

beforeAll(async () => {
  app = await startTestApp('feedback_migration', SUPER_ADMIN_ENV);
  strapi = app.strapi;
  const agency = (await createDocument(strapi, 'api::agency.agency', agencyData())).documentId;
  const policy = (await createDocument(strapi, 'api::policy.policy', policyData(), { publish: true })).documentId;
  // A fresh object per create: the document rules fill in the data they are given (tracking code, history).
  const create = async (content: string) =>
    (await strapi.documents(FEEDBACK_UID).create({ data: { policy, submitterType: 'citizen', content, category: 'question', source: 'hotline' } } as never)).documentId;
  ids.received = await create('Đề nghị hướng dẫn rõ hồ sơ xin hỗ trợ.');
  ids.answered = await create('Hồ sơ nộp ở đâu, cần những giấy tờ gì?');
  await strapi.documents(FEEDBACK_UID).update({ documentId: ids.answered, data: { moderationStatus: 'assigned', respondingAgency: agency } } as never);
  await strapi.documents(FEEDBACK_UID).update({ documentId: ids.answered, data: { moderationStatus: 'answered', response: 'Nộp tại Ủy ban nhân dân xã.' } } as never);
  ids.rejected = await create('Nội dung không thuộc phạm vi chính sách này.');
  await strapi.documents(FEEDBACK_UID).update({ documentId: ids.rejected, data: { moderationStatus: 'rejected', rejectionReason: 'out-of-scope' } } as never);

  await downgradeToOldSchema(strapi);
  expect(await columnsOf(strapi)).toContain('status');
  await app.stop({ keepDatabase: true });
  strapi = await bootStrapi(app.database, SUPER_ADMIN_ENV);
});

afterAll(async () => {
  await strapi?.destroy();
  await app?.database.drop();
});

describe('the moderationStatus migration', () => {
  it('renames the column in place and records itself as run', async () => {
    const columns = await columnsOf(strapi);
    expect(columns).toContain('moderation_status');
    expect(columns).not.toContain('status');
    const ran = await strapi.db.connection('strapi_migrations').where({ name: MIGRATION }).first();
    expect(ran).toBeDefined();
  });

  it('keeps every row’s moderation status and its whole history', async () => {
    const byId = Object.fromEntries((await storedFeedback(strapi)).map((row) => [row.documentId, row]));
    expect(byId[ids.received].moderationStatus).toBe('received');
    expect(byId[ids.answered]).toMatchObject({ moderationStatus: 'answered', response: 'Nộp tại Ủy ban nhân dân xã.' });
    expect(byId[ids.rejected]).toMatchObject({ moderationStatus: 'rejected', rejectionReason: 'out-of-scope' });
    const history = (id: string) => (byId[id].statusHistory as Array<{ status: string }>).map((entry) => entry.status);
    expect(history(ids.answered)).toEqual(['received', 'assigned', 'answered']);
    expect(history(ids.rejected)).toEqual(['received', 'rejected']);
  });

  it('lets the moderation go on after the upgrade, through the content manager', async () => {
    const admin = asAdmin(strapi, await loginAdmin(strapi, SUPER_ADMIN.email, SUPER_ADMIN.password));
    const shown = await admin.get(`${CM}/${ids.answered}`);
    expect(shown.status).toBe(200);
    expect(shown.body.data.moderationStatus).toBe('answered');
    const closed = await admin.put(`${CM}/${ids.answered}`).send({ moderationStatus: 'closed' });
    expect(closed.status).toBe(200);
    const [row] = await storedFeedback(strapi, { documentId: ids.answered });
    expect(row.moderationStatus).toBe('closed');
    expect((row.statusHistory as Array<{ status: string }>).map((entry) => entry.status)).toEqual(['received', 'assigned', 'answered', 'closed']);
  });
});
