import { expectReported, expectSilent } from '../../__testUtils__/ruleCases';
import { slosRuleCases } from './validate.cases';

describe('validation rules slos', () => {
  describe.each(slosRuleCases)('$rule: $name', c => {
    it('reports the problem where it is', () => expectReported(c));
    if (c.pass) {
      it('stays silent for the valid variant', () => expectSilent(c));
    }
  });
});
