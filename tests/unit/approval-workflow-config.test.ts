import type { UID } from '@strapi/strapi';
import { resolveCoveredContentTypes, validatePluginConfig } from '../../src/plugins/approval-workflow/server/src/domain/config';

const EXISTING: readonly string[] = ['api::policy.policy', 'api::consultation-draft.consultation-draft'];
const exists = (uid: string): uid is UID.ContentType => EXISTING.includes(uid);

describe('the plugin configuration', () => {
  it('defaults requiredApprovals to 1', () => {
    expect(validatePluginConfig({ contentTypes: [{ uid: 'api::policy.policy' }] })).toEqual({
      contentTypes: [{ uid: 'api::policy.policy', requiredApprovals: 1 }],
    });
  });

  it('accepts an empty configuration', () => {
    expect(validatePluginConfig({})).toEqual({ contentTypes: [] });
    expect(resolveCoveredContentTypes(undefined, exists)).toEqual({ covered: [], unknown: [] });
  });

  it('tolerates a configured content type that does not exist yet, and reports it', () => {
    const config = {
      contentTypes: [
        { uid: 'api::policy.policy', requiredApprovals: 2 },
        { uid: 'api::radio-script.radio-script', requiredApprovals: 1 },
      ],
    };
    expect(resolveCoveredContentTypes(config, exists)).toEqual({
      covered: [{ uid: 'api::policy.policy', requiredApprovals: 2 }],
      unknown: ['api::radio-script.radio-script'],
    });
  });

  it.each([
    [{ contentTypes: [{ uid: 'policy' }] }, /content-type uid/],
    [{ contentTypes: [{ uid: 'api::policy.policy', requiredApprovals: 0 }] }, /requiredApprovals/],
    [{ contentTypes: [{ uid: 'api::policy.policy', requiredApprovals: 1.5 }] }, /requiredApprovals/],
    [{ contentTypes: [{ uid: 'api::policy.policy', requiredApprovals: 11 }] }, /requiredApprovals/],
    [{ contentTypes: [{ uid: 'api::policy.policy', approvals: 2 }] }, /approvals/],
    [{ contentTypes: [{ uid: 'api::policy.policy' }, { uid: 'api::policy.policy' }] }, /listed twice/],
    [{ contentType: [] }, /contentType/],
  ])('rejects %j with a readable message', (config, message) => {
    expect(() => validatePluginConfig(config)).toThrow(message);
  });
});
