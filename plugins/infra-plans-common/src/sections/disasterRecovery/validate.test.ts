import { expectReported, expectSilent } from '../../__testUtils__/ruleCases';
import { disasterRecoveryRuleCases } from './validate.cases';

describe('validation rules disaster recovery', () => {
  describe.each(disasterRecoveryRuleCases)('$rule: $name', c => {
    it('reports the problem where it is', () => expectReported(c));
    if (c.pass) {
      it('stays silent for the valid variant', () => expectSilent(c));
    }
  });
});
