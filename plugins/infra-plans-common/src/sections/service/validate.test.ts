import { expectReported, expectSilent } from '../../__testUtils__/ruleCases';
import { serviceRuleCases } from './validate.cases';

describe('validation rules service', () => {
  describe.each(serviceRuleCases)('$rule: $name', c => {
    it('reports the problem where it is', () => expectReported(c));
    if (c.pass) {
      it('stays silent for the valid variant', () => expectSilent(c));
    }
  });
});
