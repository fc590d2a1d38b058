import { expectReported, expectSilent } from '../../__testUtils__/ruleCases';
import { databasesRuleCases } from './validate.cases';

describe('validation rules databases', () => {
  describe.each(databasesRuleCases)('$rule: $name', c => {
    it('reports the problem where it is', () => expectReported(c));
    if (c.pass) {
      it('stays silent for the valid variant', () => expectSilent(c));
    }
  });
});
