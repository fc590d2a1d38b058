import { expectReported, expectSilent } from '../../__testUtils__/ruleCases';
import { bucketsRuleCases } from './validate.cases';

describe('validation rules buckets', () => {
  describe.each(bucketsRuleCases)('$rule: $name', c => {
    it('reports the problem where it is', () => expectReported(c));
    if (c.pass) {
      it('stays silent for the valid variant', () => expectSilent(c));
    }
  });
});
