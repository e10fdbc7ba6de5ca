import { z } from 'zod';
import { DISPOSITIONS } from '../../common/feedback';
import { CONSULTATION_DRAFT_UID } from '../../common/uids';
import {
  CONTENT_MAX_LENGTH,
  CONTENT_MIN_LENGTH,
  FEEDBACK_CATEGORIES,
  MODERATION_STATUSES,
  PUBLIC_LIST_DEFAULT_PAGE_SIZE,
  PUBLIC_LIST_MAX_PAGE_SIZE,
  SUBMITTER_TYPES,
  ZALO_SIGNATURE_HEADER,
} from '../feedback/constants';
import { STEP_KEYS, STEP_STATES } from '../feedback/progress';
import { intakeBody } from '../feedback/validation';
import { eventSchema as zaloEventSchema } from '../feedback/zalo-validation';
import { CHANGE_TYPES } from '../../common/change-feed';
import { DEFAULT_LIMIT as CHANGES_DEFAULT_LIMIT, MAX_LIMIT as CHANGES_MAX_LIMIT } from '../changes/constants';
import { MAX_HISTORY_MONTHS, REQUIRED_ROLES, STAGES } from '../coverage/constants';
import { ref, type JsonSchema } from './schemas';

/**
 * THE place where public routes are described. The document (`GET /api/openapi.json`) lists every
 * public content-API route the server answers (its path and method come from the router); this file
 * says what each one does, keyed by its action (`api::<api>.<controller>.<action>` or
 * `plugin::<plugin>.<controller>.<action>`). Core `find` / `findOne` of any public content type are
 * described once, below, from the content type's schema. Adding a public route = adding its entry
 * here; tests/api/openapi.test.ts fails on a public route without one.
 */
export type Operation = Record<string, unknown> & { summary: string; tags: string[]; responses: Record<string, unknown> };
export type ContentTypeInfo = { uid: string; displayName: string; localized: boolean; draftAndPublish: boolean };

const json = (schema: JsonSchema, description: string) => ({ description, content: { 'application/json': { schema } } });
const error = (description: string) => json({ $ref: '#/components/schemas/Error' }, description);
const param = (name: string, where: 'path' | 'query' | 'header', schema: JsonSchema, description: string, required = where === 'path') => ({
  name,
  in: where,
  required,
  description,
  schema,
});
/** A zod schema as OpenAPI 3.0 JSON schema, as the client must send it (before transforms). */
const fromZod = (schema: z.ZodType): JsonSchema => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'openapi-3.0' }) as JsonSchema;
  return rest;
};

/** Coverage figures (README: "Coverage"): a percentage has one decimal, null when there is nothing to measure. */
const PERCENT: JsonSchema = { type: 'number', nullable: true, minimum: 0, maximum: 100 };
const INT: JsonSchema = { type: 'integer', minimum: 0 };
const RATIO_PROPERTIES = { total: INT, covered: INT, percent: PERCENT };
const RATIO: JsonSchema = { type: 'object', required: ['total', 'covered', 'percent'], properties: RATIO_PROPERTIES };
const FEEDBACK_FIGURES = {
  received: INT,
  answeredOnTime: INT,
  answeredLate: INT,
  overdue: { ...INT, description: 'Not answered, still open, past its due date now' },
  medianDaysToAnswer: { type: 'number', nullable: true },
};
const byName = (schema: JsonSchema, description: string): JsonSchema => ({ type: 'object', description, additionalProperties: schema });
const COVERAGE_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['generatedAt', 'period', 'agencies', 'policies', 'consultations', 'feedback', 'channels'],
  properties: {
    generatedAt: { type: 'string', format: 'date-time' },
    period: { type: 'object', properties: { from: { type: 'string', format: 'date' }, to: { type: 'string', format: 'date' } } },
    agencies: {
      type: 'object',
      description: 'Active agencies; covered = an active leader in charge and an active focal point',
      properties: {
        ...RATIO_PROPERTIES,
        byKind: byName(RATIO, 'By agency kind'),
        missing: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              documentId: { type: 'string' },
              code: { type: 'string', nullable: true },
              name: { type: 'string', nullable: true },
              kind: { type: 'string', nullable: true },
              lacks: { type: 'array', items: { type: 'string', enum: [...REQUIRED_ROLES] } },
            },
          },
        },
      },
    },
    policies: {
      type: 'object',
      description: 'Published policies in scope; fully communicated = every stage reached had a delivered publication during it',
      properties: {
        inScope: INT,
        fullyCommunicated: INT,
        percent: PERCENT,
        repealed: { ...INT, description: 'Repealed policies in scope, reported apart (not in inScope)' },
        byStage: {
          type: 'object',
          properties: Object.fromEntries(
            STAGES.map((stage) => [stage, { type: 'object', properties: { reached: INT, communicated: INT, percent: PERCENT } }]),
          ),
        },
        byChannel: byName({ type: 'object', properties: { communicated: INT, percent: PERCENT } }, 'Reached (policy, stage) pairs communicated on each channel'),
        gaps: {
          type: 'array',
          description: 'Policies with a reached stage not communicated (the first COVERAGE_MAX_GAPS by title; the CSV has them all)',
          items: {
            type: 'object',
            properties: {
              documentId: { type: 'string' },
              title: { type: 'string', nullable: true },
              stage: { type: 'string' },
              missingStages: { type: 'array', items: { type: 'string', enum: [...STAGES] } },
            },
          },
        },
        gapsTotal: INT,
      },
    },
    consultations: {
      type: 'object',
      properties: {
        closed: INT,
        withOutcome: INT,
        percent: PERCENT,
        overdue: {
          type: 'array',
          items: { type: 'object', properties: { documentId: { type: 'string' }, title: { type: 'string', nullable: true }, closesAt: { type: 'string', format: 'date-time' }, daysOverdue: INT } },
        },
      },
    },
    feedback: {
      type: 'object',
      description: 'Feedback received in the period (rejected left out)',
      properties: {
        ...FEEDBACK_FIGURES,
        byAgency: {
          type: 'array',
          items: {
            type: 'object',
            properties: { documentId: { type: 'string', nullable: true }, code: { type: 'string', nullable: true }, name: { type: 'string', nullable: true }, ...FEEDBACK_FIGURES },
          },
        },
      },
    },
    channels: byName({ type: 'object', properties: { delivered: INT, failed: INT, dead: INT } }, 'Delivery outcomes in the period, per channel (empty when publishing is off)'),
  },
};

const RATE_LIMITED = error('Too many requests from this address: wait and retry (`Retry-After`)');
const TARGET_PARAMS = [
  param('consultationDraft', 'query', { type: 'string' }, 'documentId of a published consultation draft (give exactly one of consultationDraft or policy)', false),
  param('policy', 'query', { type: 'string' }, 'documentId of a published policy (give exactly one of consultationDraft or policy)', false),
];
const RESPONDING_AGENCY: JsonSchema = { type: 'object', nullable: true, properties: { name: { type: 'string' } } };

/** A public feed (README: "Feeds"): one locale, published versions only, stable entry ids. */
const feedOperation = (summary: string, format: 'atom' | 'json'): Operation => ({
  summary,
  description: 'Newest first; entry ids `urn:<type>:<documentId>:<locale>` stay the same across edits; links go to the portal entry.',
  tags: ['Feeds'],
  parameters: [param('locale', 'query', { type: 'string', default: 'vi' }, 'Locale code (vi, en)', false)],
  responses: {
    200:
      format === 'atom'
        ? { description: 'Atom (RFC 4287)', content: { 'application/atom+xml': { schema: { type: 'string' } } } }
        : { description: 'JSON Feed 1.1', content: { 'application/feed+json': { schema: { type: 'object', additionalProperties: true } } } },
    304: { description: 'Not modified (If-None-Match)' },
    400: error('Unknown locale or parameter, naming it'),
  },
});

/** Computed fields a content type's answers carry besides its attributes. */
export const COMPUTED_FIELDS: Readonly<Record<string, Record<string, JsonSchema>>> = {
  [CONSULTATION_DRAFT_UID]: {
    consultationStatus: { type: 'string', enum: ['upcoming', 'open', 'closed'], description: 'Computed at read time from opensAt/closesAt' },
  },
};

/** Core `find` and `findOne`, for any content type the public may read. */
export const CORE_OPERATIONS: Record<'find' | 'findOne', (type: ContentTypeInfo) => Operation> = {
  find: (type) => ({
    summary: `List published ${type.displayName} documents`,
    description:
      'Published documents only (`status=draft` needs an API token). 25 per page by default, at most 100. ' +
      'Relations, media and components are returned only when asked for with `populate`; private attributes never are.',
    tags: [type.displayName],
    parameters: [
      { $ref: '#/components/parameters/fields' },
      { $ref: '#/components/parameters/populate' },
      { $ref: '#/components/parameters/filters' },
      { $ref: '#/components/parameters/sort' },
      { $ref: '#/components/parameters/page' },
      { $ref: '#/components/parameters/pageSize' },
      { $ref: '#/components/parameters/q' },
      ...(type.localized ? [{ $ref: '#/components/parameters/locale' }] : []),
      ...(type.draftAndPublish ? [{ $ref: '#/components/parameters/status' }] : []),
    ],
    responses: {
      200: json(
        {
          type: 'object',
          properties: { data: { type: 'array', items: ref(type.uid) }, meta: { type: 'object', properties: { pagination: { $ref: '#/components/schemas/Pagination' } } } },
          required: ['data', 'meta'],
        },
        'A page of documents',
      ),
      304: { description: 'Not modified (`If-None-Match` matched the `ETag`)' },
      400: error('An invalid or unknown query parameter, or a query beyond the cost limits'),
      403: error('A draft asked for without an API token'),
    },
  }),
  findOne: (type) => ({
    summary: `One published ${type.displayName} document`,
    description: 'By documentId. Published version only (`status=draft` needs an API token); 404 when it does not exist in the asked locale (no fallback).',
    tags: [type.displayName],
    parameters: [
      param('id', 'path', { type: 'string' }, 'The documentId'),
      { $ref: '#/components/parameters/fields' },
      { $ref: '#/components/parameters/populate' },
      ...(type.localized ? [{ $ref: '#/components/parameters/locale' }] : []),
      ...(type.draftAndPublish ? [{ $ref: '#/components/parameters/status' }] : []),
    ],
    responses: {
      200: json({ type: 'object', properties: { data: ref(type.uid), meta: { type: 'object' } }, required: ['data'] }, 'The document'),
      304: { description: 'Not modified (`If-None-Match` matched the `ETag`)' },
      400: error('An invalid or unknown query parameter'),
      403: error('A draft asked for without an API token'),
      404: error('No such published document in this locale'),
    },
  }),
};

const AUTH_TAG = 'End-user accounts (users-permissions; not used by the product)';
const userAuth = (summary: string, description?: string): Operation => ({
  summary,
  ...(description ? { description } : {}),
  tags: [AUTH_TAG],
  responses: { 200: json({ type: 'object', additionalProperties: true }, 'Done'), 400: error('Invalid request'), 429: RATE_LIMITED },
});

export const OPERATIONS: Readonly<Record<string, Operation>> = {
  'api::feedback.feedback.submit': {
    summary: 'Send feedback on a consultation draft or a policy',
    description:
      `Citizens and businesses send feedback on an open consultation draft or a published policy. ` +
      `Rate-limited per client address; JSON only, at most 32 KB. Content ${CONTENT_MIN_LENGTH}–${CONTENT_MAX_LENGTH} characters. ` +
      'Personal data (fullName, email, phone) is stored for the agency to reply and is never published. ' +
      'A repeat of the same feedback within 24 hours answers 200 with the earlier receipt. The request schema is generated from the server\'s own zod validation.',
    tags: ['Feedback'],
    requestBody: { required: true, content: { 'application/json': { schema: fromZod(intakeBody) } } },
    responses: {
      201: json({ type: 'object', properties: { data: { $ref: '#/components/schemas/FeedbackReceipt' } } }, 'Received: keep the tracking code'),
      200: json({ type: 'object', properties: { data: { $ref: '#/components/schemas/FeedbackReceipt' } } }, 'A duplicate: the earlier receipt'),
      400: error('Invalid body, naming the field'),
      404: error('No such published target'),
      409: error('The consultation is not open'),
      413: error('Body over 32 KB'),
      415: error('Not JSON'),
      429: RATE_LIMITED,
    },
  },
  'api::feedback.feedback.track': {
    summary: 'Follow a feedback by its tracking code',
    description:
      "Status, target, dates and, once answered, the answer; the steps of the process with the current one, the disposition once decided and the outcome link once published. Never the submitter's details. Rate-limited per client address.",
    tags: ['Feedback'],
    parameters: [param('trackingCode', 'path', { type: 'string', pattern: '^GY-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}$' }, 'The code of the receipt, GY-XXXX-XXXX')],
    responses: {
      200: json(
        {
          type: 'object',
          properties: {
            data: {
              type: 'object',
              properties: {
                status: { type: 'string', enum: [...MODERATION_STATUSES] },
                category: { type: 'string', enum: [...FEEDBACK_CATEGORIES] },
                target: {
                  type: 'object',
                  nullable: true,
                  properties: { type: { type: 'string', enum: ['consultationDraft', 'policy'] }, documentId: { type: 'string' }, title: { type: 'string', nullable: true } },
                },
                receivedAt: { type: 'string', format: 'date-time', nullable: true },
                dueAt: { type: 'string', format: 'date-time', nullable: true },
                response: { type: 'string', nullable: true },
                respondedAt: { type: 'string', format: 'date-time', nullable: true },
                respondingAgency: RESPONDING_AGENCY,
                steps: {
                  type: 'array',
                  description: 'What happens next: the steps of the process in order, in Vietnamese',
                  items: {
                    type: 'object',
                    properties: {
                      key: { type: 'string', enum: [...STEP_KEYS] },
                      label: { type: 'string' },
                      state: { type: 'string', enum: [...STEP_STATES] },
                      at: { type: 'string', format: 'date-time', nullable: true },
                    },
                  },
                },
                currentStep: { type: 'string', description: 'The step in progress, or the last one when all are done' },
                disposition: {
                  type: 'object',
                  nullable: true,
                  description: 'How the agency took the feedback in (consultation drafts), once decided',
                  properties: {
                    value: { type: 'string', enum: [...DISPOSITIONS] },
                    label: { type: 'string' },
                    explanation: { type: 'string', nullable: true },
                    provision: { type: 'string', nullable: true },
                    decidedAt: { type: 'string', format: 'date-time', nullable: true },
                  },
                },
                outcome: {
                  type: 'object',
                  nullable: true,
                  description: "The consultation's published outcome, once published",
                  properties: { url: { type: 'string', format: 'uri' }, publishedAt: { type: 'string', format: 'date-time' } },
                },
              },
            },
          },
        },
        'Where the feedback stands and what happens next',
      ),
      400: error('Not a tracking code'),
      404: error('No feedback with this tracking code'),
      429: RATE_LIMITED,
    },
  },
  'api::feedback.feedback.publicList': {
    summary: 'Answered feedback on a consultation draft or policy, published with consent',
    description: 'Newest answer first; only feedback whose submitter consented to publication; no personal data.',
    tags: ['Feedback'],
    parameters: [
      ...TARGET_PARAMS,
      param('pagination[page]', 'query', { type: 'integer', minimum: 1, default: 1 }, 'Page number', false),
      param('pagination[pageSize]', 'query', { type: 'integer', minimum: 1, maximum: PUBLIC_LIST_MAX_PAGE_SIZE, default: PUBLIC_LIST_DEFAULT_PAGE_SIZE }, 'Page size', false),
    ],
    responses: {
      200: json(
        {
          type: 'object',
          properties: {
            data: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  content: { type: 'string' },
                  category: { type: 'string', enum: [...FEEDBACK_CATEGORIES] },
                  submitterType: { type: 'string', enum: [...SUBMITTER_TYPES] },
                  response: { type: 'string', nullable: true },
                  respondedAt: { type: 'string', format: 'date-time', nullable: true },
                  respondingAgency: RESPONDING_AGENCY,
                },
              },
            },
            meta: { type: 'object', properties: { pagination: { $ref: '#/components/schemas/Pagination' } } },
          },
        },
        'A page of public answers',
      ),
      304: { description: 'Not modified (`If-None-Match` matched the `ETag`)' },
      400: error('Missing or double target, or bad pagination'),
      404: error('No such published target'),
    },
  },
  'api::consultation-draft.consultation-draft.outcome': {
    summary: 'The published outcome of a consultation: how the feedback was taken in',
    description:
      'Once the agency has published the draft with its signed outcome report: counts, the report\'s absolute URL, and for every comment ' +
      '(spam left out) its provision, disposition and explanation; the comment\'s words only when its submitter consented to publication. ' +
      'Never personal data. 404 until the outcome is published.',
    tags: ['Consultation draft'],
    parameters: [param('documentId', 'path', { type: 'string', pattern: '^[A-Za-z0-9]{1,64}$' }, 'The consultation draft')],
    responses: {
      200: json(
        {
          type: 'object',
          properties: {
            data: {
              type: 'object',
              properties: {
                counts: {
                  type: 'object',
                  properties: {
                    received: { type: 'integer' },
                    byDisposition: { type: 'object', properties: Object.fromEntries([...DISPOSITIONS, 'none'].map((key) => [key, { type: 'integer' }])) },
                    byCategory: { type: 'object', properties: Object.fromEntries(FEEDBACK_CATEGORIES.map((key) => [key, { type: 'integer' }])) },
                  },
                },
                reportUrl: { type: 'string', format: 'uri', nullable: true },
                publishedAt: { type: 'string', format: 'date-time' },
                items: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: {
                      provision: { type: 'string', nullable: true },
                      disposition: { type: 'string', enum: [...DISPOSITIONS], nullable: true },
                      explanation: { type: 'string', nullable: true },
                      content: { type: 'string', description: 'Only with the submitter\'s consent' },
                    },
                  },
                },
              },
            },
          },
        },
        'The outcome',
      ),
      304: { description: 'Not modified (`If-None-Match` matched the `ETag`)' },
      400: error('Not a documentId'),
      404: error('No published outcome for this draft'),
    },
  },
  'api::feedback.zalo.receive': {
    summary: 'Zalo Official Account webhook',
    description:
      "Called by Zalo's servers, signed (`" +
      ZALO_SIGNATURE_HEADER +
      '`: the hex SHA-256 of app id + raw body + timestamp + OA secret key). A text message starting with a short code (`CS…` / `DT…`) ' +
      'becomes feedback on that policy or draft. Answers 200 to every signed event (Zalo retries otherwise). The body schema is generated from the server\'s zod validation.',
    tags: ['Feedback'],
    parameters: [param(ZALO_SIGNATURE_HEADER, 'header', { type: 'string' }, 'mac=<hex sha256> as Zalo sends it', true)],
    requestBody: { required: true, content: { 'application/json': { schema: fromZod(zaloEventSchema) } } },
    responses: {
      200: json(
        {
          type: 'object',
          properties: {
            data: {
              type: 'object',
              properties: { stored: { type: 'boolean' }, trackingCode: { type: 'string' }, duplicate: { type: 'boolean' }, reason: { type: 'string' } },
            },
          },
        },
        'Event handled (stored as feedback or ignored, with the reason)',
      ),
      400: error('Malformed event'),
      401: error('Missing, wrong or stale signature'),
    },
  },
  'plugin::i18n.locales.listLocales': {
    summary: 'The languages content exists in',
    description: 'Front ends read this to know which locales to offer (`vi` is the default).',
    tags: ['Locales'],
    responses: {
      200: json(
        {
          type: 'array',
          items: {
            type: 'object',
            properties: { id: { type: 'integer' }, documentId: { type: 'string' }, name: { type: 'string' }, code: { type: 'string' }, isDefault: { type: 'boolean' } },
          },
        },
        'Every locale',
      ),
    },
  },
  'api::changes.changes.list': {
    summary: 'The change feed: every publish, update, unpublish and delete of public content, oldest first',
    description:
      'Follow `meta.nextCursor` (pass it back as `since`) to see every change exactly once, in commit order; ' +
      '`nextCursor` is returned even when nothing is new, so a client polls with it. Only content types the public may read appear, ' +
      'and entries name documents, never their contents (read the document through its own route).',
    tags: ['Change feed'],
    parameters: [
      param('since', 'query', { type: 'string' }, 'A cursor this feed returned (an entry\'s `cursor` or `meta.nextCursor`); omitted = from the beginning', false),
      param('limit', 'query', { type: 'integer', minimum: 1, maximum: CHANGES_MAX_LIMIT, default: CHANGES_DEFAULT_LIMIT }, 'Entries per page', false),
    ],
    responses: {
      200: json(
        {
          type: 'object',
          required: ['data', 'meta'],
          properties: {
            data: {
              type: 'array',
              items: {
                type: 'object',
                required: ['cursor', 'type', 'uid', 'documentId', 'locale', 'occurredAt'],
                properties: {
                  cursor: { type: 'string', description: 'Opaque position of this entry' },
                  type: { type: 'string', enum: [...CHANGE_TYPES] },
                  uid: { type: 'string', example: 'api::policy.policy' },
                  documentId: { type: 'string' },
                  locale: { type: 'string', nullable: true },
                  occurredAt: { type: 'string', format: 'date-time' },
                },
              },
            },
            meta: {
              type: 'object',
              required: ['nextCursor', 'hasMore'],
              properties: { nextCursor: { type: 'string' }, hasMore: { type: 'boolean' } },
            },
          },
        },
        'A page of changes',
      ),
      304: { description: 'Not modified' },
      400: error('`since` is not a cursor of this feed, `limit` is not 1..' + CHANGES_MAX_LIMIT + ', or another parameter was given (named)'),
      404: error('Multichannel publishing is turned off on this server'),
    },
  },
  'api::coverage.coverage.summary': {
    summary: "Coverage: the province's two targets (agencies with a focal point, policies communicated at every stage), consultations, feedback, channels",
    description:
      'Transparency figures, without personal data. `from` / `to` (calendar days in Vietnam time, inclusive; default: the 365 days ending today) bound ' +
      'feedback (by receipt) and channel outcomes; the other figures are as of now. `format=csv` answers the two gap lists (agencies missing a role, ' +
      'policies with stages not communicated) as CSV, UTF-8 with BOM. Definitions: README "Coverage".',
    tags: ['Coverage'],
    parameters: [
      param('from', 'query', { type: 'string', format: 'date' }, 'First day of the period (YYYY-MM-DD)', false),
      param('to', 'query', { type: 'string', format: 'date' }, 'Last day of the period (YYYY-MM-DD), not before from', false),
      param('format', 'query', { type: 'string', enum: ['json', 'csv'], default: 'json' }, 'csv: the gap lists only', false),
    ],
    responses: {
      200: {
        description: 'The figures (JSON), or the gap lists (CSV: list, id, name, kind_or_stage, missing)',
        content: { 'application/json': { schema: COVERAGE_SCHEMA }, 'text/csv': { schema: { type: 'string' } } },
      },
      304: { description: 'Not modified' },
      400: error('A date that is not YYYY-MM-DD, from after to, an unknown format or another parameter (named)'),
    },
  },
  'api::coverage.coverage.history': {
    summary: 'The two headline coverage percentages month by month',
    description: 'Each month shows the last daily snapshot recorded in it (recorded by a daily job, so later edits do not rewrite the past); nulls when none was recorded.',
    tags: ['Coverage'],
    parameters: [param('months', 'query', { type: 'integer', minimum: 1, maximum: MAX_HISTORY_MONTHS, default: 12 }, 'How many months, ending with this one', false)],
    responses: {
      200: json(
        {
          type: 'object',
          properties: {
            generatedAt: { type: 'string', format: 'date-time' },
            months: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  month: { type: 'string', example: '2026-01' },
                  recordedOn: { type: 'string', format: 'date', nullable: true },
                  agenciesPercent: PERCENT,
                  policiesPercent: PERCENT,
                },
              },
            },
          },
        },
        'Oldest month first',
      ),
      304: { description: 'Not modified' },
      400: error('months is not a whole number from 1 to ' + MAX_HISTORY_MONTHS + ', or another parameter was given (named)'),
    },
  },
  'api::openapi.openapi.document': {
    summary: 'This OpenAPI document',
    tags: ['API description'],
    responses: { 200: json({ type: 'object', additionalProperties: true }, 'OpenAPI 3.0 document'), 304: { description: 'Not modified' } },
  },
  'api::openapi.openapi.page': {
    summary: 'The API documentation page (Swagger UI, served locally)',
    tags: ['API description'],
    responses: { 200: { description: 'HTML page', content: { 'text/html': { schema: { type: 'string' } } } } },
  },
  'api::openapi.openapi.asset': {
    summary: "A file of the documentation page (Swagger UI's script and style, served from this server)",
    tags: ['API description'],
    parameters: [param('asset', 'path', { type: 'string', enum: ['swagger-ui.css', 'swagger-ui-bundle.js', 'init.js'] }, 'File name')],
    responses: { 200: { description: 'The file' }, 404: error('No such file') },
  },
  'api::feeds.feeds.policiesAtom': feedOperation('The newest 50 published policies, as an Atom feed', 'atom'),
  'api::feeds.feeds.policiesJson': feedOperation('The newest 50 published policies, as a JSON Feed 1.1', 'json'),
  'api::feeds.feeds.consultationDraftsAtom': feedOperation('The consultation drafts open now, as an Atom feed', 'atom'),
  'api::feeds.feeds.consultationDraftsJson': feedOperation('The consultation drafts open now, as a JSON Feed 1.1', 'json'),
  'plugin::users-permissions.auth.callback': userAuth('Sign an end user in (local, or an OAuth provider callback)'),
  'plugin::users-permissions.auth.connect': userAuth('Start an OAuth sign-in with a provider', 'No provider is enabled in this product.'),
  'plugin::users-permissions.auth.register': userAuth('Register an end user', 'Off (403) unless USERS_REGISTRATION_ENABLED=true.'),
  'plugin::users-permissions.auth.forgotPassword': userAuth('Ask for an end-user password reset e-mail'),
  'plugin::users-permissions.auth.resetPassword': userAuth("Reset an end user's password with the e-mailed code"),
  'plugin::users-permissions.auth.emailConfirmation': userAuth("Confirm an end user's e-mail address"),
  'plugin::users-permissions.auth.sendEmailConfirmation': userAuth('Send the e-mail confirmation again'),
  'plugin::users-permissions.auth.refresh': userAuth("Refresh an end user's session token"),
};
