import { startTestApp, type TestApp } from '../helpers/strapi';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp('smoke');
});
afterAll(async () => {
  await app.stop();
});

it('boots', async () => {
  const agency = await app.strapi.documents('api::agency.agency').create({ data: { name: 'Sở X', code: 'SO-X' } as never });
  console.log(agency);
  const fp = await app.strapi.documents('api::focal-point.focal-point').create({ data: { fullName: 'A', agency: agency.documentId, email: 'a@b.vn', phone: '0912345678' } as never });
  console.log(fp);
  const res = await app.http().get('/api/agencies?populate=*');
  console.log(res.status, JSON.stringify(res.body));
  const res2 = await app.http().get('/api/focal-points?populate=*');
  console.log(res2.status, JSON.stringify(res2.body));
  for (const q of ['fields[0]=email', 'filters[email][$eq]=a@b.vn', 'sort=phone', 'foo=bar']) {
    const r = await app.http().get('/api/focal-points?' + q);
    console.log(q, r.status, JSON.stringify(r.body).slice(0, 300));
  }
  const r = await app.http().get('/api/agencies?populate[focalPoints][fields][0]=phone');
  console.log(r.status, JSON.stringify(r.body).slice(0, 400));
  const locales = await app.strapi.plugin('i18n').service('locales').find();
  console.log(locales, await app.strapi.plugin('i18n').service('locales').getDefaultLocale());
});
