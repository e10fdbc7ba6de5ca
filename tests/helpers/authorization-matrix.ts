import http from 'http';
import zlib from 'zlib';
import type { Core } from '@strapi/strapi';
import request from 'supertest';
import { createAdminUser, loginAdmin, SUPER_ADMIN } from './admin';
import { ROLE_CODES } from './approval-workflow';

/** Who calls: nobody, an end user, each admin role, and each kind of API token. */
export const ROLES = [
  'public',
  'user',
  'contributor',
  'directory',
  'editor',
  'reviewer',
  'leader',
  'superAdmin',
  'readOnlyToken',
  'fullAccessToken',
] as const;
export type Role = (typeof ROLES)[number];

/** `deny` is 401 or 403; `allow` is any other status below 500; a number is that exact status. */
export type Outcome = 'allow' | 'deny' | number;
export type Cells = Record<Role, Outcome>;

/** Documents and values the table refers to; `fresh` creates a new document for a destructive call. */
export type Fixtures = {
  real: (uid: string) => string;
  fresh: (uid: string) => Promise<string>;
  /** Public URL of the uploaded file fixture. */
  fileUrl: string;
};
export type ParamValue = string | ((fixtures: Fixtures) => string | Promise<string>);

export type MatrixCase = {
  /** The route as the server lists it: `GET /api/policies`, `ALL /graphql`. */
  route: string;
  /** What makes this case one of several for the same route (the content type, the GraphQL field). */
  variant?: string;
  /** The method sent for an `ALL` route. */
  method?: string;
  /** Values of the route's `:params` (default: an id that does not exist). */
  params?: Record<string, ParamValue>;
  /** The path to send when the pattern is a regular expression. */
  path?: string | ((fixtures: Fixtures) => string);
  query?: string;
  body?: unknown;
  /** Sends a tiny valid PNG as the multipart field `files`. */
  png?: boolean;
  /** A GraphQL document, sent as `{ query }`; its first error code is read as a status. */
  graphql?: string;
  /** The call ends the caller's sessions: the caller signs in again before the next case. */
  endsSession?: boolean;
  /** Roles that must see the fixtures' personal data in this response; nobody else may, anywhere. */
  personalData?: Role[];
  cells: Cells;
};

export type CellResult = { route: string; variant?: string; role: Role; status: number; expected: Outcome };

/** The fixtures' personal data: none of it may appear in a response the table does not allow it in. */
export const PERSONAL_DATA = {
  feedback: { fullName: 'Matrixprivate Citizen', email: 'matrix.citizen@example.vn', phone: '0900000101' },
  focalPoint: { email: 'matrix.focal@laocai.gov.vn', phone: '0214000101' },
} as const;
const MARKERS = [
  PERSONAL_DATA.feedback.fullName,
  PERSONAL_DATA.feedback.email,
  PERSONAL_DATA.feedback.phone,
  PERSONAL_DATA.focalPoint.email,
  PERSONAL_DATA.focalPoint.phone,
];

export const MISSING_ID = '999999';

/** Every route the HTTP server answers, as `METHOD path` (`ALL` for a route taking every method). */
export const servedRoutes = (strapi: Core.Strapi): string[] => {
  const layers = strapi.server.listRoutes() as Array<{ methods: string[]; path: string }>;
  const keys = new Set<string>();
  for (const layer of layers) {
    // Prefix layers of `router.use()` (middlewares) carry no method: they are not endpoints.
    if (layer.methods.length === 0) continue;
    const all = http.METHODS.every((method) => layer.methods.includes(method));
    for (const method of all ? ['ALL'] : layer.methods.filter((method) => method !== 'HEAD')) keys.add(`${method} ${layer.path}`);
  }
  return [...keys].sort();
};

const ADMIN_ROLE_CODES: Partial<Record<Role, string>> = {
  contributor: 'strapi-author',
  directory: 'strapi-editor',
  editor: ROLE_CODES.editor,
  reviewer: ROLE_CODES.reviewer,
  leader: ROLE_CODES.leader,
};
const PASSWORD = 'Matrix-Passw0rd!';

export type Credentials = {
  /** The Authorization header of `role`, or undefined for the public. */
  header: (role: Role) => string | undefined;
  /** Signs `role` in again, after a call that ended its sessions. */
  renew: (role: Role) => Promise<void>;
};

/** One account or token per role; admin roles log in through the admin API. */
export const createCredentials = async (strapi: Core.Strapi): Promise<Credentials> => {
  const emails: Partial<Record<Role, string>> = { superAdmin: SUPER_ADMIN.email };
  const tokens: Partial<Record<Role, string>> = {};
  for (const [role, code] of Object.entries(ADMIN_ROLE_CODES) as Array<[Role, string]>) {
    const user = await createAdminUser(strapi, { email: `matrix-${role}@test.gov.vn`, password: PASSWORD, roleCodes: [code] });
    emails[role] = user.email;
    tokens[role] = user.token;
  }
  tokens.superAdmin = await loginAdmin(strapi, SUPER_ADMIN.email, SUPER_ADMIN.password);

  const authenticated = (await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' } })) as { id: number };
  const endUser = (await strapi.plugin('users-permissions').service('user').add({
    username: 'matrix-citizen',
    email: 'matrix-user@example.vn',
    password: PASSWORD,
    provider: 'local',
    confirmed: true,
    blocked: false,
    role: authenticated.id,
  })) as { id: number };
  const issueJwt = async () => (await strapi.plugin('users-permissions').service('jwt').issue({ id: endUser.id })) as string;
  tokens.user = await issueJwt();

  for (const [role, type] of [
    ['readOnlyToken', 'read-only'],
    ['fullAccessToken', 'full-access'],
  ] as const) {
    const token = await strapi.service('admin::api-token').create({ name: `matrix ${type}`, description: 'authorization matrix', type, lifespan: null });
    tokens[role] = token.accessKey as string;
  }

  return {
    header: (role) => (tokens[role] ? `Bearer ${tokens[role]}` : undefined),
    renew: async (role) => {
      if (role === 'user') tokens.user = await issueJwt();
      const email = emails[role];
      if (email) tokens[role] = await loginAdmin(strapi, email, role === 'superAdmin' ? SUPER_ADMIN.password : PASSWORD);
    },
  };
};

/** A 1×1 PNG built byte by byte, so an upload stores a real image and nothing else. */
export const tinyPng = (): Buffer => {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0);
  header.writeUInt32BE(1, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.from([0, 0x2e, 0x7d, 0x32]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
};

const GRAPHQL_CODES: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  BAD_USER_INPUT: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  GRAPHQL_PARSE_FAILED: 400,
  NOT_FOUND: 404,
  INTERNAL_SERVER_ERROR: 500,
  // Strapi names its own application errors `STRAPI_<ERROR_NAME>`; all are client errors (4xx).
  STRAPI_NOT_FOUND_ERROR: 404,
  STRAPI_PAYLOAD_TOO_LARGE_ERROR: 413,
  STRAPI_RATE_LIMIT_ERROR: 429,
};

/**
 * The status a GraphQL answer stands for: GraphQL reports refusals as `errors[].extensions.code`
 * in a 200, so the matrix reads the first code (other `STRAPI_*` codes are 400; an unknown code
 * counts as a server error).
 */
const graphqlStatus = (status: number, body: { errors?: Array<{ extensions?: { code?: string } }> }): number => {
  const code = body?.errors?.[0]?.extensions?.code;
  if (status !== 200 || !code) return status;
  return GRAPHQL_CODES[code] ?? (code.startsWith('STRAPI_') ? 400 : 500);
};

const fillPath = async (pattern: string, params: Record<string, ParamValue>, fixtures: Fixtures): Promise<string> => {
  let path = pattern;
  for (const [, name] of pattern.matchAll(/:(\w+)/g)) {
    const source = params[name] ?? MISSING_ID;
    const value = typeof source === 'function' ? await source(fixtures) : source;
    path = path.replace(`:${name}`, encodeURIComponent(value));
  }
  if (/[()*?]/.test(path)) throw new Error(`${pattern} is a pattern: give the case an explicit path`);
  return path;
};

/** Sends one case as one role; returns the status (GraphQL errors read as statuses) and the raw text. */
export const perform = async (
  strapi: Core.Strapi,
  testCase: MatrixCase,
  authorization: string | undefined,
  fixtures: Fixtures,
): Promise<{ status: number; text: string }> => {
  const [routeMethod, pattern] = testCase.route.split(' ');
  const method = (testCase.method ?? routeMethod).toLowerCase() as 'get' | 'post' | 'put' | 'delete' | 'patch';
  const path =
    typeof testCase.path === 'function' ? testCase.path(fixtures) : testCase.path ?? (await fillPath(pattern, testCase.params ?? {}, fixtures));
  let call = request(strapi.server.httpServer)[method](testCase.query ? `${path}?${testCase.query}` : path);
  if (authorization) call = call.set('Authorization', authorization);
  if (testCase.png) {
    call = call.attach('files', tinyPng(), { filename: 'matrix.png', contentType: 'image/png' });
  } else if (testCase.graphql) {
    call = call.send({ query: testCase.graphql });
  } else if (testCase.body !== undefined) {
    call = call.send(testCase.body as object);
  }
  const response = await call.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => done(null, Buffer.concat(chunks).toString('utf8')));
  });
  const text = response.body as string;
  let status = response.status;
  if (testCase.graphql) {
    try {
      status = graphqlStatus(status, JSON.parse(text));
    } catch {
      status = response.status;
    }
  }
  return { status, text };
};

export const outcomeMatches = (expected: Outcome, status: number): boolean => {
  if (status >= 500) return expected === status;
  if (expected === 'deny') return status === 401 || status === 403;
  if (expected === 'allow') return status !== 401 && status !== 403;
  return status === expected;
};

/** Personal data markers found in a response text. */
export const personalDataIn = (text: string): string[] => MARKERS.filter((marker) => text.includes(marker));

/** Key of the media-library file fixture (uploaded by the super admin). */
export const UPLOADED_FILE = 'plugin::upload.file';

const AGENCY = 'api::agency.agency';
const AUDIENCE = 'api::audience.audience';
const FOCAL_POINT = 'api::focal-point.focal-point';
const POLICY = 'api::policy.policy';
const CONSULTATION_DRAFT = 'api::consultation-draft.consultation-draft';
const FEEDBACK = 'api::feedback.feedback';
const RADIO_SCRIPT = 'api::radio-script.radio-script';

/**
 * One real document per app content type, written by nobody in particular (so "own only" roles do
 * not own it), and the means to create fresh ones for calls that delete. The feedback and focal
 * point carry the personal data the matrix watches for; the feedback is on the consultation draft.
 */
export const createFixtures = async (
  strapi: Core.Strapi,
  { publish, superAdmin }: { publish: (uid: string, documentId: string) => Promise<void>; superAdmin: string },
): Promise<Fixtures> => {
  const create = async (uid: string, data: Record<string, unknown>, locale?: string) =>
    ((await strapi.documents(uid as never).create({ data, ...(locale ? { locale } : {}) } as never)) as { documentId: string }).documentId;
  const agency = await create(AGENCY, { name: 'Sở Ma Trận', code: 'SO-MATRIX' }, 'vi');
  const audience = await create(AUDIENCE, { name: 'Người dân ma trận' }, 'vi');
  const focalPoint = await create(FOCAL_POINT, { fullName: 'Đầu Mối Ma Trận', agency, ...PERSONAL_DATA.focalPoint });
  const policy = await create(POLICY, { title: 'Chính sách ma trận', summary: 'Tóm tắt ma trận', stage: 'drafting' }, 'vi');
  await publish(POLICY, policy);
  const now = Date.now();
  const draft = await create(
    CONSULTATION_DRAFT,
    { title: 'Dự thảo ma trận', policy, version: 1, opensAt: new Date(now - 86_400_000).toISOString(), closesAt: new Date(now + 86_400_000 * 10).toISOString() },
    'vi',
  );
  await publish(CONSULTATION_DRAFT, draft);
  const radioScript = await create(RADIO_SCRIPT, { policy, title: 'Kịch bản ma trận', language: 'vi', script: 'Xin chào.' });
  const feedback = await create(FEEDBACK, { consultationDraft: draft, content: 'Góp ý ma trận', submitterType: 'citizen', category: 'comment', ...PERSONAL_DATA.feedback });
  const uploaded = await request(strapi.server.httpServer)
    .post('/upload')
    .set('Authorization', superAdmin)
    .attach('files', tinyPng(), { filename: 'matrix-fixture.png', contentType: 'image/png' });
  if (uploaded.status !== 201) throw new Error(`fixture upload failed: ${uploaded.status} ${JSON.stringify(uploaded.body)}`);
  const file = (Array.isArray(uploaded.body) ? uploaded.body[0] : uploaded.body) as { id: number; url: string };
  const real: Record<string, string> = {
    [UPLOADED_FILE]: String(file.id),
    [AGENCY]: agency,
    [AUDIENCE]: audience,
    [FOCAL_POINT]: focalPoint,
    [POLICY]: policy,
    [CONSULTATION_DRAFT]: draft,
    [RADIO_SCRIPT]: radioScript,
    [FEEDBACK]: feedback,
  };
  const freshData: Record<string, () => Promise<string>> = {
    [FEEDBACK]: () => create(FEEDBACK, { consultationDraft: draft, content: 'Góp ý để xoá', submitterType: 'citizen', category: 'comment' }),
    [FOCAL_POINT]: () => create(FOCAL_POINT, { fullName: 'Đầu Mối Để Xoá', agency }),
    [POLICY]: () => create(POLICY, { title: 'Chính sách để xoá', summary: 'Tóm tắt' }, 'vi'),
    [RADIO_SCRIPT]: () => create(RADIO_SCRIPT, { policy, title: 'Kịch bản dùng một lần', language: 'vi', script: 'Xin chào.' }),
  };
  return {
    fileUrl: file.url,
    real: (uid) => {
      const documentId = real[uid];
      if (!documentId) throw new Error(`no real fixture for ${uid}`);
      return documentId;
    },
    fresh: (uid) => {
      const make = freshData[uid];
      if (!make) throw new Error(`no fresh fixture for ${uid}`);
      return make();
    },
  };
};
