import { expectReported, expectSilent } from '../../__testUtils__/ruleCases';
import { computeRuleCases } from './validate.cases';

describe('validation rules compute', () => {
  describe.each(computeRuleCases)('$rule: $name', c => {
    it('reports the problem where it is', () => expectReported(c));
    if (c.pass) {
      it('stays silent for the valid variant', () => expectSilent(c));
    }
  });
});
