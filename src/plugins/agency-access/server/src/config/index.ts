/**
 * `scopes`: for each content type the condition applies to, the path of the relation that leads to
 * the agency owning a document (`respondingAgency`, `policy.leadAgency`). On any other content type
 * the condition grants nothing (fails closed). `scopeEditorialRoles`: whether the app gives the
 * condition to the editorial roles (src/bootstrap/agency-scoping.ts).
 */
export type AgencyAccessConfig = { scopes: Record<string, string>; scopeEditorialRoles: boolean };

const PATH = /^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)*$/;

export default {
  default: { scopes: {}, scopeEditorialRoles: true } satisfies AgencyAccessConfig,
  validator(config: Partial<AgencyAccessConfig>) {
    for (const [uid, path] of Object.entries(config.scopes ?? {})) {
      if (typeof path !== 'string' || !PATH.test(path)) {
        throw new Error(`[agency-access] scopes["${uid}"] must be a relation path such as "policy.leadAgency", got ${JSON.stringify(path)}`);
      }
    }
  },
};
