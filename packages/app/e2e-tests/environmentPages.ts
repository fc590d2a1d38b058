import { expect, Page } from '@playwright/test';

/**
 * Steps of the environment templates that several browser tests take the
 * same way: the first page of "New environment for a service" filled in for
 * orchestrator-api, the wait for an environment to appear in the catalog,
 * and "Change an environment" opened on an environment.
 */

/** Opens the new-environment form and names the environment, for orchestrator-api. */
export async function startNewEnvironment(page: Page, environment: string) {
  await page.goto('/create/templates/default/new-environment');
  const service = page.locator('#root_service');
  await service.click();
  await service.fill('orchestrator');
  await page.getByRole('option', { name: /orchestrator[- ]api/i }).click();
  await page.locator('#root_environment').fill(environment);
  await page.getByRole('button', { name: 'Next' }).click();
}

/** Waits until the catalog shows the published environment (the follow-up publishes it). */
export async function waitForEnvironmentEntity(page: Page, entityPath: string) {
  await expect
    .poll(
      async () => {
        await page.goto(entityPath);
        await page
          .getByText(/Entity not found|Overview/)
          .first()
          .waitFor({ timeout: 20_000 });
        return page.getByText('Infrastructure plan', { exact: true }).count();
      },
      { timeout: 240_000, intervals: [3_000] },
    )
    .toBeGreaterThan(0);
}

/** Opens "Change an environment" on the environment, with a reason, at its compute page. */
export async function startEnvironmentChange(
  page: Page,
  environment: string,
  reason: string,
) {
  await page.goto('/create/templates/default/change-environment');
  const environmentField = page.locator('#root_environmentRef');
  await environmentField.click();
  await environmentField.fill(environment);
  await page
    .getByRole('option', { name: new RegExp(environment) })
    .first()
    .click();
  await page.locator('#root_reason').fill(reason);
  await page.getByRole('button', { name: 'Next' }).click();
  // The node group field lists the groups once it has read the plan.
  await expect(
    page.getByText(/Left empty, the first node group \(.+\) is changed/),
  ).toBeVisible({ timeout: 30_000 });
}
