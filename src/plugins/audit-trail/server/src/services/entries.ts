import type { Core } from '@strapi/strapi';
import { serviceUnavailableError } from '../../../../../common/errors';
import type { AuditActor, AuditAction, AuditDetails, AuditEntry, AuditEntryInput, AuditTrailService } from '../../../../../common/audit';
import { ENTRY_UID, MAX_DETAILS_BYTES, MAX_TEXT_LENGTH } from '../constants';
import { actorOfRequest, originOfRequest } from '../utils/origin';

type Row = {
  id: number;
  occurredAt: string | Date;
  action: string;
  actorKind: string;
  actorId: number | null;
  actorEmail: string | null;
  actorName: string | null;
  subjectType: string;
  subjectId: string | null;
  subjectLabel: string | null;
  details: unknown;
  ip: string | null;
  userAgent: string | null;
};

export type EntryFilters = { action?: AuditAction; actorId?: number; actorEmail?: string; from?: Date; to?: Date };

const clip = (value: string | null | undefined): string | null => (value ? String(value).slice(0, MAX_TEXT_LENGTH) : null);

/** Details are small by contract; an oversized object is replaced by a note rather than stored. */
const boundedDetails = (details: AuditDetails | undefined): AuditDetails => {
  if (!details) return {};
  const size = Buffer.byteLength(JSON.stringify(details), 'utf8');
  return size <= MAX_DETAILS_BYTES ? details : { truncated: true, bytes: size };
};

/** Fields that label a document in the log: its title or name, or a feedback's tracking code. */
const LABEL_FIELDS = ['title', 'name', 'trackingCode', 'code'] as const;

const present = (row: Row): AuditEntry => ({
  id: row.id,
  occurredAt: new Date(row.occurredAt).toISOString(),
  action: row.action as AuditAction,
  actor: { kind: row.actorKind as AuditActor['kind'], id: row.actorId, email: row.actorEmail, name: row.actorName },
  subject: { type: row.subjectType, id: row.subjectId, label: row.subjectLabel },
  details: (row.details ?? {}) as AuditDetails,
  ip: row.ip,
  userAgent: row.userAgent,
});

const whereOf = (filters: EntryFilters): Record<string, unknown> => {
  const occurredAt: Record<string, Date> = {};
  if (filters.from) occurredAt.$gte = filters.from;
  if (filters.to) occurredAt.$lte = filters.to;
  return {
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.actorId !== undefined ? { actorId: filters.actorId } : {}),
    ...(filters.actorEmail ? { actorEmail: { $eqi: filters.actorEmail } } : {}),
    ...(Object.keys(occurredAt).length ? { occurredAt } : {}),
  };
};

/** Writes and reads the audit trail. The only code that inserts entries; nothing updates or deletes them. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  /** The subject's title when the caller gave none (best effort: a lookup failure leaves it empty). */
  const labelOf = async (type: string, documentId: string | null | undefined): Promise<string | null> => {
    // Strapi types `contentTypes` by the generated UIDs; subjects may be any registered model.
    const model = (strapi.contentTypes as unknown as Record<string, { attributes: Record<string, { private?: boolean }> } | undefined>)[type];
    if (!documentId || !model) return null;
    try {
      const { attributes } = model;
      const field = LABEL_FIELDS.find((name) => attributes[name] && !attributes[name].private);
      if (!field) return null;
      // The subject's type is a runtime string checked against `strapi.contentTypes` above, not a generated UID.
      const row = (await strapi.db.query(type as never).findOne({ select: [field], where: { documentId } })) as Record<string, unknown> | null;
      return clip((row?.[field] as string | undefined) ?? null);
    } catch {
      return null;
    }
  };

  const write = async (input: AuditEntryInput): Promise<AuditEntry> => {
    const actor = input.actor ?? actorOfRequest(strapi);
    const { ip, userAgent } = originOfRequest(strapi);
    const subjectId = input.subject.documentId ?? (input.subject.id === undefined || input.subject.id === null ? null : String(input.subject.id));
    const label = input.subject.label ?? (await labelOf(input.subject.type, input.subject.documentId));
    const row = (await strapi.db.query(ENTRY_UID).create({
      data: {
        occurredAt: new Date(),
        action: input.action,
        actorKind: actor.kind,
        actorId: actor.id,
        actorEmail: clip(actor.email),
        actorName: clip(actor.name),
        subjectType: clip(input.subject.type),
        subjectId: clip(subjectId),
        subjectLabel: clip(label),
        details: boundedDetails(input.details),
        ip,
        userAgent,
      },
    })) as Row;
    return present(row);
  };

  const service = {
    async record(input: AuditEntryInput): Promise<AuditEntry | null> {
      try {
        return await write(input);
      } catch (error) {
        strapi.log.error(`[audit-trail] could not record ${input.action} on ${input.subject.type}: ${String(error)}`);
        return null;
      }
    },

    async recordOrRefuse(input: AuditEntryInput): Promise<AuditEntry | null> {
      try {
        return await write(input);
      } catch (error) {
        strapi.log.error(`[audit-trail] could not record ${input.action} on ${input.subject.type}; the action is refused: ${String(error)}`);
        throw serviceUnavailableError('This action is recorded in the audit trail, which cannot be written now; try again later.', {
          action: input.action,
        });
      }
    },

    /** One page of entries, newest first. */
    async list(filters: EntryFilters, { page, pageSize }: { page: number; pageSize: number }) {
      const where = whereOf(filters);
      const [rows, total] = await Promise.all([
        strapi.db.query(ENTRY_UID).findMany({ where, orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }], offset: (page - 1) * pageSize, limit: pageSize }),
        strapi.db.query(ENTRY_UID).count({ where }),
      ]);
      return {
        data: (rows as Row[]).map(present),
        pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total },
      };
    },
  } satisfies AuditTrailService & Record<string, unknown>;

  return service;
};
