import type { Core, UID } from '@strapi/strapi';
import { approvalStandingService } from '../../common/approval';
import { conflictError } from '../../common/errors';
import { UPLOAD_FILE_UID } from '../../common/strapi-actions';
import type { UploadService } from './guard-upload-service';

type Row = Record<string, unknown>;
type ServiceMethod = (...args: never[]) => unknown;

/** A document locale a file is attached to, merged over its draft and published rows. */
type Holder = { uid: string; documentId: string; locale: string | null; title: string; contentType: string; published: boolean };
/** Why a holder forbids replacing the file in place. */
type Hold = Holder & { state: string };

const TITLE_FIELDS = ['title', 'name', 'label', 'heading'];

const asFileId = (value: unknown): number | null => {
  const id = typeof value === 'number' ? value : typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : NaN;
  return Number.isSafeInteger(id) && id > 0 ? id : null;
};

/**
 * The document locales that use a file, through the upload file's `related` morph relation (every
 * media field of every content type writes it). A component holding media would appear under the
 * component's uid and is skipped: no content type here keeps media inside a component.
 */
const findHolders = async (strapi: Core.Strapi, fileId: number): Promise<Holder[]> => {
  const file = (await strapi.db.query(UPLOAD_FILE_UID).findOne({ where: { id: fileId }, select: ['id'], populate: { related: true } })) as
    | (Row & { related?: Row[] })
    | null;
  const holders = new Map<string, Holder>();
  for (const row of file?.related ?? []) {
    const uid = String(row.__type);
    const model = strapi.contentTypes[uid as UID.ContentType] as { info?: { displayName?: string } } | undefined;
    if (!model || typeof row.documentId !== 'string') continue;
    const locale = typeof row.locale === 'string' && row.locale ? row.locale : null;
    const key = `${uid}|${row.documentId}|${locale ?? ''}`;
    const titleField = TITLE_FIELDS.find((field) => typeof row[field] === 'string' && row[field]);
    const known = holders.get(key);
    holders.set(key, {
      uid,
      documentId: row.documentId,
      locale,
      title: known?.title ?? (titleField ? String(row[titleField]) : row.documentId),
      contentType: model.info?.displayName ?? uid,
      published: Boolean(known?.published) || row.publishedAt != null,
    });
  }
  return [...holders.values()];
};

const describeHold = (hold: Hold) => `'${hold.title}' (${hold.contentType}), which is ${hold.state}`;

/**
 * Refuses (409) to replace in place a file attached to a document the approval workflow covers
 * while that document is in review, approved or published: Strapi keeps the file's URL, so new
 * bytes would reach readers (and the published document) without an edit, an approval or a
 * publication. A file attached only to drafts (or changes requested), or to nothing, may be replaced.
 */
export const assertReplaceable = async (strapi: Core.Strapi, fileId: unknown): Promise<void> => {
  const id = asFileId(fileId);
  const approval = approvalStandingService(strapi);
  // Without the workflow nothing is covered; a malformed id is left to Strapi's own 400/404.
  if (id === null || !approval) return;
  const holds: Hold[] = [];
  for (const holder of await findHolders(strapi, id)) {
    const standing = await approval.standing(holder);
    if (!standing.covered) continue;
    if (holder.published) holds.push({ ...holder, state: 'published' });
    else if (standing.contentBound) holds.push({ ...holder, state: standing.stage === 'in-review' ? 'in review' : standing.stage });
  }
  if (holds.length === 0) return;
  throw conflictError(
    `This file is attached to ${holds.map(describeHold).join(', and to ')}: upload a new file and attach it instead. ` +
      '/ Tệp này đang gắn với văn bản đang duyệt, đã duyệt hoặc đã xuất bản: hãy tải lên tệp mới và gắn tệp đó thay thế.',
    {
      code: 'FILE_IN_USE',
      fileId: id,
      documents: holds.map(({ uid, documentId, locale, title, contentType, state }) => ({ uid, documentId, locale, title, contentType, state })),
    },
  );
};

/**
 * Wraps the upload service's in-place replacements. The check lives here, in the upload service,
 * because every replace path goes through it (the admin's `POST /upload?id=` and
 * `POST /upload/files/:id/replace`, the content API's `POST /api/upload?id=`, any plugin or job);
 * it asks the approval plugin by name, through the kernel contract, which documents are held,
 * because the app may not import a plugin.
 */
export const guardReplacement = <T extends UploadService>(strapi: Core.Strapi, service: T): T => {
  const guarded: UploadService = { ...service };
  const wrap = (name: string, fileIdOf: (args: unknown[]) => unknown) => {
    const original = service[name];
    if (typeof original !== 'function') return;
    guarded[name] = async (...args: unknown[]) => {
      await assertReplaceable(strapi, fileIdOf(args));
      // Passed through untouched: the arguments are the caller's, typed by the upload service itself.
      return (original as ServiceMethod)(...(args as never[]));
    };
  };
  /** replace(id, { data, file }, opts) */
  wrap('replace', (args) => args[0]);
  /** _replaceImage(fileData, oldFile): exposed by Strapi "for testing", it overwrites the stored image too. */
  wrap('_replaceImage', (args) => (args[1] as { id?: unknown } | undefined)?.id);
  return guarded as T;
};
