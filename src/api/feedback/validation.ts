import { z } from 'zod';
import { fieldError, parseOrThrow as parse } from '../../common/errors';
import { normalizeTrackingCode } from './codes';
import {
  CONTENT_MAX_LENGTH,
  CONTENT_MIN_LENGTH,
  EMAIL_MAX_LENGTH,
  FEEDBACK_CATEGORIES,
  NAME_MAX_LENGTH,
  ORGANIZATION_SUBMITTER_TYPES,
  PUBLIC_LIST_DEFAULT_PAGE_SIZE,
  PUBLIC_LIST_MAX_PAGE_SIZE,
  SUBMITTER_TYPES,
  TRACKING_CODE_PATTERN,
  type FeedbackCategory,
  type FeedbackTargetType,
  type SubmitterType,
} from './constants';
import { characterCount, cleanLine, cleanText, normalizeVietnamesePhone } from './text';

/** A feedback is about exactly one thing: a consultation draft or a policy in force. */
export const assertSingleTarget = (hasConsultationDraft: boolean, hasPolicy: boolean): void => {
  if (hasConsultationDraft !== hasPolicy) return;
  const message = hasPolicy
    ? 'A feedback targets either a consultationDraft or a policy, not both'
    : 'A feedback needs a target: consultationDraft or policy';
  throw fieldError('consultationDraft', message);
};

/* Public participation requests (intake, tracking, public list): one zod schema per request. */

const DOCUMENT_ID = /^[A-Za-z0-9]{1,64}$/;
const documentId = z.string().regex(DOCUMENT_ID, 'must be a documentId');
const optionalDocumentId = documentId.nullish().transform((value) => value ?? undefined);

/** An optional one-line text: cleaned, and absent when empty. */
const optionalLine = (max: number) =>
  z
    .string()
    .nullish()
    .transform((value) => (value == null ? undefined : cleanLine(value) || undefined))
    .pipe(z.string().max(max, `must be at most ${max} characters`).optional());

const optionalEmail = z
  .string()
  .nullish()
  .transform((value) => (value == null ? undefined : cleanLine(value).toLowerCase() || undefined))
  .pipe(z.email('must be a valid email address').max(EMAIL_MAX_LENGTH, 'is too long').optional());

const optionalPhone = z
  .string()
  .nullish()
  .transform((value, ctx) => {
    if (value == null || cleanLine(value) === '') return undefined;
    const phone = normalizeVietnamesePhone(value);
    if (!phone) {
      ctx.addIssue({ code: 'custom', message: 'must be a Vietnamese phone number (0xxxxxxxxx or +84xxxxxxxxx)' });
      return z.NEVER;
    }
    return phone;
  });

const content = z
  .string()
  .transform((value) => cleanText(value))
  .refine((value) => characterCount(value) >= CONTENT_MIN_LENGTH, `must be at least ${CONTENT_MIN_LENGTH} characters`)
  .refine((value) => characterCount(value) <= CONTENT_MAX_LENGTH, `must be at most ${CONTENT_MAX_LENGTH} characters`);

const intakeData = z
  .strictObject({
    consultationDraft: optionalDocumentId,
    policy: optionalDocumentId,
    submitterType: z.enum(SUBMITTER_TYPES),
    fullName: optionalLine(NAME_MAX_LENGTH),
    organizationName: optionalLine(NAME_MAX_LENGTH),
    email: optionalEmail,
    phone: optionalPhone,
    content,
    category: z.enum(FEEDBACK_CATEGORIES),
    publicConsent: z.boolean().optional().default(false),
    // Honeypot: hidden from people by the front end, filled in by bots.
    website: z.string().nullish(),
  })
  .superRefine((data, ctx) => {
    if (Boolean(data.consultationDraft) === Boolean(data.policy)) {
      const message = data.policy
        ? 'A feedback targets either a consultationDraft or a policy, not both'
        : 'A feedback needs a target: consultationDraft or policy';
      ctx.addIssue({ code: 'custom', path: ['consultationDraft'], message });
    }
    if (ORGANIZATION_SUBMITTER_TYPES.has(data.submitterType) && !data.organizationName) {
      ctx.addIssue({ code: 'custom', path: ['organizationName'], message: `is required when submitterType is ${data.submitterType}` });
    }
  });

export const intakeBody = z.strictObject(
  { data: intakeData },
  { error: (issue) => (issue.code === 'invalid_type' ? 'The body must be a JSON object { data: { … } }' : undefined) },
);

export type IntakeInput = {
  target: { type: FeedbackTargetType; documentId: string };
  submitterType: SubmitterType;
  fullName?: string;
  organizationName?: string;
  email?: string;
  phone?: string;
  content: string;
  category: FeedbackCategory;
  publicConsent: boolean;
  /** The honeypot was filled in: a bot. */
  honeypot: boolean;
};

/** Validates a public `POST /api/feedbacks` body (see the issue's validation table). */
export const parseIntakeBody = (body: unknown): IntakeInput => {
  const { data } = parse(intakeBody, body);
  const target = data.consultationDraft
    ? { type: 'consultationDraft' as const, documentId: data.consultationDraft }
    : { type: 'policy' as const, documentId: data.policy as string };
  return {
    target,
    submitterType: data.submitterType,
    fullName: data.fullName,
    organizationName: data.organizationName,
    email: data.email,
    phone: data.phone,
    content: data.content,
    category: data.category,
    publicConsent: data.publicConsent,
    honeypot: typeof data.website === 'string' && data.website.trim() !== '',
  };
};

const trackParams = z.object({
  trackingCode: z
    .string()
    .transform(normalizeTrackingCode)
    .pipe(z.string().regex(TRACKING_CODE_PATTERN, 'must look like GY-XXXX-XXXX')),
});

/** Validates `GET /api/feedbacks/track/:trackingCode`. */
export const parseTrackParams = (params: unknown): string => parse(trackParams, params).trackingCode;

const positiveInteger = (max?: number) => {
  const base = z.coerce.number('must be a number').int('must be a whole number').min(1, 'must be at least 1');
  return max ? base.max(max, `must be at most ${max}`) : base;
};

const publicListQuery = z
  .strictObject({
    consultationDraft: documentId.optional(),
    policy: documentId.optional(),
    pagination: z
      .strictObject({
        page: positiveInteger().optional(),
        pageSize: positiveInteger(PUBLIC_LIST_MAX_PAGE_SIZE).optional(),
      })
      .optional(),
  })
  .superRefine((query, ctx) => {
    if (Boolean(query.consultationDraft) === Boolean(query.policy)) {
      ctx.addIssue({ code: 'custom', path: ['consultationDraft'], message: 'give exactly one of consultationDraft or policy' });
    }
  });

export type PublicListQuery = {
  target: { type: FeedbackTargetType; documentId: string };
  page: number;
  pageSize: number;
};

/** Validates `GET /api/feedbacks/public?consultationDraft=…|policy=…&pagination[page]=…`. */
export const parsePublicListQuery = (query: unknown): PublicListQuery => {
  const parsed = parse(publicListQuery, query);
  return {
    target: parsed.consultationDraft
      ? { type: 'consultationDraft', documentId: parsed.consultationDraft }
      : { type: 'policy', documentId: parsed.policy as string },
    page: parsed.pagination?.page ?? 1,
    pageSize: parsed.pagination?.pageSize ?? PUBLIC_LIST_DEFAULT_PAGE_SIZE,
  };
};
