import { expectReported, expectSilent } from '../../__testUtils__/ruleCases';
import { queuesRuleCases } from './validate.cases';

describe('validation rules queues', () => {
  describe.each(queuesRuleCases)('$rule: $name', c => {
    it('reports the problem where it is', () => expectReported(c));
    if (c.pass) {
      it('stays silent for the valid variant', () => expectSilent(c));
    }
  });
});
