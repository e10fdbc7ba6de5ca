/**
 * Who may call what: every route the server answers × every kind of caller → the expected outcome.
 *
 * Outcomes: `deny` = 401 or 403; `allow` = anything else below 500 (an allowed call on an id that
 * does not exist answers 404, an invalid body 400: the permission was granted, nothing changed);
 * a number = exactly that status. Admin routes answer 401 to anyone without an admin session (end
 * users' JWTs and API tokens included) and 403 to an admin whose role lacks the permission; the
 * content API answers 401 to an admin session (it is not a content-API credential) and 403 to a
 * caller whose role or token lacks the action. Routes whose permission differs per content type
 * have one case per app content type.
 *
 * tests/api/authorization-matrix.test.ts fails on a served route missing here, on an entry here
 * that matches no route, and on a content type or GraphQL field without its case.
 */
import { MISSING_ID, UPLOADED_FILE, type Cells, type MatrixCase, type Outcome, type Role } from '../helpers/authorization-matrix';

export const AGENCY = 'api::agency.agency';
export const AUDIENCE = 'api::audience.audience';
export const CONSULTATION_DRAFT = 'api::consultation-draft.consultation-draft';
export const FEEDBACK = 'api::feedback.feedback';
export const FOCAL_POINT = 'api::focal-point.focal-point';
export const POLICY = 'api::policy.policy';
export const RADIO_SCRIPT = 'api::radio-script.radio-script';
export const APP_TYPES = [AGENCY, AUDIENCE, CONSULTATION_DRAFT, FEEDBACK, FOCAL_POINT, POLICY, RADIO_SCRIPT] as const;
type AppType = (typeof APP_TYPES)[number];

/** No single type exists: the single-types routes are called with this uid (see the test). */
export const NO_SINGLE_TYPE = 'api::matrix-single.matrix-single';

const ADMINS: readonly Role[] = ['contributor', 'directory', 'editor', 'reviewer', 'leader', 'superAdmin'];
const EDITORIAL: readonly Role[] = ['editor', 'reviewer', 'leader', 'superAdmin'];

const same = (outcome: Outcome): Cells => ({
  public: outcome,
  user: outcome,
  contributor: outcome,
  directory: outcome,
  editor: outcome,
  reviewer: outcome,
  leader: outcome,
  superAdmin: outcome,
  readOnlyToken: outcome,
  fullAccessToken: outcome,
});

/** An admin route: 401 without an admin session; `allowed` admin roles pass (with `outcome`), the others 403. */
const admin = (allowed: readonly Role[], outcome: Outcome = 'allow', overrides: Partial<Cells> = {}): Cells => ({
  ...same(401),
  ...Object.fromEntries(ADMINS.map((role) => [role, allowed.includes(role) ? outcome : 403])),
  ...overrides,
});

type ContentCells = Pick<Cells, 'public' | 'user' | 'readOnlyToken' | 'fullAccessToken'>;
/** A content-API route: admin sessions get 401; the four content-API callers as given. */
const content = (cells: ContentCells): Cells => ({ ...same(401), ...cells });

const READ_PUBLIC = content({ public: 'allow', user: 'allow', readOnlyToken: 'allow', fullAccessToken: 'allow' });
const WRITE_FULL_ACCESS = content({ public: 403, user: 403, readOnlyToken: 403, fullAccessToken: 'allow' });
const READ_TOKENS = content({ public: 403, user: 403, readOnlyToken: 'allow', fullAccessToken: 'allow' });
const FULL_ACCESS_ONLY = WRITE_FULL_ACCESS;
const SIGN_IN: ContentCells = { public: 400, user: 400, readOnlyToken: 400, fullAccessToken: 400 };

type Request = Omit<MatrixCase, 'route' | 'cells'>;
const at = (route: string, cells: Cells, request: Request = {}): MatrixCase => ({ route, cells, ...request });

const real = (uid: string) => (fixtures: { real: (uid: string) => string }) => fixtures.real(uid);
const fresh = (uid: string) => (fixtures: { fresh: (uid: string) => Promise<string> }) => fixtures.fresh(uid);

/* ------------------------------------------------------------------------------------------------
 * Who may do what in the content manager, per app content type, as the boot shapes the roles
 * (src/bootstrap/stock-roles.ts, the approval-workflow plugin, src/bootstrap/editorial-permissions.ts).
 * `own` roles only reach documents they created (`admin::is-creator`); `personalData` roles see the
 * private fields (names, e-mails, phones).
 * --------------------------------------------------------------------------------------------- */
type Access = { read: Role[]; create: Role[]; update: Role[]; delete: Role[]; publish: Role[]; own: Role[]; personalData: Role[] };

const EDITORIAL_CONTENT: Access = {
  // Contributors write their own drafts; Biên tập viên write all; reviewers and leaders read; leaders publish;
  // the Directory manager reads to keep the directory consistent with what is published.
  read: ['contributor', 'directory', 'editor', 'reviewer', 'leader', 'superAdmin'],
  create: ['contributor', 'editor', 'superAdmin'],
  update: ['contributor', 'editor', 'superAdmin'],
  delete: ['superAdmin'],
  publish: ['leader', 'superAdmin'],
  own: ['contributor'],
  personalData: [],
};

const DIRECTORY: Access = {
  // The Directory manager maintains the network; everyone who writes content reads it to pick relations.
  read: ['contributor', 'directory', 'editor', 'reviewer', 'leader', 'superAdmin'],
  create: ['directory', 'superAdmin'],
  update: ['directory', 'superAdmin'],
  delete: ['directory', 'superAdmin'],
  publish: ['superAdmin'],
  own: [],
  personalData: [],
};

export const CONTENT_MANAGER: Record<AppType, Access> = {
  [AGENCY]: DIRECTORY,
  [AUDIENCE]: DIRECTORY,
  // Focal points' work contacts are private: only the Directory manager (who keeps them) and the super admin see
  // them; contributors read names to pick relations; the editorial roles do not need focal points at all.
  [FOCAL_POINT]: { ...DIRECTORY, read: ['contributor', 'directory', 'superAdmin'], personalData: ['directory', 'superAdmin'] },
  [POLICY]: EDITORIAL_CONTENT,
  [CONSULTATION_DRAFT]: EDITORIAL_CONTENT,
  [RADIO_SCRIPT]: EDITORIAL_CONTENT,
  // Feedback carries citizens' personal data: Biên tập viên answer it (contact details included), reviewers and
  // leaders follow it without them; nobody deletes it but the super admin; the stock roles have no access.
  [FEEDBACK]: {
    read: ['editor', 'reviewer', 'leader', 'superAdmin'],
    create: ['superAdmin'],
    update: ['editor', 'superAdmin'],
    delete: ['superAdmin'],
    publish: ['superAdmin'],
    own: [],
    personalData: ['editor', 'superAdmin'],
  },
};

/** Localized types take `locale=vi`; a locale on another type matches nothing (and a delete would find nothing). */
const LOCALIZED: readonly AppType[] = [AGENCY, AUDIENCE, CONSULTATION_DRAFT, POLICY];
const locale = (uid: AppType) => (LOCALIZED.includes(uid) ? 'locale=vi' : '');

/** Types whose per-document cases use a real document: personal data lives there, and "own only" is checked on one. */
const REAL_DOCUMENT: readonly AppType[] = [FEEDBACK, FOCAL_POINT, POLICY];

/** A body each type refuses (400) after the permission check, so an allowed write changes nothing. */
const INVALID_DATA: Record<AppType, Record<string, unknown>> = {
  [AGENCY]: { code: 'not a code' },
  [AUDIENCE]: {},
  [CONSULTATION_DRAFT]: { opensAt: '2030-02-01T00:00:00.000Z', closesAt: '2030-01-01T00:00:00.000Z' },
  [FEEDBACK]: {},
  [FOCAL_POINT]: {},
  [POLICY]: { title: 'Ma trận' },
  [RADIO_SCRIPT]: { broadcastFrom: '2030-02-01', broadcastUntil: '2030-01-01' },
};

type Action = Exclude<keyof Access, 'own' | 'personalData'>;
type TypedRequest = (uid: AppType) => Request & { onRealDocument?: boolean; withPersonalData?: boolean };

/**
 * One case per app content type: the roles holding `action` on that type pass; an "own only" role
 * is refused on a real document it did not create.
 */
const perType = (
  route: string,
  action: Action | Action[],
  request: TypedRequest = () => ({}),
  outcome: (uid: AppType) => Outcome = () => 'allow',
): MatrixCase[] =>
  APP_TYPES.map((uid) => {
    const access = CONTENT_MANAGER[uid];
    const actions = Array.isArray(action) ? action : [action];
    const allowed = ADMINS.filter((role) => actions.every((name) => access[name].includes(role)));
    const { onRealDocument = false, withPersonalData = false, ...rest } = request(uid);
    const ownRefused = onRealDocument ? Object.fromEntries(access.own.filter((role) => allowed.includes(role)).map((role) => [role, 403])) : {};
    return {
      ...rest,
      route,
      variant: uid,
      params: { model: uid, uid, contentType: uid, ...rest.params },
      cells: admin(allowed, outcome(uid), ownRefused),
      ...(withPersonalData ? { personalData: access.personalData.filter((role) => allowed.includes(role)) } : {}),
    };
  });

const realOrMissing = (uid: AppType) => (REAL_DOCUMENT.includes(uid) ? real(uid) : MISSING_ID);
const onDocument = (uid: AppType, extra: Request = {}) => ({
  ...extra,
  params: { id: realOrMissing(uid), ...extra.params },
  onRealDocument: REAL_DOCUMENT.includes(uid),
});

/** The relation field each type's relation-picker cases ask for. */
const RELATION_FIELD: Record<AppType, string> = {
  [AGENCY]: 'focalPoints',
  // Audiences have no relation: the pickers answer 400 to everyone who may read them.
  [AUDIENCE]: 'name',
  [CONSULTATION_DRAFT]: 'policy',
  [FEEDBACK]: 'consultationDraft',
  [FOCAL_POINT]: 'agency',
  [POLICY]: 'leadAgency',
  [RADIO_SCRIPT]: 'policy',
};

/* ------------------------------------------------------------------------------------------------
 * GraphQL: one case per Query and Mutation field, sent as POST /graphql. The published-content
 * types are public for reading; feedback is not; writes need a full-access token. Admin sessions
 * are refused at the door (401), as on the REST content API.
 * --------------------------------------------------------------------------------------------- */
const graphql = (field: string, document: string, cells: Cells): MatrixCase => ({
  route: 'ALL /graphql',
  method: 'POST',
  variant: field,
  graphql: document,
  cells,
});

type GraphqlType = { single: string; plural: string; read: Cells; invalidData: string };
const GRAPHQL_TYPES: Record<AppType, GraphqlType> = {
  [AGENCY]: { single: 'agency', plural: 'agencies', read: READ_PUBLIC, invalidData: '{ code: "not a code" }' },
  [AUDIENCE]: { single: 'audience', plural: 'audiences', read: READ_PUBLIC, invalidData: '{}' },
  [CONSULTATION_DRAFT]: {
    single: 'consultationDraft',
    plural: 'consultationDrafts',
    read: READ_PUBLIC,
    invalidData: '{ opensAt: "2030-02-01T00:00:00.000Z", closesAt: "2030-01-01T00:00:00.000Z" }',
  },
  // Feedback is never read through GraphQL by the public (FORBIDDEN); API tokens read it without personal data.
  [FEEDBACK]: { single: 'feedback', plural: 'feedbacks', read: READ_TOKENS, invalidData: '{}' },
  [FOCAL_POINT]: { single: 'focalPoint', plural: 'focalPoints', read: READ_PUBLIC, invalidData: '{}' },
  [POLICY]: { single: 'policy', plural: 'policies', read: READ_PUBLIC, invalidData: '{ title: "Ma trận" }' },
  [RADIO_SCRIPT]: {
    single: 'radioScript',
    plural: 'radioScripts',
    read: READ_PUBLIC,
    invalidData: '{ broadcastFrom: "2030-02-01", broadcastUntil: "2030-01-01" }',
  },
};

/** The three read fields of a type; they select data, so that the resolvers that check permissions run. */
const reads = (single: string, plural: string, read: Cells): MatrixCase[] => [
  graphql(single, `{ ${single}(documentId: "${MISSING_ID}") { documentId } }`, read),
  graphql(plural, `{ ${plural} { documentId } }`, read),
  graphql(`${plural}_connection`, `{ ${plural}_connection { nodes { documentId } pageInfo { total } } }`, read),
];

const graphqlContentType = (uid: AppType): MatrixCase[] => {
  const { single, plural, read, invalidData } = GRAPHQL_TYPES[uid];
  const Single = single[0].toUpperCase() + single.slice(1);
  return [
    ...reads(single, plural, read),
    graphql(`create${Single}`, `mutation { create${Single}(data: ${invalidData}) { documentId } }`, FULL_ACCESS_ONLY),
    graphql(`update${Single}`, `mutation { update${Single}(documentId: "${MISSING_ID}", data: {}) { documentId } }`, FULL_ACCESS_ONLY),
    graphql(`delete${Single}`, `mutation { delete${Single}(documentId: "${MISSING_ID}") { documentId } }`, FULL_ACCESS_ONLY),
  ];
};

/** Strapi's own types exposed by GraphQL: API tokens read them; the public and end users do not. */
const graphqlPluginType = (single: string, plural: string, read: Cells, mutations: Array<[string, string]>): MatrixCase[] => [
  ...reads(single, plural, read),
  ...mutations.map(([field, document]) => graphql(field, document, FULL_ACCESS_ONLY)),
];

export const MATRIX: MatrixCase[] = [
  /* Health check and static files: answered before any authentication, to anyone. */
  at('ALL /_health', same(204), { method: 'GET' }),
  at('GET /', same('allow')),
  at('GET /((?!uploads/).+)', same(404), { path: '/robots.txt' }),
  // Uploaded media are public by design (they illustrate published content); the upload suite covers their headers.
  at('GET /uploads/(.*)', same(200), { path: (fixtures) => fixtures.fileUrl }),

  /* Content API, published content: anyone reads (drafts stay hidden: a draft-only radio script is a 404);
     writes need a full-access token; focal points' contacts never come out (private). */
  ...(
    [
      ['agencies', AGENCY],
      ['audiences', AUDIENCE],
      ['consultation-drafts', CONSULTATION_DRAFT],
      ['focal-points', FOCAL_POINT],
      ['policies', POLICY],
      ['radio-scripts', RADIO_SCRIPT],
    ] as const
  ).flatMap(([plural, uid]) => [
    at(`GET /api/${plural}`, READ_PUBLIC, { query: 'populate=*' }),
    at(`GET /api/${plural}/:id`, READ_PUBLIC, { params: { id: real(uid) }, query: 'populate=*' }),
    at(`POST /api/${plural}`, WRITE_FULL_ACCESS, { body: {} }),
    at(`PUT /api/${plural}/:id`, WRITE_FULL_ACCESS, { body: { data: {} } }),
    at(`DELETE /api/${plural}/:id`, WRITE_FULL_ACCESS),
  ]),

  /* A consultation's public outcome: an open route (no grant, a token adds nothing); the planted draft has no published
     outcome, so everyone gets the same 404. */
  at('GET /api/consultation-drafts/:documentId/outcome', same(404), { params: { documentId: real(CONSULTATION_DRAFT) } }),

  /* Content API, feedback: citizens send and track it through dedicated public routes (no login, rate-limited,
     validated); the core routes are closed to the public and end users; API tokens pass, personal data stripped. */
  at('POST /api/feedbacks', same(400), { body: {} }),
  at('GET /api/feedbacks/track/:trackingCode', same(404), { params: { trackingCode: 'GY-AAAA-BBBB' } }),
  at('GET /api/feedbacks/public', same(200), { path: (fixtures) => `/api/feedbacks/public?consultationDraft=${fixtures.real(CONSULTATION_DRAFT)}` }),
  at('GET /api/feedbacks', READ_TOKENS, { query: 'populate=*' }),
  at('GET /api/feedbacks/:id', READ_TOKENS, { params: { id: real(FEEDBACK) }, query: 'populate=*' }),
  at('PUT /api/feedbacks/:id', WRITE_FULL_ACCESS, { body: { data: {} } }),
  at('DELETE /api/feedbacks/:id', WRITE_FULL_ACCESS),
  // Zalo calls in with its own signature; nobody's credentials replace it.
  at('POST /api/zalo/webhook', same(401), { body: {} }),

  /* Content API, feeds: the newest published policies and the consultation drafts open now, as Atom and JSON Feed,
     for everyone (auth: false routes, like the published documents they list). */
  ...['policies', 'consultation-drafts'].flatMap((feed) => ['atom', 'json'].map((format) => at(`GET /api/feeds/${feed}.${format}`, same(200)))),
  /* The change feed (src/api/changes): changes of public content types, for everyone (auth: false, like the feeds). */
  at('GET /api/changes', same(200)),
  /* Coverage KPIs (src/api/coverage): transparency figures without personal data, for everyone (auth: false). */
  at('GET /api/coverage', same(200)),
  at('GET /api/coverage/history', same(200)),
  /* The API's description (src/api/openapi): the OpenAPI document and its Swagger UI page, public for everyone. */
  at('GET /api/openapi.json', same(200)),
  at('GET /api/docs', same(200)),
  at('GET /api/docs/:asset', same(200), { params: { asset: 'init.js' } }),

  /* Content API, media library: read-only tokens list files; full-access tokens upload and delete. */
  at('POST /api/upload', WRITE_FULL_ACCESS, { png: true }),
  at('GET /api/upload/files', READ_TOKENS),
  at('GET /api/upload/files/page', FULL_ACCESS_ONLY),
  at('GET /api/upload/files/:id', READ_TOKENS),
  at('DELETE /api/upload/files/:id', WRITE_FULL_ACCESS),

  /* Content API, Strapi plugins: the schema only for a full-access token; which locales exist, for everyone
     (front ends choose the language; a read-only token holds find/findOne only). */
  at('GET /api/content-type-builder/content-types', FULL_ACCESS_ONLY),
  at('GET /api/content-type-builder/content-types/:uid', FULL_ACCESS_ONLY, { params: { uid: POLICY } }),
  at('GET /api/content-type-builder/components', FULL_ACCESS_ONLY),
  at('GET /api/content-type-builder/components/:uid', FULL_ACCESS_ONLY, { params: { uid: 'policy.stage-change' } }),
  at('GET /api/i18n/locales', content({ public: 200, user: 200, readOnlyToken: 403, fullAccessToken: 200 })),

  /* Content API, end-user accounts (users-permissions): nothing in the product uses them; sign-in routes are open
     to the public, account routes to the signed-in user, administration to a full-access token. */
  at('GET /api/connect/(.*)', content({ public: 400, user: 403, readOnlyToken: 403, fullAccessToken: 400 }), { path: '/api/connect/github' }),
  at('POST /api/auth/local', content({ public: 400, user: 403, readOnlyToken: 403, fullAccessToken: 400 }), { body: {} }),
  // Self-registration is turned off: nothing in the product has end-user accounts.
  at('POST /api/auth/local/register', content({ public: 403, user: 403, readOnlyToken: 403, fullAccessToken: 'allow' }), { body: {} }),
  at('GET /api/auth/:provider/callback', content({ public: 400, user: 403, readOnlyToken: 403, fullAccessToken: 400 }), { params: { provider: 'github' } }),
  at('POST /api/auth/forgot-password', content({ public: 400, user: 403, readOnlyToken: 403, fullAccessToken: 400 }), { body: {} }),
  at('POST /api/auth/reset-password', content({ public: 400, user: 403, readOnlyToken: 403, fullAccessToken: 400 }), { body: {} }),
  at('GET /api/auth/email-confirmation', content({ public: 400, user: 403, readOnlyToken: 403, fullAccessToken: 400 })),
  at('POST /api/auth/send-email-confirmation', content({ public: 400, user: 403, readOnlyToken: 403, fullAccessToken: 400 }), { body: {} }),
  at('POST /api/auth/change-password', content({ public: 403, user: 400, readOnlyToken: 403, fullAccessToken: 400 }), { body: {} }),
  at('POST /api/auth/refresh', content({ public: 404, user: 403, readOnlyToken: 403, fullAccessToken: 404 }), { body: {} }),
  at('POST /api/auth/logout', content({ public: 403, user: 'allow', readOnlyToken: 403, fullAccessToken: 'allow' }), { body: {}, endsSession: true }),
  at('GET /api/auth/sessions', content({ public: 403, user: 'allow', readOnlyToken: 403, fullAccessToken: 'allow' })),
  at('DELETE /api/auth/sessions/:sessionId', content({ public: 403, user: 'allow', readOnlyToken: 403, fullAccessToken: 'allow' })),
  at('GET /api/users/me', content({ public: 403, user: 200, readOnlyToken: 403, fullAccessToken: 401 })),
  at('GET /api/users/count', FULL_ACCESS_ONLY),
  at('GET /api/users', READ_TOKENS),
  at('GET /api/users/:id', READ_TOKENS),
  at('POST /api/users', FULL_ACCESS_ONLY, { body: {} }),
  at('PUT /api/users/:id', FULL_ACCESS_ONLY, { body: {} }),
  at('DELETE /api/users/:id', FULL_ACCESS_ONLY),
  at('GET /api/users-permissions/roles', READ_TOKENS),
  at('GET /api/users-permissions/roles/:id', READ_TOKENS),
  at('POST /api/users-permissions/roles', FULL_ACCESS_ONLY, { body: {} }),
  at('PUT /api/users-permissions/roles/:role', FULL_ACCESS_ONLY, { body: {} }),
  at('DELETE /api/users-permissions/roles/:role', FULL_ACCESS_ONLY),
  at('GET /api/users-permissions/permissions', FULL_ACCESS_ONLY),

  /* GraphQL: a GET without a query is a bad request for anyone the door lets in. */
  at('ALL /graphql', content({ public: 400, user: 400, readOnlyToken: 400, fullAccessToken: 400 }), { method: 'GET', variant: 'GET without a query' }),
  ...APP_TYPES.flatMap(graphqlContentType),
  ...graphqlPluginType('uploadFile', 'uploadFiles', READ_TOKENS, [
    ['updateUploadFile', `mutation { updateUploadFile(id: "${MISSING_ID}", info: {}) { __typename } }`],
    ['deleteUploadFile', `mutation { deleteUploadFile(id: "${MISSING_ID}") { __typename } }`],
  ]),
  // Locales are no secret: the public role lists them (GET /api/i18n/locales); Strapi lets a read-only token list them
  // through the connection field only, and answers the public there as for a type it has no `find` on.
  ...graphqlPluginType('i18NLocale', 'i18NLocales', FULL_ACCESS_ONLY, []).map((testCase) =>
    testCase.variant === 'i18NLocales_connection'
      ? { ...testCase, cells: { ...testCase.cells, readOnlyToken: 200 } }
      : { ...testCase, cells: { ...testCase.cells, public: 200, user: 200 } },
  ),
  // Enterprise review workflows are not used (the approval-workflow plugin replaces them); Strapi still exposes their types.
  ...graphqlPluginType('reviewWorkflowsWorkflow', 'reviewWorkflowsWorkflows', READ_TOKENS, [
    ['createReviewWorkflowsWorkflow', 'mutation { createReviewWorkflowsWorkflow(data: {}) { __typename } }'],
    ['updateReviewWorkflowsWorkflow', `mutation { updateReviewWorkflowsWorkflow(documentId: "${MISSING_ID}", data: {}) { __typename } }`],
    ['deleteReviewWorkflowsWorkflow', `mutation { deleteReviewWorkflowsWorkflow(documentId: "${MISSING_ID}") { __typename } }`],
  ]),
  ...graphqlPluginType('reviewWorkflowsWorkflowStage', 'reviewWorkflowsWorkflowStages', READ_TOKENS, [
    ['createReviewWorkflowsWorkflowStage', 'mutation { createReviewWorkflowsWorkflowStage(data: {}) { __typename } }'],
    ['updateReviewWorkflowsWorkflowStage', `mutation { updateReviewWorkflowsWorkflowStage(documentId: "${MISSING_ID}", data: {}) { __typename } }`],
    ['deleteReviewWorkflowsWorkflowStage', `mutation { deleteReviewWorkflowsWorkflowStage(documentId: "${MISSING_ID}") { __typename } }`],
  ]),
  ...graphqlPluginType('usersPermissionsRole', 'usersPermissionsRoles', READ_TOKENS, [
    ['createUsersPermissionsRole', 'mutation { createUsersPermissionsRole(data: {}) { __typename } }'],
    ['updateUsersPermissionsRole', `mutation { updateUsersPermissionsRole(id: "${MISSING_ID}", data: {}) { __typename } }`],
    ['deleteUsersPermissionsRole', `mutation { deleteUsersPermissionsRole(id: "${MISSING_ID}") { __typename } }`],
  ]),
  ...graphqlPluginType('usersPermissionsUser', 'usersPermissionsUsers', READ_TOKENS, [
    ['createUsersPermissionsUser', 'mutation { createUsersPermissionsUser(data: {}) { __typename } }'],
    ['updateUsersPermissionsUser', `mutation { updateUsersPermissionsUser(id: "${MISSING_ID}", data: {}) { __typename } }`],
    ['deleteUsersPermissionsUser', `mutation { deleteUsersPermissionsUser(id: "${MISSING_ID}") { __typename } }`],
  ]),
  // A token has no user: `me` is refused to it (src/bootstrap/graphql-me-needs-user.ts; Strapi answered 500).
  graphql('me', '{ me { __typename } }', content({ public: 403, user: 200, readOnlyToken: 403, fullAccessToken: 403 })),
  // The account mutations skip the roles (GraphQL declares them without auth): anyone reaches their validation.
  graphql('login', 'mutation { login(input: { identifier: "nobody@example.vn", password: "wrong" }) { __typename } }', content(SIGN_IN)),
  // Self-registration is turned off, as on REST (a policy on the mutation: src/bootstrap/end-user-registration.ts).
  graphql('register', 'mutation { register(input: { username: "", email: "", password: "" }) { __typename } }', content({ public: 403, user: 403, readOnlyToken: 403, fullAccessToken: 403 })),
  graphql('forgotPassword', 'mutation { forgotPassword(email: "not-an-email") { __typename } }', content(SIGN_IN)),
  graphql('resetPassword', 'mutation { resetPassword(password: "a", passwordConfirmation: "b", code: "x") { __typename } }', content(SIGN_IN)),
  graphql('changePassword', 'mutation { changePassword(currentPassword: "a", password: "b", passwordConfirmation: "c") { __typename } }', content({ public: 403, user: 400, readOnlyToken: 403, fullAccessToken: 400 })),
  graphql('emailConfirmation', 'mutation { emailConfirmation(confirmation: "x") { __typename } }', content(SIGN_IN)),

  /* Admin, signing in: open to anyone (invalid bodies answer 400, repeated ones 429); an access token needs the
     refresh cookie, which no bearer replaces. */
  at('GET /admin/init', same(200)),
  at('GET /admin/project-type', same(200)),
  at('GET /admin/registration-info', same(400)),
  at('POST /admin/login', same('allow'), { body: {} }),
  at('POST /admin/register-admin', same('allow'), { body: {} }),
  at('POST /admin/register', same(400), { body: {} }),
  at('POST /admin/forgot-password', same('allow'), { body: {} }),
  at('POST /admin/reset-password', same(400), { body: {} }),
  at('POST /admin/access-token', same(401), { body: {} }),
  at('POST /admin/logout', admin(ADMINS), { body: {}, endsSession: true }),

  /* Admin, any admin: one's own account and sessions, the panel's metadata, the homepage. */
  at('GET /admin/users/me', admin(ADMINS, 200)),
  at('PUT /admin/users/me', admin(ADMINS, 400), { body: { email: 'not-an-email' } }),
  at('GET /admin/users/me/permissions', admin(ADMINS, 200)),
  at('GET /admin/users/me/sessions', admin(ADMINS, 200)),
  at('DELETE /admin/users/me/sessions', admin(ADMINS), { endsSession: true }),
  at('DELETE /admin/users/me/sessions/:sessionId', admin(ADMINS, 404)),
  at('GET /admin/permissions', admin(ADMINS, 200)),
  at('POST /admin/permissions/check', admin(ADMINS, 400), { body: {} }),
  at('GET /admin/information', admin(ADMINS, 200)),
  at('GET /admin/telemetry-properties', admin(ADMINS)),
  at('GET /admin/guided-tour-meta', admin(ADMINS, 200)),
  at('GET /admin/license-trial-time-left', admin(ADMINS, 404)),
  at('GET /admin/homepage/key-statistics', admin(ADMINS, 200)),
  at('GET /admin/homepage/layout', admin(ADMINS, 200)),
  at('PUT /admin/homepage/layout', admin(ADMINS, 400), { body: {} }),
  // Strapi AI is not part of the Community Edition: the routes exist and answer 404.
  at('GET /admin/ai-usage', admin(ADMINS, 404)),
  at('GET /admin/ai-token', admin(ADMINS, 404)),
  at('GET /admin/ai-feature-config', admin(ADMINS, 404)),
  at('GET /admin/content-api/permissions', admin(ADMINS, 200)),
  at('GET /admin/content-api/routes', admin(ADMINS, 200)),

  /* Admin, Settings (users, roles, tokens, webhooks, project, marketplace): the super admin only. */
  at('GET /admin/project-settings', admin(['superAdmin'], 200)),
  at('POST /admin/project-settings', admin(['superAdmin'], 400), { body: { menuLogo: 'not a file' } }),
  at('GET /admin/plugins', admin(['superAdmin'], 200)),
  at('GET /admin/users', admin(['superAdmin'], 200)),
  at('POST /admin/users', admin(['superAdmin'], 400), { body: {} }),
  at('GET /admin/users/:id', admin(['superAdmin'], 404)),
  at('PUT /admin/users/:id', admin(['superAdmin'], 404), { body: {} }),
  at('DELETE /admin/users/:id', admin(['superAdmin'], 404)),
  at('POST /admin/users/batch-delete', admin(['superAdmin'], 400), { body: {} }),
  at('GET /admin/roles', admin(['superAdmin'], 200)),
  at('POST /admin/roles', admin(['superAdmin'], 400), { body: {} }),
  at('GET /admin/roles/:id', admin(['superAdmin'], 404)),
  at('PUT /admin/roles/:id', admin(['superAdmin'], 404), { body: {} }),
  at('DELETE /admin/roles/:id', admin(['superAdmin'])),
  at('POST /admin/roles/batch-delete', admin(['superAdmin'], 400), { body: {} }),
  at('GET /admin/roles/:id/permissions', admin(['superAdmin'], 404)),
  at('PUT /admin/roles/:id/permissions', admin(['superAdmin'], 404), { body: { permissions: [] } }),
  at('GET /admin/webhooks', admin(['superAdmin'], 200)),
  at('POST /admin/webhooks', admin(['superAdmin'], 400), { body: {} }),
  at('GET /admin/webhooks/:id', admin(['superAdmin'], 404)),
  at('PUT /admin/webhooks/:id', admin(['superAdmin'], 400), { body: {} }),
  at('DELETE /admin/webhooks/:id', admin(['superAdmin'], 404)),
  at('POST /admin/webhooks/batch-delete', admin(['superAdmin'], 400), { body: {} }),
  at('POST /admin/webhooks/:id/trigger', admin(['superAdmin'], 404), { body: {} }),
  at('GET /admin/api-tokens', admin(['superAdmin'], 200)),
  at('POST /admin/api-tokens', admin(['superAdmin'], 400), { body: {} }),
  at('GET /admin/api-tokens/:id', admin(['superAdmin'], 404)),
  at('PUT /admin/api-tokens/:id', admin(['superAdmin'], 404), { body: {} }),
  at('DELETE /admin/api-tokens/:id', admin(['superAdmin'])),
  at('POST /admin/api-tokens/:id/regenerate', admin(['superAdmin'], 404), { body: {} }),
  at('GET /admin/admin-tokens', admin(['superAdmin'], 200)),
  at('POST /admin/admin-tokens', admin(['superAdmin'], 400), { body: {} }),
  at('GET /admin/admin-tokens/:id', admin(['superAdmin'], 404)),
  at('PUT /admin/admin-tokens/:id', admin(['superAdmin'], 404), { body: {} }),
  at('DELETE /admin/admin-tokens/:id', admin(['superAdmin'], 404)),
  at('POST /admin/admin-tokens/:id/regenerate', admin(['superAdmin'], 404), { body: {} }),
  at('GET /admin/admin-tokens/:id/owner-permissions', admin(['superAdmin'], 404)),
  at('GET /admin/transfer/tokens', admin(['superAdmin'], 200)),
  at('POST /admin/transfer/tokens', admin(['superAdmin'], 400), { body: {} }),
  at('GET /admin/transfer/tokens/:id', admin(['superAdmin'], 404)),
  at('PUT /admin/transfer/tokens/:id', admin(['superAdmin'], 404), { body: {} }),
  at('DELETE /admin/transfer/tokens/:id', admin(['superAdmin'])),
  at('POST /admin/transfer/tokens/:id/regenerate', admin(['superAdmin'], 404), { body: {} }),
  // Data transfer takes a transfer token, never a session or an API token.
  at('GET /admin/transfer/runner/push', same(401)),
  at('GET /admin/transfer/runner/pull', same(401)),

  /* Content manager, per content type (see CONTENT_MANAGER above). */
  ...perType('GET /content-manager/collection-types/:model', 'read', (uid) => ({ query: locale(uid), withPersonalData: true })),
  ...perType('POST /content-manager/collection-types/:model', 'create', (uid) => ({ query: locale(uid), body: INVALID_DATA[uid] })),
  ...perType('GET /content-manager/collection-types/:model/:id', 'read', (uid) => ({ ...onDocument(uid, { query: locale(uid) }), withPersonalData: true })),
  ...perType('PUT /content-manager/collection-types/:model/:id', 'update', (uid) => ({ ...onDocument(uid, { query: locale(uid), body: {} }), withPersonalData: true })),
  // A fresh document per caller: a permitted delete really deletes (200), a refused one leaves it.
  ...perType(
    'DELETE /content-manager/collection-types/:model/:id',
    'delete',
    (uid) => ({ query: locale(uid), params: { id: REAL_DOCUMENT.includes(uid) ? fresh(uid) : MISSING_ID }, onRealDocument: REAL_DOCUMENT.includes(uid) }),
    (uid) => (REAL_DOCUMENT.includes(uid) ? 200 : 404),
  ),
  ...perType('POST /content-manager/collection-types/:model/clone/:sourceId', 'create', (uid) => ({ query: locale(uid), body: INVALID_DATA[uid] })),
  ...perType('POST /content-manager/collection-types/:model/auto-clone/:sourceId', 'create', (uid) => ({ query: locale(uid), body: {} })),
  ...perType('POST /content-manager/collection-types/:model/actions/publish', ['create', 'publish'], (uid) => ({ query: locale(uid), body: INVALID_DATA[uid] })),
  ...perType('POST /content-manager/collection-types/:model/:id/actions/publish', 'publish', (uid) => ({ query: locale(uid), body: {} })),
  ...perType('POST /content-manager/collection-types/:model/:id/actions/unpublish', 'publish', (uid) => ({ query: locale(uid), body: {} })),
  ...perType('POST /content-manager/collection-types/:model/:id/actions/discard', 'update', (uid) => ({ query: locale(uid), body: {} })),
  ...perType('POST /content-manager/collection-types/:model/actions/bulkDelete', 'delete', (uid) => ({ query: locale(uid), body: {} })),
  ...perType('POST /content-manager/collection-types/:model/actions/bulkFindForValidation', 'read', (uid) => ({ query: locale(uid), body: {} })),
  ...perType('POST /content-manager/collection-types/:model/actions/bulkPublish', 'publish', (uid) => ({ query: locale(uid), body: {} })),
  ...perType('POST /content-manager/collection-types/:model/actions/bulkUnpublish', 'publish', (uid) => ({ query: locale(uid), body: {} })),
  ...perType('GET /content-manager/collection-types/:model/:id/actions/countDraftRelations', 'read', (uid) => onDocument(uid, { query: locale(uid) })),
  ...perType('GET /content-manager/collection-types/:model/actions/countManyEntriesDraftRelations', 'read', (uid) => ({ query: `documentIds[0]=${MISSING_ID}&${locale(uid)}` })),
  ...perType('GET /content-manager/relations/:model/:targetField', 'read', (uid) => ({
    query: locale(uid),
    params: { targetField: RELATION_FIELD[uid] },
  })),
  ...perType('GET /content-manager/relations/:model/:id/:targetField', 'read', (uid) => ({
    ...onDocument(uid, { query: locale(uid), params: { targetField: RELATION_FIELD[uid] } }),
  })),
  ...perType('GET /i18n/content-manager/get-fill-from-locale/:model', 'read', (uid) => ({
    query: `documentId=${MISSING_ID}&collectionType=collection-types&targetLocale=en&sourceLocale=vi`,
    params: { model: uid },
  })),
  // Layout configuration is read by every admin (it is no data) and changed by the super admin only.
  ...APP_TYPES.map((uid) => at('GET /content-manager/content-types/:uid/configuration', admin(ADMINS, 200), { variant: uid, params: { uid } })),
  ...APP_TYPES.map((uid) =>
    at('PUT /content-manager/content-types/:uid/configuration', admin(['superAdmin'], 400), { variant: uid, params: { uid }, body: { layouts: 'invalid' } }),
  ),
  // Preview is not configured: every admin gets 404, whatever the type.
  ...APP_TYPES.map((uid) =>
    at('GET /content-manager/preview/url/:contentType', admin(ADMINS, 404), { variant: uid, params: { contentType: uid }, query: `documentId=${MISSING_ID}&locale=vi&status=draft` }),
  ),
  // Strapi AI localisation is not part of the Community Edition.
  ...APP_TYPES.map((uid) =>
    at('GET /i18n/ai-localization-jobs/collection-types/:contentType/:documentId', admin(ADMINS, 404), { variant: uid, params: { contentType: uid } }),
  ),
  ...APP_TYPES.map((uid) => at('GET /i18n/ai-localization-jobs/single-types/:contentType', admin(ADMINS, 404), { variant: uid, params: { contentType: uid } })),

  /* Content manager, the rest: panel metadata for any admin; single types do not exist (every admin is refused
     the uid); the homepage widgets list what each role may read, names of citizens only where they may. */
  at('GET /content-manager/init', admin(ADMINS, 200)),
  at('GET /content-manager/content-types', admin(ADMINS, 200)),
  at('GET /content-manager/content-types-settings', admin(ADMINS, 200)),
  at('GET /content-manager/components', admin(ADMINS, 200)),
  at('GET /content-manager/components/:uid/configuration', admin(ADMINS, 200), { params: { uid: 'policy.stage-change' } }),
  at('PUT /content-manager/components/:uid/configuration', admin(['superAdmin'], 400), { params: { uid: 'policy.stage-change' }, body: { layouts: 'invalid' } }),
  at('POST /content-manager/uid/generate', admin(ADMINS, 400), { body: {} }),
  at('POST /content-manager/uid/check-availability', admin(ADMINS, 400), { body: {} }),
  at('GET /content-manager/preview/script', same(200)),
  at('GET /content-manager/homepage/recent-documents', admin(ADMINS, 200), { query: 'action=update', personalData: ['editor', 'superAdmin'] }),
  at('GET /content-manager/homepage/count-documents', admin(ADMINS, 200)),
  ...[
    'GET /content-manager/single-types/:model',
    'PUT /content-manager/single-types/:model',
    'DELETE /content-manager/single-types/:model',
    'POST /content-manager/single-types/:model/actions/publish',
    'POST /content-manager/single-types/:model/actions/unpublish',
    'POST /content-manager/single-types/:model/actions/discard',
    'GET /content-manager/single-types/:model/actions/countDraftRelations',
  ].map((route) => at(route, admin([], 403), { params: { model: NO_SINGLE_TYPE }, body: route.startsWith('GET') ? undefined : {} })),

  /* Content-type builder: the super admin reads the schema; nobody changes it in production mode (Strapi refuses
     writes unless the server runs with autoReload, i.e. `strapi develop`). */
  at('GET /content-type-builder/reserved-names', admin(['superAdmin'], 200)),
  at('GET /content-type-builder/content-types', admin(['superAdmin'], 200)),
  at('GET /content-type-builder/content-types/:uid', admin(['superAdmin'], 200), { params: { uid: POLICY } }),
  at('GET /content-type-builder/components', admin(['superAdmin'], 200)),
  at('GET /content-type-builder/components/:uid', admin(['superAdmin'], 200), { params: { uid: 'policy.stage-change' } }),
  at('GET /content-type-builder/schema', admin(['superAdmin'], 200)),
  at('GET /content-type-builder/update-schema-status', admin(['superAdmin'], 200)),
  at('POST /content-type-builder/content-types', admin([], 403), { body: {} }),
  at('PUT /content-type-builder/content-types/:uid', admin([], 403), { params: { uid: 'api::matrix.nothing' }, body: {} }),
  at('DELETE /content-type-builder/content-types/:uid', admin([], 403), { params: { uid: 'api::matrix.nothing' } }),
  at('POST /content-type-builder/components', admin([], 403), { body: {} }),
  at('PUT /content-type-builder/components/:uid', admin([], 403), { params: { uid: 'matrix.nothing' }, body: {} }),
  at('DELETE /content-type-builder/components/:uid', admin([], 403), { params: { uid: 'matrix.nothing' } }),
  at('PUT /content-type-builder/component-categories/:name', admin([], 403), { params: { name: 'matrix-nothing' }, body: {} }),
  at('DELETE /content-type-builder/component-categories/:name', admin([], 403), { params: { name: 'matrix-nothing' } }),
  at('POST /content-type-builder/update-schema', admin([], 403), { body: {} }),

  /* Media library: every admin role reads (the Contributor only their own files); those who write content upload;
     Biên tập viên also edit and delete; settings are the super admin's. */
  at('POST /upload', admin(['contributor', 'directory', 'editor', 'superAdmin'], 201), { png: true }),
  at('POST /upload/files', admin(['contributor', 'directory', 'editor', 'superAdmin'], 400), { body: {} }),
  at('POST /upload/actions/upload-from-urls', admin(['contributor', 'directory', 'editor', 'superAdmin'], 400), { body: {} }),
  at('GET /upload/files', admin(ADMINS, 200)),
  at('GET /upload/files/:id', admin(ADMINS, 200, { contributor: 403 }), { params: { id: real(UPLOADED_FILE) } }),
  at('PUT /upload/files/:id', admin(['editor', 'superAdmin'], 'allow'), { params: { id: real(UPLOADED_FILE) }, body: { fileInfo: 'not an object' } }),
  at('DELETE /upload/files/:id', admin(['editor', 'superAdmin'], 404)),
  at('POST /upload/files/:id/replace', admin(ADMINS, 404), { png: true }),
  at('GET /upload/folders', admin(ADMINS, 200)),
  at('GET /upload/folders/:id', admin(ADMINS, 404)),
  at('GET /upload/folder-structure', admin(ADMINS, 200)),
  at('POST /upload/folders', admin(['contributor', 'directory', 'editor', 'superAdmin'], 400), { body: {} }),
  at('PUT /upload/folders/:id', admin(['editor', 'superAdmin'], 404), { body: {} }),
  at('POST /upload/actions/bulk-delete', admin(['editor', 'superAdmin'], 400), { body: { fileIds: 'x' } }),
  at('POST /upload/actions/bulk-move', admin(['editor', 'superAdmin'], 400), { body: {} }),
  at('POST /upload/actions/bulk-update', admin(['editor', 'superAdmin'], 400), { body: {} }),
  at('POST /upload/actions/generate-ai-metadata', admin(['editor', 'superAdmin'], 'allow'), { body: {} }),
  at('POST /upload/ai-metadata-jobs', admin(['editor', 'superAdmin'], 'allow'), { body: {} }),
  at('GET /upload/ai-metadata-jobs/latest', admin(ADMINS, 404)),
  at('GET /upload/ai-metadata-jobs/pending-count', admin(ADMINS, 400)),
  at('GET /upload/configuration', admin(ADMINS, 200)),
  at('PUT /upload/configuration', admin(['superAdmin'], 400), { body: {} }),
  at('GET /upload/settings', admin(['superAdmin'], 200)),
  at('PUT /upload/settings', admin(['superAdmin'], 400), { body: {} }),

  /* Internationalization: every admin lists locales (the editor needs them); the super admin manages them. */
  at('GET /i18n/iso-locales', admin(['superAdmin'], 200)),
  at('GET /i18n/locales', admin(ADMINS, 200)),
  at('POST /i18n/locales', admin(['superAdmin'], 400), { body: {} }),
  at('PUT /i18n/locales/:id', admin(['superAdmin'], 404), { body: {} }),
  at('DELETE /i18n/locales/:id', admin(['superAdmin'], 404)),
  at('POST /i18n/content-manager/actions/get-non-localized-fields', admin(ADMINS, 400), { body: {} }),
  // Strapi's only i18n setting switches AI localisation, which the Community Edition does not have; Strapi lets any admin set it.
  at('GET /i18n/settings', admin(ADMINS, 200)),
  at('PUT /i18n/settings', admin(ADMINS, 400), { body: { aiLocalizations: 'not a boolean' } }),

  /* Users & permissions plugin settings: the super admin; the lists of actions and routes are panel metadata. */
  at('GET /users-permissions/roles', admin(['superAdmin'], 200)),
  at('GET /users-permissions/roles/:id', admin(['superAdmin'], 404)),
  at('POST /users-permissions/roles', admin(['superAdmin'], 400), { body: {} }),
  at('PUT /users-permissions/roles/:role', admin(['superAdmin'], 400), { body: {} }),
  at('DELETE /users-permissions/roles/:role', admin(['superAdmin'], 404)),
  at('GET /users-permissions/email-templates', admin(['superAdmin'], 200)),
  at('PUT /users-permissions/email-templates', admin(['superAdmin'], 400), { body: {} }),
  at('GET /users-permissions/advanced', admin(['superAdmin'], 200)),
  at('PUT /users-permissions/advanced', admin(['superAdmin'], 400), { body: {} }),
  at('GET /users-permissions/providers', admin(['superAdmin'], 200)),
  at('PUT /users-permissions/providers', admin(['superAdmin'], 400), { body: {} }),
  at('GET /users-permissions/permissions', admin(ADMINS, 200)),
  at('GET /users-permissions/policies', admin(ADMINS, 200)),
  at('GET /users-permissions/routes', admin(ADMINS, 200)),

  /* E-mail settings: the super admin (sending arbitrary mail over HTTP is removed, see src/extensions/email). */
  at('GET /email/settings', admin(['superAdmin'], 200)),
  at('POST /email/test', admin(['superAdmin'], 400), { body: {} }),
  at('POST /email/verify', admin(['superAdmin'], 'allow'), { body: {} }),

  /* Approval workflow: the covered types' history for the editorial roles; transitions checked per action, first
     (an approval asked: 403 without the approve permission; with it, 409 on a covered document that is not in
     review, 404 on a type the workflow does not cover — nothing moves). */
  at('GET /approval-workflow/content-types', admin(ADMINS, 200)),
  at('GET /approval-workflow/inbox', admin(EDITORIAL, 200)),
  ...APP_TYPES.map((uid) =>
    at('GET /approval-workflow/documents/:uid/:documentId', admin(EDITORIAL, [POLICY, CONSULTATION_DRAFT, RADIO_SCRIPT].includes(uid) ? 200 : 404), {
      variant: uid,
      params: { uid, documentId: real(uid) },
      query: 'locale=vi',
    }),
  ),
  ...APP_TYPES.map((uid) =>
    at(
      'POST /approval-workflow/documents/:uid/:documentId/transitions',
      admin(['reviewer', 'leader', 'superAdmin'], [POLICY, CONSULTATION_DRAFT, RADIO_SCRIPT].includes(uid) ? 409 : 404),
      { variant: uid, params: { uid, documentId: real(uid) }, body: { action: 'approve', locale: 'vi' } },
    ),
  ),

  /* Multi-channel publishing: the editorial roles watch deliveries; Biên tập viên and leaders replay them. */
  at('GET /multichannel-publishing/deliveries', admin(EDITORIAL, 200)),
  at('GET /multichannel-publishing/channels', admin(EDITORIAL, 200)),
  at('POST /multichannel-publishing/deliveries/:id/retry', admin(['editor', 'leader', 'superAdmin'], 404), { body: {} }),
  // A delivery that does not exist is listed as refused (404) in a 200 answer: the permission was granted.
  at('POST /multichannel-publishing/deliveries/retry', admin(['editor', 'leader', 'superAdmin'], 200), { body: { ids: [987654321] } }),
  // Only leaders (and super admins) spend the OA's few broadcasts a month; an empty body is a 400 once allowed.
  at('POST /multichannel-publishing/broadcasts', admin(['leader', 'superAdmin'], 400), { body: {} }),
  at('GET /multichannel-publishing/broadcasts/budget', admin(EDITORIAL, 200)),

  /* Public participation: the editorial roles follow feedback; Biên tập viên moderate it and set dispositions; the export carries
     names, e-mails and phones only for those who read them in the content manager. */
  at('GET /public-participation/overdue', admin(EDITORIAL, 200)),
  at('GET /public-participation/open', admin(EDITORIAL, 200)),
  at('GET /public-participation/agency-counts', admin(EDITORIAL, 200)),
  at('GET /public-participation/consultation-drafts/:documentId/counts', admin(EDITORIAL, 200), { params: { documentId: real(CONSULTATION_DRAFT) } }),
  at('GET /public-participation/feedbacks/:documentId/moderation', admin(EDITORIAL, 200), { params: { documentId: real(FEEDBACK) } }),
  at('POST /public-participation/feedbacks/:documentId/transition', admin(['editor', 'superAdmin'], 400), { params: { documentId: real(FEEDBACK) }, body: {} }),
  /* Dispositions (tiếp thu / giải trình): set by those who moderate (an empty body is a 400: nothing changes); the
     summary (counts and groups of duplicates, no personal data) and the list the bulk screen picks from (no personal data)
     read by the editorial roles. */
  at('PUT /public-participation/feedbacks/:documentId/disposition', admin(['editor', 'superAdmin'], 400), { params: { documentId: real(FEEDBACK) }, body: {} }),
  at('PUT /public-participation/consultation-drafts/:documentId/dispositions', admin(['editor', 'superAdmin'], 400), {
    params: { documentId: real(CONSULTATION_DRAFT) },
    body: {},
  }),
  at('GET /public-participation/consultation-drafts/:documentId/dispositions', admin(EDITORIAL, 200), { params: { documentId: real(CONSULTATION_DRAFT) } }),
  at('GET /public-participation/consultation-drafts/:documentId/feedbacks', admin(EDITORIAL, 200), { params: { documentId: real(CONSULTATION_DRAFT) } }),
  /* The report on how feedback was taken in (DOCX and CSV, never personal data): an official document, so the export
     permission (Biên tập viên, Lãnh đạo). */
  at('GET /public-participation/consultation-drafts/:documentId/report.docx', admin(['editor', 'leader', 'superAdmin'], 200), {
    params: { documentId: real(CONSULTATION_DRAFT) },
  }),
  at('GET /public-participation/consultation-drafts/:documentId/report.csv', admin(['editor', 'leader', 'superAdmin'], 200), {
    params: { documentId: real(CONSULTATION_DRAFT) },
  }),
  at('GET /feedback-export/consultation-drafts/:documentId.csv', admin(['editor', 'leader', 'superAdmin'], 200), {
    params: { documentId: real(CONSULTATION_DRAFT) },
    personalData: ['editor', 'superAdmin'],
  }),

  /* Agency access: everyone with an admin session reads their own agencies; only the super admin (the one role holding
     `plugin::agency-access.manage`) reads and sets an agency's members (an empty body is a 400: nothing changes). */
  at('GET /agency-access/me', admin(ADMINS, 200)),
  at('GET /agency-access/agencies/:documentId/members', admin(['superAdmin'], 200), { params: { documentId: real(AGENCY) } }),
  at('PUT /agency-access/agencies/:documentId/members', admin(['superAdmin'], 400), { params: { documentId: real(AGENCY) }, body: {} }),

  /* Audit trail: read by the super admin only (its permission is given to no role); nothing writes it over HTTP. */
  at('GET /audit-trail/entries', admin(['superAdmin'], 200)),

  /* Notification outbox: read by the super admin only (its permission is given to no role); no recipient is ever
     returned, and nothing writes it over HTTP. */
  at('GET /notifications/messages', admin(['superAdmin'], 200)),
  // Each admin's own notification preferences: any admin role, never anyone else's (tests/api/notifications-approval.test.ts).
  at('GET /notifications/preferences', admin(ADMINS, 200)),
  at('PUT /notifications/preferences', admin(ADMINS, 200), { body: { data: { reviewOutcomes: true } } }),

  /* Radio tools: whoever reads radio scripts lists a policy's scripts (a Contributor only their own) and their
     audio; whoever edits one may render its audio (a Contributor only their own). */
  at('GET /radio/policies/:documentId/scripts', admin(ADMINS, 200), { params: { documentId: real(POLICY) } }),
  at('GET /radio/scripts/:documentId/audio', admin(['directory', 'editor', 'reviewer', 'leader', 'superAdmin'], 200), {
    params: { documentId: real(RADIO_SCRIPT) },
  }),
  at('POST /radio/scripts/:documentId/render-audio', admin(['editor', 'superAdmin'], 202), { params: { documentId: fresh(RADIO_SCRIPT) }, body: {} }),
];
