// The yardstick: a hand-written `node:http` + `pg` server answering the two public policy reads the
// benchmark measures with the same JSON as the app (`GET /api/policies?…` 25 per page, newest first, and
// `GET /api/policies/:documentId`, both with leadAgency and audiences), with a strong ETag and 304.
// Run as its own process: BASELINE_DATABASE_URL, PORT; prints READY when listening.
const crypto = require('crypto');
const http = require('http');
const { Pool, types } = require('pg');

types.setTypeParser(1082, (value) => value); // date: as stored, like Strapi
types.setTypeParser(1114, (value) => new Date(`${value.replace(' ', 'T')}Z`).toISOString()); // timestamp (UTC)

const pool = new Pool({ connectionString: process.env.BASELINE_DATABASE_URL, max: 10 });
const PAGE_SIZE = 25;
const POLICY = `p.id, p.document_id AS "documentId", p.title, p.slug, p.short_code AS "shortCode", p.document_number AS "documentNumber",
  p.summary, p.body, p.stage, p.issuer, p.affects_people_and_businesses AS "affectsPeopleAndBusinesses",
  p.large_social_impact AS "largeSocialImpact", p.issued_at AS "issuedAt", p.effective_from AS "effectiveFrom",
  p.created_at AS "createdAt", p.updated_at AS "updatedAt", p.published_at AS "publishedAt", p.locale`;
const PUBLISHED = `p.locale = 'vi' AND p.published_at IS NOT NULL`;
const AGENCY = `a.id, a.document_id AS "documentId", a.name, a.code, a.kind, a.active, a.created_at AS "createdAt",
  a.updated_at AS "updatedAt", a.published_at AS "publishedAt", a.locale`;
const AUDIENCE = `a.id, a.document_id AS "documentId", a.name, a.slug, a.created_at AS "createdAt",
  a.updated_at AS "updatedAt", a.published_at AS "publishedAt", a.locale`;

/** Adds leadAgency and audiences to policy rows with two queries for the whole page. */
const populate = async (policies) => {
  const ids = policies.map((policy) => policy.id);
  const [agencies, audiences] = await Promise.all([
    pool.query(`SELECT l.policy_id, ${AGENCY} FROM policies_lead_agency_lnk l JOIN agencies a ON a.id = l.agency_id WHERE l.policy_id = ANY($1)`, [ids]),
    pool.query(`SELECT l.policy_id, ${AUDIENCE} FROM policies_audiences_lnk l JOIN audiences a ON a.id = l.audience_id WHERE l.policy_id = ANY($1) ORDER BY l.audience_ord, l.id`, [ids]),
  ]);
  return policies.map((policy) => {
    const lead = agencies.rows.find((row) => row.policy_id === policy.id);
    const strip = ({ policy_id: _policyId, ...rest }) => rest;
    return { ...policy, leadAgency: lead ? strip(lead) : null, audiences: audiences.rows.filter((row) => row.policy_id === policy.id).map(strip) };
  });
};

const list = async (params) => {
  const page = Math.max(1, Number(params.get('pagination[page]') ?? 1) || 1);
  const [rows, count] = await Promise.all([
    pool.query(`SELECT ${POLICY} FROM policies p WHERE ${PUBLISHED} ORDER BY p.published_at DESC, p.id LIMIT $1 OFFSET $2`, [PAGE_SIZE, (page - 1) * PAGE_SIZE]),
    pool.query(`SELECT count(*)::int AS total FROM policies p WHERE ${PUBLISHED}`),
  ]);
  const { total } = count.rows[0];
  return { data: await populate(rows.rows), meta: { pagination: { page, pageSize: PAGE_SIZE, pageCount: Math.ceil(total / PAGE_SIZE), total } } };
};

const single = async (documentId) => {
  const { rows } = await pool.query(`SELECT ${POLICY} FROM policies p WHERE p.document_id = $1 AND ${PUBLISHED} LIMIT 1`, [documentId]);
  return rows.length ? { data: (await populate(rows))[0], meta: {} } : null;
};

const send = (request, response, status, body) => {
  const json = JSON.stringify(body);
  const etag = `"${crypto.createHash('sha1').update(json).digest('base64url')}"`;
  if (status === 200 && request.headers['if-none-match'] === etag) {
    response.writeHead(304, { ETag: etag, 'Cache-Control': 'public, max-age=60' }).end();
    return;
  }
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ETag: etag, 'Cache-Control': 'public, max-age=60' }).end(json);
};

http
  .createServer(async (request, response) => {
    try {
      const url = new URL(request.url, 'http://baseline');
      const match = /^\/api\/policies(?:\/([A-Za-z0-9]+))?$/.exec(url.pathname);
      const body = request.method !== 'GET' || !match ? null : match[1] ? await single(match[1]) : await list(url.searchParams);
      send(request, response, body ? 200 : 404, body ?? { data: null, error: { status: 404, name: 'NotFoundError', message: 'Not Found' } });
    } catch (error) {
      send(request, response, 500, { error: { status: 500, message: String(error.message) } });
    }
  })
  .listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write(`READY ${process.env.PORT}\n`));
