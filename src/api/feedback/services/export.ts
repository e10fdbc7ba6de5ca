import type { Core } from '@strapi/strapi';
import { stringify } from 'csv-stringify/sync';
import { notFoundError } from '../../../common/errors';
import type { FeedbackScope, FeedbackServices } from '../../../common/feedback';
import { CONSULTATION_DRAFT_UID, FEEDBACK_UID } from '../../../common/uids';
import { withinScope } from '../scope';

type ExportRow = {
  trackingCode: string;
  createdAt: string | Date;
  moderationStatus: string;
  category: string;
  submitterType: string;
  fullName?: string | null;
  organizationName?: string | null;
  email?: string | null;
  phone?: string | null;
  content: string;
  response?: string | null;
  respondedAt?: string | Date | null;
  source?: string | null;
  publicConsent?: boolean | null;
  respondingAgency?: { name?: string | null } | null;
};

type Column = { header: string; value: (row: ExportRow) => string; personal?: boolean };

/** UTF-8 byte order mark: without it Excel reads the file as ANSI and mangles Vietnamese. */
export const UTF8_BOM = '\uFEFF';

const STATUS_LABELS: Record<string, string> = {
  received: 'Đã tiếp nhận',
  assigned: 'Đã giao xử lý',
  answered: 'Đã trả lời',
  rejected: 'Không tiếp nhận',
  closed: 'Đã đóng',
};
const CATEGORY_LABELS: Record<string, string> = { comment: 'Góp ý', recommendation: 'Kiến nghị', difficulty: 'Khó khăn, vướng mắc', question: 'Câu hỏi' };
const SUBMITTER_LABELS: Record<string, string> = { citizen: 'Người dân', business: 'Doanh nghiệp', organization: 'Tổ chức' };

/**
 * Records as CSV text (RFC 4180: CRLF between records, a field holding a comma, a quote or any line
 * break quoted), after the BOM. csv-stringify quotes on its record delimiter only, so a bare "\n"
 * inside a CRLF file would be left unquoted without `quoted_match`.
 */
export const csvWithBom = (records: string[][]): string => UTF8_BOM + stringify(records, { record_delimiter: '\r\n', quoted_match: /[\r\n]/ });

const iso = (value: string | Date | null | undefined) => (value ? new Date(value).toISOString() : '');

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @) is prefixed with an apostrophe: the
 * content comes from the public and must never execute on an officer's computer.
 */
export const neutralizeFormula = (value: string): string => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

const COLUMNS: Column[] = [
  { header: 'Mã tra cứu (tracking code)', value: (row) => row.trackingCode },
  { header: 'Ngày nhận (received)', value: (row) => iso(row.createdAt) },
  { header: 'Trạng thái (status)', value: (row) => STATUS_LABELS[row.moderationStatus] ?? row.moderationStatus },
  { header: 'Phân loại (category)', value: (row) => CATEGORY_LABELS[row.category] ?? row.category },
  { header: 'Đối tượng (submitter)', value: (row) => SUBMITTER_LABELS[row.submitterType] ?? row.submitterType },
  { header: 'Họ tên (name)', value: (row) => row.fullName ?? '', personal: true },
  { header: 'Tổ chức (organization)', value: (row) => row.organizationName ?? '' },
  { header: 'Email', value: (row) => row.email ?? '', personal: true },
  { header: 'Điện thoại (phone)', value: (row) => row.phone ?? '', personal: true },
  { header: 'Nội dung góp ý (content)', value: (row) => row.content },
  { header: 'Trả lời, giải trình (response)', value: (row) => row.response ?? '' },
  { header: 'Ngày trả lời (responded)', value: (row) => iso(row.respondedAt) },
  { header: 'Cơ quan trả lời (agency)', value: (row) => row.respondingAgency?.name ?? '' },
  { header: 'Nguồn (source)', value: (row) => row.source ?? '' },
  { header: 'Đồng ý công khai (public consent)', value: (row) => (row.publicConsent ? 'Có' : 'Không') },
];

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * The feedback on one consultation draft as CSV for the synthesis report: one row per feedback
   * (spam left out), UTF-8 with BOM, RFC 4180 quoting; names, emails and phones only when allowed.
   * Only the feedback within `scope` is exported (an agency exports the feedback it answers).
   */
  async consultationDraftCsv(documentId: string, { includePersonalData, scope }: { includePersonalData: boolean; scope: FeedbackScope }) {
    const draft = (await strapi.db.query(CONSULTATION_DRAFT_UID).findOne({ select: ['documentId'], where: { documentId } })) as { documentId: string } | null;
    if (!draft) throw notFoundError('Consultation draft not found');
    const where = withinScope(
      {
        consultationDraft: { documentId },
        $or: [{ rejectionReason: { $null: true } }, { rejectionReason: { $ne: 'spam' } }],
      },
      scope,
    );
    const rows = where
      ? ((await strapi.db.query(FEEDBACK_UID).findMany({
          where,
          populate: { respondingAgency: { select: ['name'] } },
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        })) as ExportRow[])
      : [];
    const columns = COLUMNS.filter((column) => includePersonalData || !column.personal);
    const records = rows.map((row) => columns.map((column) => neutralizeFormula(column.value(row))));
    return csvWithBom([columns.map((column) => column.header), ...records]);
  },
} satisfies FeedbackServices['export']);
