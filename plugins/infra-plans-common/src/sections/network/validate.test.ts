import { expectReported, expectSilent } from '../../__testUtils__/ruleCases';
import { networkRuleCases } from './validate.cases';

describe('validation rules network', () => {
  describe.each(networkRuleCases)('$rule: $name', c => {
    it('reports the problem where it is', () => expectReported(c));
    if (c.pass) {
      it('stays silent for the valid variant', () => expectSilent(c));
    }
  });
});
