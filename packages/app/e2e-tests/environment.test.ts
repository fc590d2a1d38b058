import {
  startEnvironmentChange,
  startNewEnvironment,
  waitForEnvironmentEntity,
} from './environmentPages';
import { expect, test, newPersonPage } from './fixtures';
import { signInAs } from './signIn';

test('a developer creates an environment through the form, sees its cost first, it is approved, published and found in the catalog, and its change form lists its own parts', async ({
  browser,
}) => {
  test.setTimeout(420_000);
  const environment = `e2e-${Date.now().toString(36)}`;
  const bob = await newPersonPage(browser);
  await signInAs(bob, 'Bob Okafor');

  // The environment.
  await startNewEnvironment(bob, environment);

  // What it needs: the plan is validated and priced while the form is filled in.
  await expect(bob.getByTestId('environment-preview')).toBeVisible();
  await expect(bob.getByText(/plan valid/)).toBeVisible({ timeout: 30_000 });
  await expect(bob.getByTestId('environment-cost')).toContainText(
    /\$[\d,]+\.\d\d a month/,
    { timeout: 30_000 },
  );
  await bob.getByRole('button', { name: 'Next' }).click();

  // Review and publish, to the embedded local git publisher.
  await bob.getByRole('button', { name: 'Review' }).click();
  await bob.getByRole('button', { name: 'Create' }).click();

  // A new environment costs more than the 100 USD a month a development
  // change may add unreviewed: the task ends with its change request.
  const requestLink = bob.getByRole('link', { name: 'Change request' });
  await expect(requestLink).toBeVisible({ timeout: 180_000 });
  const href = await requestLink.getAttribute('href');
  expect(href).toMatch(/\/approvals\/requests\/[0-9a-f-]{36}$/);

  // Dave, an SRE and platform approver, approves it.
  const dave = await newPersonPage(browser);
  await signInAs(dave, 'Dave Lindqvist');
  await dave.goto(href!);
  await expect(
    dave.getByText(`environment ${environment}`).first(),
  ).toBeVisible();
  await dave
    .getByLabel('Comment')
    .fill('Sized like every development environment.');
  await dave.getByRole('button', { name: 'Approve' }).click();
  await expect(dave.getByText('Approved').first()).toBeVisible();

  // The approvals backend starts the follow-up template, which publishes the
  // repository and registers it: Bob finds the environment in the catalog.
  const entityPath = `/catalog/default/resource/orchestrator-api-${environment}`;
  await waitForEnvironmentEntity(bob, entityPath);

  // Its plan tab shows the plan the form made.
  await bob.getByText('Infrastructure plan', { exact: true }).click();
  await expect(
    bob.getByText('Revision 1', { exact: true }).first(),
  ).toBeVisible({
    timeout: 30_000,
  });
  await expect(
    bob.getByRole('tab', { name: new RegExp(`${environment} \\(development`) }),
  ).toBeVisible();

  // Changing it: the change form lists the environment's own node groups,
  // read from its plan, to choose which one the new sizes are for.
  await startEnvironmentChange(bob, environment, 'More room for the load test');
  await bob.getByRole('button', { name: /Which node group/ }).click();
  await expect(bob.getByRole('option', { name: 'The first' })).toBeVisible();
  const groups = await bob.getByRole('option').allTextContents();
  expect(groups.length).toBeGreaterThan(1);
  await bob.screenshot({
    path: test.info().outputPath('change-environment-parts.png'),
    fullPage: true,
  });
});
