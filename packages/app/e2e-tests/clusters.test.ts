import { expect, test } from './fixtures';
import { signInAs } from './signIn';

// The e2e backend runs the cluster simulator (a simulator, not Kubernetes):
// in its production cluster one task-runner pod is in CrashLoopBackOff.
const CRASHING_POD = /^task-runner-[a-z0-9]+-[a-z0-9]+$/;

test("a failing pod shows on the service's Kubernetes tab and on the SRE dashboard", async ({
  page,
}) => {
  test.setTimeout(180_000);
  // A fresh backend reads the example catalog in its first minute.
  await expect(async () => {
    await page.goto('/');
    await expect(
      page.getByRole('button', { name: 'Sign in as Bob Okafor' }),
    ).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 150_000 });
  await signInAs(page, 'Bob Okafor');

  // Backstage's own Kubernetes tab, fed by the Kubernetes backend.
  await page.goto('/catalog/default/component/task-runner/kubernetes');
  await expect(
    page.getByText('eks-production-use1', { exact: true }).first(),
  ).toBeVisible();
  await expect(page.getByText('1 pod with errors')).toBeVisible();
  // Its Error Reporting table names the crashing pod.
  const podCell = page.getByRole('cell', { name: CRASHING_POD }).first();
  await expect(podCell).toBeVisible();
  const podName = (await podCell.innerText()).trim();
  await expect(
    page
      .getByText(/back-off .* restarting failed container=task-runner/)
      .first(),
  ).toBeVisible();

  // The same pod on the SRE dashboard, under production, linking to the service.
  await page.getByRole('link', { name: 'SRE dashboard' }).click();
  const production = page.getByRole('region', {
    name: 'Environment production',
  });
  const pod = production.getByLabel(`Failing pod ${podName}`);
  await expect(pod).toBeVisible();
  await expect(
    pod.getByText('CrashLoopBackOff', { exact: true }),
  ).toBeVisible();
  await expect(pod.getByText(/7 restarts/)).toBeVisible();
  await expect(
    production.getByText('Deployment task-runner: 3 of 4 replicas ready'),
  ).toBeVisible();
  // The other environments' known problems are there too.
  await expect(
    page
      .getByRole('region', { name: 'Environment development' })
      .getByLabel('Failing pod knowledge-store-0'),
  ).toBeVisible();

  // From the dashboard to the service's page, where the overview card agrees.
  await production.getByRole('link', { name: 'Task runner' }).click();
  await expect(page).toHaveURL(/\/catalog\/default\/component\/task-runner$/);
  const card = page.getByRole('list', { name: 'Workload health by cluster' });
  await expect(card.getByLabel(`Failing pod ${podName}`)).toBeVisible();
});
