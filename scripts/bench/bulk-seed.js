// Loads N published Vietnamese policies into the benchmark database with set-based SQL (seconds, not the
// hours the document service would take), in the shape Strapi 5 writes them: a draft row and a published
// row per document, leadAgency and audiences link rows for both, one `published` publication event per
// published row (so the reconciliation sweep finds nothing to repair and /api/changes has a history), and
// each policy's radio-script draft, as the generator would have made it (a real catalogue's volume of scripts).
// Runs inside a loaded app (app-node.js with BENCH_SETUP=true), after the demo seed has made the agencies
// and audiences the policies point at.
const crypto = require('crypto');
const path = require('path');

const DIST = path.resolve(__dirname, '../../dist/src');
const POLICY_UID = 'api::policy.policy';
const AGENCY_UID = 'api::agency.agency';
const FOCAL_POINT_UID = 'api::focal-point.focal-point';
const RADIO_SCRIPT_UID = 'api::radio-script.radio-script';
const BATCH = 2000;

/** Policies: a draft and a published row per document, links for both, all in one statement each. */
const insertPolicies = async (trx, n) => {
  await trx.raw(`
    CREATE TEMP TABLE bench_docs ON COMMIT DROP AS
    SELECT g,
           'bench' || lpad(to_hex(g), 8, '0') || substr(md5('bench-' || g), 1, 11) AS document_id,
           now() - make_interval(mins => ? - g + 1) AS published_at,
           (ARRAY['proposal','drafting','adopted','promulgated','implementing','repealed'])[1 + g % 6] AS stage,
           (ARRAY['provincial-people-committee','provincial-people-council','provincial-party-committee','central-government'])[1 + g % 4] AS issuer
    FROM generate_series(1, ?) AS g`, [n, n]);
  await trx.raw(`
    INSERT INTO policies (document_id, title, slug, short_code, document_number, summary, body, stage, issuer,
                          affects_people_and_businesses, large_social_impact, issued_at, effective_from,
                          created_at, updated_at, published_at, locale)
    SELECT d.document_id,
           'Chính sách thử tải số ' || d.g || ': hỗ trợ sản xuất nông nghiệp hàng hóa tại xã vùng cao',
           'chinh-sach-thu-tai-' || d.g,
           'CSB' || d.g,
           d.g || '/2026/QĐ-UBND',
           'Hỗ trợ hộ gia đình, hợp tác xã phát triển sản xuất nông nghiệp hàng hóa; mức hỗ trợ tối đa 50.000.000 đồng mỗi dự án (bản ghi thử tải số ' || d.g || ').',
           jsonb_build_array(jsonb_build_object('type', 'paragraph', 'children',
             jsonb_build_array(jsonb_build_object('type', 'text', 'text', 'Đối tượng: hộ gia đình, hợp tác xã tại các xã vùng cao. Hồ sơ nộp tại UBND cấp xã.')))),
           d.stage, d.issuer, d.g % 2 = 0, d.g % 5 = 0,
           (d.published_at - interval '30 days')::date, (d.published_at + interval '15 days')::date,
           d.published_at, d.published_at, v.published_at, 'vi'
    FROM bench_docs d
    CROSS JOIN LATERAL (VALUES (NULL::timestamp), (d.published_at)) AS v(published_at)
    ORDER BY d.g, v.published_at NULLS FIRST`);
  // Every row of a document (draft and published) links to the same agency and audiences, as Strapi writes them.
  await trx.raw(`
    WITH agencies AS (SELECT array_agg(id ORDER BY id) AS ids FROM agencies WHERE locale = 'vi'),
         rows AS (SELECT p.id, d.g FROM policies p JOIN bench_docs d USING (document_id))
    INSERT INTO policies_lead_agency_lnk (policy_id, agency_id)
    SELECT rows.id, agencies.ids[1 + rows.g % cardinality(agencies.ids)] FROM rows, agencies`);
  await trx.raw(`
    WITH audiences AS (SELECT array_agg(id ORDER BY id) AS ids FROM audiences WHERE locale = 'vi'),
         rows AS (SELECT p.id, d.g FROM policies p JOIN bench_docs d USING (document_id))
    INSERT INTO policies_audiences_lnk (policy_id, audience_id, audience_ord)
    SELECT rows.id, audiences.ids[1 + (rows.g + k * 3) % cardinality(audiences.ids)], k + 1
    FROM rows, audiences, generate_series(0, 1) AS k`);
  // One `published` event per published row, numbered after the existing ones in publication order.
  await trx.raw(`
    WITH state AS (SELECT counter FROM multichannel_publishing_state WHERE key = 'event-sequence' FOR UPDATE),
         published AS (
           SELECT p.id, p.document_id, p.title, p.summary, p.slug, p.stage, p.published_at,
                  row_number() OVER (ORDER BY p.published_at, p.id) AS rn
           FROM policies p JOIN bench_docs d USING (document_id) WHERE p.published_at IS NOT NULL)
    INSERT INTO multichannel_publication_events (document_id, sequence, type, target_uid, target_document_id,
                target_locale, entry_id, occurred_at, snapshot, recorded_by, created_at, updated_at, published_at)
    SELECT 'benchevt' || lpad(to_hex(published.rn::int), 8, '0') || substr(md5('evt-' || published.id), 1, 8),
           state.counter + published.rn, 'published', ?, published.document_id, 'vi', published.id, published.published_at,
           jsonb_build_object('id', published.id, 'documentId', published.document_id, 'locale', 'vi', 'title', published.title,
                              'summary', published.summary, 'slug', published.slug, 'stage', published.stage,
                              'publishedAt', published.published_at),
           'sweep', published.published_at, published.published_at, published.published_at
    FROM published, state`, [POLICY_UID]);
  await trx.raw(`UPDATE multichannel_publishing_state SET counter = counter + ? WHERE key = 'event-sequence'`, [n]);
};

/**
 * What the coverage KPIs read, at scale: one stage-history entry per published bench policy (its stage,
 * a day before its publication), one portal delivery per publication event (delivered, every seventh
 * dead), and `feedback` feedback rows on the bench policies spread over the last 400 days (70 % answered,
 * some late, some overdue), each linked to its policy and a responding agency. Link tables are named
 * by Strapi's metadata.
 */
const insertCoverageData = async (strapi, trx, feedback) => {
  const link = (uid, attribute) => {
    const joinTable = strapi.db.metadata.get(uid).attributes[attribute].joinTable;
    return { table: joinTable.name, own: joinTable.joinColumn.name, other: joinTable.inverseJoinColumn.name };
  };
  // The component rows carry their policy's id in `note` to be linked without relying on RETURNING's order.
  await trx.raw(`
    INSERT INTO components_policy_stage_changes (stage, changed_at, note)
    SELECT p.stage, p.published_at - interval '1 day', 'bench:' || p.id
    FROM policies p WHERE p.published_at IS NOT NULL AND p.document_id LIKE 'bench%'`);
  await trx.raw(`
    INSERT INTO policies_cmps (entity_id, cmp_id, component_type, field, "order")
    SELECT substr(c.note, 7)::int, c.id, 'policy.stage-change', 'stageHistory', 1
    FROM components_policy_stage_changes c WHERE c.note LIKE 'bench:%'`);
  await trx.raw(`
    INSERT INTO multichannel_deliveries (event_id, event_sequence, target_uid, target_document_id, target_locale, channel,
                status, priority, attempts, first_attempt_at, last_attempt_at, delivered_at, idempotency_key, created_at, updated_at, published_at)
    SELECT e.id, e.sequence, e.target_uid, e.target_document_id, e.target_locale, 'portal',
           CASE WHEN e.id % 7 = 0 THEN 'dead' ELSE 'delivered' END, 0, 1, e.occurred_at, e.occurred_at,
           CASE WHEN e.id % 7 = 0 THEN NULL ELSE e.occurred_at + interval '2 seconds' END,
           'bench:' || e.id || ':portal', e.occurred_at, e.occurred_at, e.occurred_at
    FROM multichannel_publication_events e WHERE e.target_document_id LIKE 'bench%'`);
  await trx.raw('ANALYZE policies_cmps');
  await trx.raw('ANALYZE multichannel_deliveries');
  // The publishing plugin's catch-up looks for publications without an event: without statistics it nests loops
  // over both tables (minutes at 100,000).
  await trx.raw('ANALYZE multichannel_publication_events');
  if (feedback <= 0) return;
  const policyLink = link('api::feedback.feedback', 'policy');
  const agencyLink = link('api::feedback.feedback', 'respondingAgency');
  await trx.raw(`
    CREATE TEMP TABLE bench_feedback ON COMMIT DROP AS
    SELECT g, now() - make_interval(mins => (g * 577) % (400 * 1440)) AS created_at FROM generate_series(1, ?) AS g`, [feedback]);
  await trx.raw(`
    INSERT INTO feedbacks (document_id, submitter_type, content, category, moderation_status, tracking_code, due_at,
                           responded_at, public_consent, source, created_at, updated_at, published_at)
    SELECT 'benchfb' || lpad(to_hex(f.g), 8, '0') || substr(md5('fb-' || f.g), 1, 10), 'citizen',
           'Góp ý thử tải số ' || f.g || ': đề nghị làm rõ đối tượng được hỗ trợ.', 'comment',
           CASE WHEN f.g % 10 < 7 THEN 'answered' WHEN f.g % 10 = 7 THEN 'rejected' ELSE 'assigned' END,
           'GY-B' || lpad(to_hex(f.g), 8, '0'), f.created_at + interval '15 days',
           CASE WHEN f.g % 10 < 7 THEN f.created_at + make_interval(days => f.g % 20) END,
           false, 'web', f.created_at, f.created_at, f.created_at
    FROM bench_feedback f`);
  // The planner must know the new rows (else it nests loops over a million of them); ANALYZE runs inside a transaction.
  await trx.raw('ANALYZE feedbacks');
  await trx.raw('ANALYZE policies');
  // Spread over targets by a join on a computed position (indexing a large array per row would copy it each time).
  await trx.raw(`
    WITH targets AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k FROM policies WHERE published_at IS NOT NULL AND document_id LIKE 'bench%'),
         rows AS (SELECT id, ('x' || substr(document_id, 8, 8))::bit(32)::int % (SELECT count(*) FROM targets) AS k
                  FROM feedbacks WHERE document_id LIKE 'benchfb%')
    INSERT INTO ${policyLink.table} (${policyLink.own}, ${policyLink.other})
    SELECT rows.id, targets.id FROM rows JOIN targets USING (k)`);
  await trx.raw(`
    WITH targets AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k FROM agencies WHERE locale = 'vi'),
         rows AS (SELECT id, ('x' || substr(document_id, 8, 8))::bit(32)::int AS h FROM feedbacks WHERE document_id LIKE 'benchfb%'),
         placed AS (SELECT id, h % (SELECT count(*) FROM targets) AS k FROM rows WHERE h % 9 <> 0)
    INSERT INTO ${agencyLink.table} (${agencyLink.own}, ${agencyLink.other})
    SELECT placed.id, targets.id FROM placed JOIN targets USING (k)`);
};

/**
 * The radio-script drafts the generator would have made: built and hashed exactly as
 * `generateFromPolicy` does (same queries, same source object), inserted in batches.
 */
const insertRadioScripts = async (strapi, knex) => {
  const { buildRadioScript } = require(path.join(DIST, 'api/radio-script/speech/script-template'));
  const { estimateSeconds } = require(path.join(DIST, 'common/speech-duration'));
  const agencies = new Map();
  const agencyOf = async (leadAgency) => {
    if (!leadAgency) return { name: null, contact: null };
    if (!agencies.has(leadAgency.documentId)) {
      const agency = await strapi.db.query(AGENCY_UID).findOne({ where: { documentId: leadAgency.documentId, locale: 'vi' } });
      const people = await strapi.db.query(FOCAL_POINT_UID).findMany({
        where: { agency: { documentId: leadAgency.documentId }, active: true },
        select: ['fullName', 'position', 'role'],
      });
      const contact = people.find((person) => person.role === 'focal-point') ?? people[0] ?? null;
      agencies.set(leadAgency.documentId, { name: agency?.name ?? leadAgency.name ?? null, contact });
    }
    return agencies.get(leadAgency.documentId);
  };
  let created = 0;
  for (let lastId = 0; ; ) {
    const policies = await strapi.db.query(POLICY_UID).findMany({
      where: { locale: 'vi', publishedAt: { $notNull: true }, documentId: { $startsWith: 'bench' }, id: { $gt: lastId } },
      orderBy: { id: 'asc' },
      limit: BATCH,
      populate: { leadAgency: true, audiences: true },
    });
    if (policies.length === 0) break;
    lastId = policies[policies.length - 1].id;
    const scripts = [];
    for (const policy of policies) {
      const agency = await agencyOf(policy.leadAgency);
      const source = {
        title: policy.title,
        documentNumber: policy.documentNumber,
        summary: policy.summary,
        body: policy.body,
        stage: policy.stage,
        issuer: policy.issuer,
        issuedAt: policy.issuedAt,
        effectiveFrom: policy.effectiveFrom,
        audiences: (policy.audiences ?? []).map((audience) => audience.name),
        leadAgency: agency.name,
        focalPoint: agency.contact,
      };
      const script = buildRadioScript(source);
      scripts.push({
        policyId: policy.id,
        row: {
          document_id: `benchrs${crypto.randomBytes(8).toString('hex')}`,
          title: `Bản tin: ${policy.title}`.slice(0, 255),
          language: 'vi',
          priority: 'normal',
          script,
          estimated_seconds: estimateSeconds(script, 160),
          syllables_per_minute: 160,
          audio_status: 'none',
          repeat_count: 1,
          generated: true,
          source_hash: crypto.createHash('sha256').update(JSON.stringify(source)).digest('hex'),
          created_at: new Date(),
          updated_at: new Date(),
        },
      });
    }
    await knex.transaction(async (trx) => {
      const ids = await trx('radio_scripts').insert(scripts.map((item) => item.row), ['id']);
      await trx('radio_scripts_policy_lnk').insert(ids.map(({ id }, index) => ({ radio_script_id: id, policy_id: scripts[index].policyId })));
    });
    created += scripts.length;
  }
  return created;
};

/** Checks on a few policies that the radio catch-up sees their scripts as already generated. */
const radioScriptsMatch = async (strapi) => {
  const sample = await strapi.db.query(POLICY_UID).findMany({
    where: { locale: 'vi', publishedAt: { $notNull: true }, documentId: { $startsWith: 'bench' } },
    select: ['documentId'],
    limit: 3,
  });
  const generated = [];
  for (const { documentId } of sample) generated.push(await strapi.service(RADIO_SCRIPT_UID).generateFromPolicy(documentId));
  return generated.every((script) => script === null);
};

/** Inserts `policies` published policies (see the top of this file); returns what it made and how long it took. */
exports.bulkSeed = async (strapi, { policies, feedback = 0 }) => {
  const knex = strapi.db.connection;
  const started = Date.now();
  await knex.transaction((trx) => insertPolicies(trx, policies));
  await knex.transaction((trx) => insertCoverageData(strapi, trx, feedback));
  const sqlSeconds = (Date.now() - started) / 1000;
  const radioScripts = await insertRadioScripts(strapi, knex);
  // A bulk load leaves millions of rows that autovacuum would visit, and whose hint bits the first reads would set,
  // in the middle of the measured cases: settle the database first, as a database in service is.
  await knex.raw('VACUUM (ANALYZE)');
  const radioScriptsMatchCatchUp = await radioScriptsMatch(strapi);
  return { policies, feedback, sqlSeconds, radioScripts, radioScriptsMatchCatchUp, seconds: (Date.now() - started) / 1000 };
};
