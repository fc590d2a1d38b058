import { expectReported, expectSilent } from '../../__testUtils__/ruleCases';
import { cachesRuleCases } from './validate.cases';

describe('validation rules caches', () => {
  describe.each(cachesRuleCases)('$rule: $name', c => {
    it('reports the problem where it is', () => expectReported(c));
    if (c.pass) {
      it('stays silent for the valid variant', () => expectSilent(c));
    }
  });
});
