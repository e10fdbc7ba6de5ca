import type { UID } from '@strapi/strapi';
import { resolveCoveredContentTypes, validatePluginConfig } from '../../src/plugins/approval-workflow/server/src/domain/config';

const EXISTING: readonly string[] = ['api::policy.policy', 'api::consultation-draft.consultation-draft'];
const exists = (uid: string): uid is UID.ContentType => EXISTING.includes(uid);

describe('the plugin configuration', () => {
  it('defaults the steps to one reviewer', () => {
    expect(validatePluginConfig({ contentTypes: [{ uid: 'api::policy.policy' }] })).toEqual({
      contentTypes: [{ uid: 'api::policy.policy', steps: ['reviewer'] }],
    });
  });

  it('keeps the steps in the order written', () => {
    expect(validatePluginConfig({ contentTypes: [{ uid: 'api::policy.policy', steps: ['reviewer', 'leader'] }] })).toEqual({
      contentTypes: [{ uid: 'api::policy.policy', steps: ['reviewer', 'leader'] }],
    });
  });

  it('accepts an empty configuration', () => {
    expect(validatePluginConfig({})).toEqual({ contentTypes: [] });
    expect(resolveCoveredContentTypes(undefined, exists)).toEqual({ covered: [], unknown: [] });
  });

  it('tolerates a configured content type that does not exist yet, and reports it', () => {
    const config = {
      contentTypes: [
        { uid: 'api::policy.policy', steps: ['reviewer', 'leader'] },
        { uid: 'api::radio-script.radio-script', steps: ['reviewer'] },
      ],
    };
    expect(resolveCoveredContentTypes(config, exists)).toEqual({
      covered: [{ uid: 'api::policy.policy', steps: ['reviewer', 'leader'] }],
      unknown: ['api::radio-script.radio-script'],
    });
  });

  it('refuses the former requiredApprovals with a message that says what to write instead', () => {
    expect(() => validatePluginConfig({ contentTypes: [{ uid: 'api::policy.policy', requiredApprovals: 2 }] })).toThrow(
      /contentTypes\.0\.requiredApprovals: requiredApprovals was replaced by steps.*steps: \['reviewer', 'leader'\]/,
    );
  });

  it('names an unknown step, where it is and the known ones', () => {
    expect(() => validatePluginConfig({ contentTypes: [{ uid: 'api::policy.policy', steps: ['reviewer', 'director'] }] })).toThrow(
      'Invalid approval-workflow config: contentTypes.0.steps.1: unknown step; known steps: reviewer, leader (got "director")',
    );
  });

  it.each([
    [{ contentTypes: [{ uid: 'policy' }] }, /content-type uid/],
    [{ contentTypes: [{ uid: 'api::policy.policy', steps: [] }] }, /steps: needs at least one step/],
    [{ contentTypes: [{ uid: 'api::policy.policy', steps: 'reviewer' }] }, /steps/],
    [{ contentTypes: [{ uid: 'api::policy.policy', steps: Array(11).fill('reviewer') }] }, /at most 10 steps/],
    [{ contentTypes: [{ uid: 'api::policy.policy', steps: ['Reviewer'] }] }, /unknown step/],
    [{ contentTypes: [{ uid: 'api::policy.policy', approvals: 2 }] }, /approvals/],
    [{ contentTypes: [{ uid: 'api::policy.policy' }, { uid: 'api::policy.policy' }] }, /listed twice/],
    [{ contentType: [] }, /contentType/],
  ])('rejects %j with a readable message', (config, message) => {
    expect(() => validatePluginConfig(config)).toThrow(message);
  });
});
