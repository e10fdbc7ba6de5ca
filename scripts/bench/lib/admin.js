// The admin API as an editor's browser uses it, through the TLS proxy the app expects in production
// (PROXY=true: X-Forwarded-Proto https), logged in as the super admin the boot created.
const POLICY = 'api::policy.policy';
const PROXY_HEADERS = { 'X-Forwarded-Proto': 'https', 'X-Forwarded-For': '127.0.0.1' };

const call = async (baseUrl, method, path, { token, body } = {}) => {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { ...PROXY_HEADERS, 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 500)}`);
  return text ? JSON.parse(text) : null;
};

/** Logs in on `baseUrl`; the returned client works on every node (they share ADMIN_JWT_SECRET). */
const adminClient = async (baseUrl, { email, password }) => {
  const login = await call(baseUrl, 'POST', '/admin/login', { body: { email, password } });
  const token = login.data.token;
  const cm = (documentId = '') => `/content-manager/collection-types/${POLICY}${documentId ? `/${documentId}` : ''}`;
  const approve = (documentId) =>
    call(baseUrl, 'POST', `/approval-workflow/documents/${POLICY}/${documentId}/transitions`, {
      token,
      body: { action: 'force-approve', comment: 'Benchmark run', locale: 'vi' },
    });
  return {
    /** Creates a draft policy in Vietnamese; returns its documentId. */
    async createPolicy(data) {
      return (await call(baseUrl, 'POST', `${cm()}?locale=vi`, { token, body: data })).data.documentId;
    },
    /** Edits the draft (which voids its approval, as any edit does). */
    updatePolicy: (documentId, data) => call(baseUrl, 'PUT', `${cm(documentId)}?locale=vi`, { token, body: data }),
    /** Force-approves (super admin, with a reason) and publishes, as the admin panel's buttons do. */
    async approveAndPublish(documentId) {
      await approve(documentId);
      return call(baseUrl, 'POST', `${cm(documentId)}/actions/publish?locale=vi`, { token, body: {} });
    },
    approve,
    publish: (documentId) => call(baseUrl, 'POST', `${cm(documentId)}/actions/publish?locale=vi`, { token, body: {} }),
    unpublish: (documentId) => call(baseUrl, 'POST', `${cm(documentId)}/actions/unpublish?locale=vi`, { token, body: {} }),
  };
};

module.exports = { adminClient };
