import { expectReported, expectSilent } from '../../__testUtils__/ruleCases';
import { securityRuleCases } from './validate.cases';

describe('validation rules security', () => {
  describe.each(securityRuleCases)('$rule: $name', c => {
    it('reports the problem where it is', () => expectReported(c));
    if (c.pass) {
      it('stays silent for the valid variant', () => expectSilent(c));
    }
  });
});
