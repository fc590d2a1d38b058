/** The assertions of the table-driven rule tests (see `__fixtures__/ruleCases.ts`). */
import { RuleCase, validateEdited } from '../__fixtures__/ruleCases';

/** The failing variant is reported by the case's rule, at its path, with its severity. */
export function expectReported(c: RuleCase): void {
  const result = validateEdited(c.fail);
  const found = result.issues.filter(i => i.rule === c.rule);
  expect(found.map(i => i.path)).toContain(c.path);
  const issue = found.find(i => i.path === c.path)!;
  expect(issue.severity).toBe(c.severity ?? 'error');
  expect(issue.problem.length).toBeGreaterThan(10);
  expect(issue.hint.length).toBeGreaterThan(5);
  expect(issue.problem).toMatch(c.problem ?? /./);
  expect(issue.hint).toMatch(c.hint ?? /./);
  const isError = (c.severity ?? 'error') === 'error';
  expect(result.valid).toBe(isError ? false : result.errorCount === 0);
}

/** The case's rule says nothing about the valid variant. */
export function expectSilent(c: RuleCase): void {
  const result = validateEdited(c.pass);
  expect(result.issues.filter(i => i.rule === c.rule)).toEqual([]);
}
