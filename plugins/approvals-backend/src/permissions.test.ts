import { approvalRequestRules } from './permissions';
import type { StoredRequest } from './store/ApprovalsStore';

const request = (environment: string, tier: StoredRequest['tier']) =>
  ({ environment, tier, submitter: 'user:default/bob' } as StoredRequest);

describe('permission rules on change requests', () => {
  it('TARGETS_TIER matches by the resolved tier, whatever the environment is called', () => {
    const { targetsTier } = approvalRequestRules;
    const production = { tiers: ['production'] };
    expect(targetsTier.apply(request('live', 'production'), production)).toBe(
      true,
    );
    expect(
      targetsTier.apply(request('production', 'development'), production),
    ).toBe(false);
    // A request stored before tiers were resolved has no known tier.
    expect(targetsTier.apply(request('production', null), production)).toBe(
      false,
    );
    expect(targetsTier.toQuery(production)).toEqual({
      property: 'tier',
      values: ['production'],
    });
  });
});
