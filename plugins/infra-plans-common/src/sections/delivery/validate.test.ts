import { expectReported, expectSilent } from '../../__testUtils__/ruleCases';
import { deliveryRuleCases } from './validate.cases';

describe('validation rules delivery', () => {
  describe.each(deliveryRuleCases)('$rule: $name', c => {
    it('reports the problem where it is', () => expectReported(c));
    if (c.pass) {
      it('stays silent for the valid variant', () => expectSilent(c));
    }
  });
});
