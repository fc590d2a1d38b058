import { validateEdited } from '../__fixtures__/ruleCases';

describe('validation rules', () => {
  it('accepts the base plan without any issue', () => {
    const result = validateEdited();
    expect(result.issues).toEqual([]);
    expect(result.valid).toBe(true);
  });
});
