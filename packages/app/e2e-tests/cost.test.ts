import { expect, test } from './fixtures';
import { signInAs } from './signIn';
import { E2E_TODAY } from './clock';

/** The day the example billing's task-runner spike falls on: three days back. */
const ANOMALY_DAY = new Date(
  Date.parse(`${E2E_TODAY}T00:00:00Z`) - 3 * 86_400_000,
)
  .toISOString()
  .slice(0, 10);

// The e2e backend ingests 45 days of synthetic billing for the example
// services, generated for the tests' stated date (./clock.ts), at start-up;
// the first test waits for it.
test('the cost page shows spend by service, budgets, unattributed spend and alerts', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signInAs(page, 'Carol Jensen');
  await expect(async () => {
    await page.goto('/cost');
    await expect(
      page.getByText(/Billing data up to \d{4}-\d{2}-\d{2}/),
    ).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 150_000 });
  await expect(page.getByText('Daily spend by service')).toBeVisible();
  // The stacked chart's legend names the example services.
  for (const service of [
    'orchestrator-api',
    'task-runner',
    'knowledge-store',
    'operator-console',
  ]) {
    await expect(
      page
        .locator('.recharts-legend-wrapper')
        .getByText(service, { exact: true }),
    ).toBeVisible();
  }
  await expect(
    page.getByText('Unattributed spend', { exact: true }),
  ).toBeVisible();
  await expect(page.getByLabel('Unattributed share')).toBeVisible();
  await expect(page.getByText(/Budgets for \d{4}-\d{2}/)).toBeVisible();
  await expect(page.getByText('team-agents (team)').first()).toBeVisible();
  await expect(page.getByText('Top movers')).toBeVisible();
  // Carol is FinOps: she may start an ingestion, and sees its outcome.
  await expect(page.getByRole('button', { name: 'Ingest now' })).toBeVisible();

  // Grouping by team changes the chart.
  await page.getByLabel('Group by').click();
  await page.getByRole('option', { name: 'Team' }).click();
  await expect(page.getByText('Daily spend by team')).toBeVisible();
  await expect(
    page
      .locator('.recharts-legend-wrapper')
      .getByText('team-experience', { exact: true }),
  ).toBeVisible();
});

test("a service's cost tab shows its trend, budget and alerts", async ({
  page,
}) => {
  await signInAs(page, 'Bob Okafor');
  await page.goto('/catalog/default/component/task-runner/cost');
  await expect(page.getByText('Spend over the last 90 days')).toBeVisible();
  await expect(page.getByLabel('Month-to-date spend')).toHaveText(
    /\d[\d,.]* USD/,
  );
  await expect(page.getByText(/Budget 3,200\.00 USD/)).toBeVisible();
  // The synthetic data has a spike three days before the stated date: an
  // anomaly alert for that day (other days may hold anomalies of their own).
  await expect(
    page.getByText(
      new RegExp(`task-runner spent .* USD on ${ANOMALY_DAY}, against a usual`),
    ),
  ).toBeVisible();
  await expect(page.getByText('Recent estimates')).toBeVisible();
});
