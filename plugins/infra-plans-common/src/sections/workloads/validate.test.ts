import { expectReported, expectSilent } from '../../__testUtils__/ruleCases';
import { workloadsRuleCases } from './validate.cases';

describe('validation rules workloads', () => {
  describe.each(workloadsRuleCases)('$rule: $name', c => {
    it('reports the problem where it is', () => expectReported(c));
    if (c.pass) {
      it('stays silent for the valid variant', () => expectSilent(c));
    }
  });
});
