import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
// A real git server on loopback (git http-backend behind nginx).
import { GitServer, startGitServer } from '@gatehouse/test-utils/gitServer';
import {
  startEnvironmentChange,
  startNewEnvironment,
  waitForEnvironmentEntity,
} from './environmentPages';
import { expect, newPersonPage, test } from './fixtures';
import { signInAs } from './signIn';

const REPO_ROOT = join(__dirname, '../../..');
/** The static token scripts/e2e-backend.mjs gives the tests' pipeline. */
const PIPELINE_TOKEN = 'e2e-pipeline-token-not-a-secret';

let server: GitServer;
test.beforeAll(async () => {
  server = await startGitServer();
});
test.afterAll(async () => {
  await server?.stop();
});

/** The change request a finished template task links to. */
async function changeRequestLink(page: import('@playwright/test').Page) {
  const link = page.getByRole('link', { name: 'Change request' });
  await expect(link).toBeVisible({ timeout: 180_000 });
  const href = await link.getAttribute('href');
  expect(href).toMatch(/\/approvals\/requests\/[0-9a-f-]{36}$/);
  return href!;
}

test('an approved change goes to the git server as a branch; its merge, the pipeline’s report and an unapproved commit all show in Gatehouse', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(600_000);
  const environment = `git-${Date.now().toString(36)}`;
  const entityName = `orchestrator-api-${environment}`;
  const repository = await server.createRepository(entityName);

  // Bob creates the environment and publishes it to the git server.
  const bob = await newPersonPage(browser);
  await signInAs(bob, 'Bob Okafor');
  await startNewEnvironment(bob, environment);
  await expect(bob.getByText(/plan valid/)).toBeVisible({ timeout: 30_000 });
  await bob.getByRole('button', { name: 'Next' }).click();
  await bob.locator('#root_publisher').click();
  await bob.getByRole('option', { name: /A git server/ }).click();
  await bob.locator('#root_gitRemoteUrl').fill(repository.url);
  await bob.getByRole('button', { name: 'Review' }).click();
  await bob.getByRole('button', { name: 'Create' }).click();
  const creation = await changeRequestLink(bob);

  // Dave approves; the follow-up pushes the repository's first commit.
  const dave = await newPersonPage(browser);
  await signInAs(dave, 'Dave Lindqvist');
  await dave.goto(creation);
  await dave.getByLabel('Comment').fill('A development environment.');
  await dave.getByRole('button', { name: 'Approve' }).click();
  await expect
    .poll(
      async () =>
        server.git(entityName, ['log', '--format=%s', 'main']).catch(() => ''),
      { timeout: 240_000, intervals: [3_000] },
    )
    .toContain(`${environment} environment of orchestrator-api`);

  // The catalog reads the environment from its local copy of the repository.
  const entityPath = `/catalog/default/resource/${entityName}`;
  await waitForEnvironmentEntity(bob, entityPath);
  await bob.getByText('Infrastructure plan', { exact: true }).click();
  await expect(
    bob.getByText('Revision 1', { exact: true }).first(),
  ).toBeVisible({ timeout: 30_000 });
  // The entity records where its repository lives.
  await bob.goto(entityPath);
  await expect(
    bob.getByRole('link', { name: /Infrastructure repository/ }),
  ).toHaveAttribute('href', repository.url.replace(/\.git$/, ''));

  // Bob changes the environment's node group, chosen by name in the form.
  await startEnvironmentChange(bob, environment, 'More room for the load test');
  await bob.getByRole('button', { name: /Which node group/ }).click();
  await bob.getByRole('option', { name: 'general' }).click();
  await bob.locator('#root_nodeGroupMax').fill('9');
  // Workloads, data stores, rollback and tests: kept as they are.
  for (const page of ['Workloads', 'Data stores', 'Rollback and tests']) {
    await bob.getByRole('button', { name: 'Next' }).click();
    await expect(bob.getByText(page).first()).toBeVisible();
  }
  await bob.getByRole('button', { name: 'Review' }).click();
  await bob.getByRole('button', { name: 'Create' }).click();
  const change = await changeRequestLink(bob);

  await dave.goto(change);
  await dave.getByLabel('Comment').fill('Nine nodes at most is fine.');
  await dave.getByRole('button', { name: 'Approve' }).click();

  // The follow-up pushes a branch with the change; the request says proposed.
  const changeBranches = async () =>
    (
      await server.git(entityName, [
        'for-each-ref',
        '--format=%(refname:short)',
        'refs/heads/gatehouse',
      ])
    ).trim();
  await expect
    .poll(changeBranches, { timeout: 240_000, intervals: [3_000] })
    .toMatch(/^gatehouse\/change-[0-9a-f]{8}$/);
  const branch = await changeBranches();
  const trailers = await server.git(entityName, [
    'log',
    '-1',
    '--format=%(trailers:key=Gatehouse-Change,valueonly)',
    branch,
  ]);
  expect(change).toContain(trailers.trim());
  await bob.goto(change);
  const delivery = bob.getByTestId('delivery-card');
  await expect(delivery).toContainText('Proposed');
  await expect(delivery).toContainText(/Waiting for the merge/);

  // Merging it on the git server turns the request to merged.
  await server.merge(entityName, { from: branch, into: 'main' });
  await expect
    .poll(
      async () => {
        await bob.reload();
        return delivery.textContent();
      },
      { timeout: 60_000, intervals: [3_000] },
    )
    .not.toMatch(/Waiting for the merge/);
  await expect(delivery).toContainText(/Waiting for the pipeline/);

  // The pipeline applies it and reports with the command line.
  const requestId = change.split('/').pop()!;
  const hash = (
    await (
      await fetch(`${baseURL}/api/approvals/requests/${requestId}/gate`, {
        headers: { authorization: `Bearer ${PIPELINE_TOKEN}` },
      })
    ).json()
  ).contentHash;
  await promisify(execFile)(
    './gatehouse',
    [
      'gate',
      'report',
      requestId,
      '--hash',
      hash,
      '--status',
      'applied',
      '--log',
      'https://ci.example.com/runs/1',
    ],
    {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        GATEHOUSE_URL: baseURL!,
        GATEHOUSE_TOKEN: PIPELINE_TOKEN,
      },
    },
  );
  await bob.reload();
  await expect(delivery).toContainText('Applied');
  await expect(delivery).not.toContainText(/Waiting for the pipeline/);
  await expect(
    delivery.getByRole('link', { name: /pipeline log/i }),
  ).toHaveAttribute('href', 'https://ci.example.com/runs/1');

  // Someone pushes straight to main: Gatehouse raises an unapproved change.
  const hotfix = await server.commit(entityName, {
    branch: 'main',
    files: { 'README.md': 'edited by hand\n' },
    message: 'Hotfix straight to main',
  });
  await expect
    .poll(
      async () => {
        await bob.goto('/catalog/default/component/orchestrator-api/changes');
        await bob
          .getByText(/Unapproved changes|Change requests/)
          .first()
          .waitFor({ timeout: 20_000 });
        return bob.getByText(hotfix.slice(0, 7)).count();
      },
      { timeout: 60_000, intervals: [3_000] },
    )
    .toBeGreaterThan(0);
  await expect(bob.getByText('Hotfix straight to main')).toBeVisible();
  await bob.screenshot({
    path: test.info().outputPath('unapproved-change.png'),
    fullPage: true,
  });
});
