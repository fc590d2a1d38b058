import { expect, Page } from '@playwright/test';

/** Signs in through the sign-in page, as a person would. */
export async function signInAs(page: Page, displayName: string | 'guest') {
  await page.goto('/');
  if (displayName === 'guest') {
    await page.getByRole('button', { name: 'Enter' }).click();
  } else {
    // Right after the backend starts, the catalog may not have read the
    // example users yet: the list fills in on a reload once it has.
    const button = page.getByRole('button', {
      name: `Sign in as ${displayName}`,
    });
    await expect(async () => {
      if (!(await button.isVisible())) {
        await page.reload();
        await expect(button).toBeVisible({ timeout: 5_000 });
      }
    }).toPass({ timeout: 90_000 });
    await button.click();
  }
  // The sidebar's settings link appears once the app has a signed-in user.
  await expect(page.getByRole('link', { name: 'Settings' })).toBeVisible();
}
