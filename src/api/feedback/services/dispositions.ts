import type { Core } from '@strapi/strapi';
import { fieldError, forbiddenError, notFoundError } from '../../../common/errors';
import {
  DISPOSITIONS,
  type BulkDispositionInput,
  type Disposition,
  type DispositionGroup,
  type DispositionInput,
  type DispositionItem,
  type DispositionView,
  type FeedbackCategory,
  type FeedbackScope,
  type FeedbackServices,
  type SubmitterType,
} from '../../../common/feedback';
import { CONSULTATION_DRAFT_UID, FEEDBACK_UID } from '../../../common/uids';
import { consultationStatus } from '../../../lib/consultation-status';
import { assertDispositionRequirements } from '../dispositions';
import { assertFeedbackInScope, withinScope } from '../scope';
import { contentGroupKey } from '../text';

type FeedbackRow = {
  id: number;
  documentId: string;
  content: string;
  rejectionReason?: string | null;
  disposition?: Disposition | null;
  explanation?: string | null;
  provision?: string | null;
  dispositionAt?: string | Date | null;
  dispositionBy?: string | null;
  consultationDraft?: { documentId: string } | null;
};

const FEEDBACK_SELECT = ['id', 'documentId', 'content', 'rejectionReason', 'disposition', 'explanation', 'provision', 'dispositionAt', 'dispositionBy'];
/** Spam is no comment on the draft: never grouped, counted or given a disposition. */
const NOT_SPAM = { $or: [{ rejectionReason: { $null: true } }, { rejectionReason: { $ne: 'spam' } }] };
const isSpam = (row: FeedbackRow) => row.rejectionReason === 'spam';

const view = (row: FeedbackRow): DispositionView => ({
  documentId: row.documentId,
  disposition: row.disposition ?? null,
  explanation: row.explanation ?? null,
  provision: row.provision ?? null,
  dispositionAt: row.dispositionAt ? new Date(row.dispositionAt).toISOString() : null,
  dispositionBy: row.dispositionBy ?? null,
});

/** The stored form of an input: a PUT replaces the whole disposition, so what is left out is cleared. */
const stored = (input: DispositionInput) => ({
  disposition: input.disposition,
  explanation: input.explanation?.trim() ? input.explanation : null,
  provision: input.provision?.trim() ? input.provision : null,
});

const EXCERPT_LENGTH = 240;
const excerpt = (text: string) => ([...text].length > EXCERPT_LENGTH ? `${[...text].slice(0, EXCERPT_LENGTH).join('')}…` : text);
/** What the dispositions list reads of a feedback: never a name, e-mail, phone or organisation. */
const ITEM_SELECT = ['id', 'documentId', 'content', 'category', 'submitterType', 'disposition', 'explanation', 'provision'];

const zeroes = () => Object.fromEntries(DISPOSITIONS.map((key) => [key, 0])) as Record<Disposition, number>;

/**
 * Dispositions (tiếp thu / giải trình) of the feedback on a consultation draft. Every write goes
 * through the document service, so the rules of `document-rules.ts` (explanation for
 * `not-accepted`, who and when) hold here as in the content manager; a request's writes share one
 * transaction. Duplicates (same draft, same content as `contentGroupKey` folds it) share their
 * disposition: setting one sets the group, within what the caller may read.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const feedbackOfDraft = async (draftDocumentId: string, extra: Record<string, unknown> = {}): Promise<FeedbackRow[]> =>
    (await strapi.db.query(FEEDBACK_UID).findMany({
      select: FEEDBACK_SELECT,
      where: { consultationDraft: { documentId: draftDocumentId }, ...NOT_SPAM, ...extra },
      orderBy: [{ id: 'asc' }],
    })) as FeedbackRow[];

  /** Which of `documentIds` the caller may read (one query). */
  const inScope = async (documentIds: string[], scope: FeedbackScope): Promise<Set<string>> => {
    if (scope === null || documentIds.length === 0) return new Set();
    if (Object.keys(scope).length === 0) return new Set(documentIds);
    const where = withinScope({ documentId: { $in: documentIds } }, scope) as Record<string, unknown>;
    const rows = (await strapi.db.query(FEEDBACK_UID).findMany({ select: ['documentId'], where })) as Array<{ documentId: string }>;
    return new Set(rows.map((row) => row.documentId));
  };

  /** The members of the groups of `keys` on a draft: those the caller may write, and how many are out of reach. */
  const groupsOf = async (draftDocumentId: string, keys: Set<string>, scope: FeedbackScope) => {
    const members = (await feedbackOfDraft(draftDocumentId)).filter((row) => keys.has(contentGroupKey(row.content)));
    const visible = await inScope(
      members.map((row) => row.documentId),
      scope,
    );
    return { writable: members.filter((row) => visible.has(row.documentId)), outsideScope: members.filter((row) => !visible.has(row.documentId)).length };
  };

  /** Writes one disposition to `rows` through the document service, all or nothing; rows already holding it are left alone. */
  const apply = async (rows: FeedbackRow[], input: DispositionInput) => {
    const data = stored(input);
    const changed = rows.filter(
      (row) => (row.disposition ?? null) !== data.disposition || (row.explanation ?? null) !== data.explanation || (row.provision ?? null) !== data.provision,
    );
    if (changed.length === 0) return;
    await strapi.db.transaction(async () => {
      for (const row of changed) {
        await strapi.documents(FEEDBACK_UID).update({ documentId: row.documentId, data } as never);
      }
    });
  };

  const draftExists = async (documentId: string) => {
    const draft = (await strapi.db.query(CONSULTATION_DRAFT_UID).findOne({ select: ['opensAt', 'closesAt'], where: { documentId } })) as {
      opensAt?: string | Date | null;
      closesAt?: string | Date | null;
    } | null;
    if (!draft) throw notFoundError('Consultation draft not found', { documentId });
    return draft;
  };

  return {
    /**
     * Sets the disposition of one feedback on a consultation draft and of its duplicates the
     * caller may read; 404 for an unknown feedback, 403 outside `scope`, 400 naming the field for
     * a feedback on a policy, spam, or `not-accepted` without an explanation.
     */
    async set(documentId: string, input: DispositionInput, scope: FeedbackScope) {
      const row = (await strapi.db.query(FEEDBACK_UID).findOne({
        select: FEEDBACK_SELECT,
        where: { documentId },
        populate: { consultationDraft: { select: ['documentId'] } },
      })) as FeedbackRow | null;
      if (!row) throw notFoundError('Feedback not found', { documentId });
      await assertFeedbackInScope(strapi, documentId, scope);
      const draft = row.consultationDraft?.documentId;
      assertDispositionRequirements({ ...stored(input), onConsultationDraft: Boolean(draft) });
      if (isSpam(row)) throw fieldError('disposition', 'A feedback rejected as spam is not part of the consultation report: it gets no disposition');
      const key = contentGroupKey(row.content);
      const group = await groupsOf(draft as string, new Set([key]), scope);
      await apply(group.writable, input);
      const updated = (await strapi.db.query(FEEDBACK_UID).findOne({ select: FEEDBACK_SELECT, where: { documentId } })) as FeedbackRow;
      return {
        ...view(updated),
        groupKey: key,
        groupSize: group.writable.length,
        applied: group.writable.map((member) => member.documentId),
        outsideScope: group.outsideScope,
      };
    },

    /**
     * One disposition for many feedback of one draft and for their duplicates, in one transaction:
     * 404 for an unknown draft; 400 listing the ids that are not (non-spam) feedback of this draft;
     * 403 listing those outside `scope`. Nothing is written unless everything may be.
     */
    async bulk(draftDocumentId: string, input: BulkDispositionInput, scope: FeedbackScope) {
      await draftExists(draftDocumentId);
      assertDispositionRequirements({ ...stored(input), onConsultationDraft: true });
      const ids = [...new Set(input.feedbackDocumentIds)];
      const rows = await feedbackOfDraft(draftDocumentId, { documentId: { $in: ids } });
      const found = new Set(rows.map((row) => row.documentId));
      const invalid = ids.filter((id) => !found.has(id));
      if (invalid.length > 0) {
        throw fieldError('feedbackDocumentIds', `Not feedback of this consultation draft (or rejected as spam): ${invalid.join(', ')}`, { invalid });
      }
      if (scope === null) {
        throw forbiddenError('Your role may not read feedback (Settings → Roles → Content Manager → Feedback → Read)', { outsideScope: ids });
      }
      const visible = await inScope(ids, scope);
      const outside = ids.filter((id) => !visible.has(id));
      if (outside.length > 0) {
        throw forbiddenError(`Outside what your role may read (not answered by one of your agencies): ${outside.join(', ')}`, { outsideScope: outside });
      }
      const group = await groupsOf(draftDocumentId, new Set(rows.map((row) => contentGroupKey(row.content))), scope);
      await apply(group.writable, input);
      return {
        disposition: input.disposition,
        requested: ids.length,
        applied: group.writable.map((row) => row.documentId),
        updated: group.writable.length,
        outsideScope: group.outsideScope,
      };
    },

    /**
     * Where the draft's report stands, over the feedback the caller may read (spam left out): how
     * many have no disposition yet, counts per disposition, and the groups of duplicates (two or
     * more feedback with the same content), largest first.
     */
    async summary(draftDocumentId: string, scope: FeedbackScope, now: Date = new Date()) {
      const draft = await draftExists(draftDocumentId);
      const where = withinScope({ consultationDraft: { documentId: draftDocumentId }, ...NOT_SPAM }, scope);
      const rows = where
        ? ((await strapi.db.query(FEEDBACK_UID).findMany({ select: FEEDBACK_SELECT, where, orderBy: [{ id: 'asc' }] })) as FeedbackRow[])
        : [];
      const byDisposition = zeroes();
      const groups = new Map<string, { members: FeedbackRow[] }>();
      for (const row of rows) {
        if (row.disposition) byDisposition[row.disposition] += 1;
        const key = contentGroupKey(row.content);
        const group = groups.get(key) ?? { members: [] };
        group.members.push(row);
        groups.set(key, group);
      }
      const duplicates: DispositionGroup[] = [...groups.entries()]
        .filter(([, group]) => group.members.length > 1)
        .map(([key, { members }]) => {
          const values = new Set(members.map((member) => member.disposition ?? null));
          return {
            key,
            size: members.length,
            disposition: values.size > 1 ? ('mixed' as const) : (members[0].disposition ?? null),
            sampleDocumentId: members[0].documentId,
          };
        })
        .sort((a, b) => b.size - a.size || a.key.localeCompare(b.key));
      return {
        consultationStatus: consultationStatus(draft.opensAt, draft.closesAt, now),
        total: rows.length,
        withoutDisposition: rows.filter((row) => !row.disposition).length,
        byDisposition,
        groups: duplicates,
      };
    },

    /**
     * The draft's feedback the caller may read (spam left out), for choosing what gets a
     * disposition: duplicates as one line with their size, in order of arrival of their first
     * member, one page of lines at a time. No personal data.
     */
    async items(draftDocumentId: string, { page, pageSize }: { page: number; pageSize: number }, scope: FeedbackScope) {
      await draftExists(draftDocumentId);
      const where = withinScope({ consultationDraft: { documentId: draftDocumentId }, ...NOT_SPAM }, scope);
      const rows = where
        ? ((await strapi.db.query(FEEDBACK_UID).findMany({ select: ITEM_SELECT, where, orderBy: [{ id: 'asc' }] })) as Array<
            FeedbackRow & { category: FeedbackCategory; submitterType: SubmitterType }
          >)
        : [];
      const groups = new Map<string, typeof rows>();
      for (const row of rows) {
        const key = contentGroupKey(row.content);
        groups.set(key, [...(groups.get(key) ?? []), row]);
      }
      const lines: DispositionItem[] = [...groups.entries()].map(([key, members]) => {
        const first = members[0];
        const uniform = (pick: (row: FeedbackRow) => string | null) => (new Set(members.map(pick)).size === 1 ? pick(first) : null);
        const dispositions = new Set(members.map((member) => member.disposition ?? null));
        return {
          documentId: first.documentId,
          groupKey: key,
          size: members.length,
          excerpt: excerpt(first.content),
          category: first.category,
          submitterType: first.submitterType,
          disposition: dispositions.size > 1 ? 'mixed' : (first.disposition ?? null),
          explanation: uniform((row) => row.explanation ?? null),
          provision: uniform((row) => row.provision ?? null),
        };
      });
      const start = (page - 1) * pageSize;
      return {
        data: lines.slice(start, start + pageSize),
        meta: { pagination: { page, pageSize, pageCount: Math.ceil(lines.length / pageSize), total: lines.length } },
      };
    },
  } satisfies FeedbackServices['dispositions'];
};
