import { APIRequestContext } from '@playwright/test';
import { expect, test, newPersonPage } from './fixtures';
import { signInAs } from './signIn';

/** A token for an example user, as the sign-in page gets it. */
/**
 * A token for an example user. Right after start-up the catalog may not have
 * read the example users yet (the sign-in answers 404 until it has): wait.
 */
async function tokenFor(request: APIRequestContext, user: string) {
  let token = '';
  await expect(async () => {
    const response = await request.get('/api/auth/gatehouse-dev/refresh', {
      headers: { 'x-gatehouse-dev-user': user },
    });
    expect(response.status()).toBe(200);
    token = (await response.json()).backstageIdentity.token;
  }).toPass({ timeout: 60_000 });
  return token;
}

test('a requester submits, another person approves from the inbox, and the requester sees it live', async ({
  browser,
  request,
}) => {
  test.setTimeout(180_000);
  // Bob submits a staging change, as a template or pipeline would.
  const title = `Raise task-runner workers ${Date.now()}`;
  const submitted = await request.post('/api/approvals/requests', {
    headers: { authorization: `Bearer ${await tokenFor(request, 'bob')}` },
    data: {
      title,
      entityRef: 'component:default/task-runner',
      environment: 'staging',
      files: [
        {
          path: 'k8s/hpa.yaml',
          content: 'maxReplicas: 8\n',
          previousContent: 'maxReplicas: 4\n',
        },
      ],
      notes: {
        rollbackPlan: 'Set **maxReplicas** back to 4.',
        testPlan: 'Queue drain test in staging.',
      },
    },
  });
  expect(submitted.status()).toBe(201);
  const { id } = await submitted.json();

  // Bob keeps his request open.
  const bobPage = await newPersonPage(browser);
  await signInAs(bobPage, 'Bob Okafor');
  await bobPage.goto(`/approvals/requests/${id}`);
  await expect(bobPage.getByText(title).first()).toBeVisible();
  await expect(bobPage.getByText('Pending').first()).toBeVisible();
  await expect(bobPage.getByText('+maxReplicas: 8').first()).toBeVisible();
  // Bob cannot approve his own change.
  await expect(bobPage.getByRole('button', { name: 'Approve' })).toHaveCount(0);

  // Alice finds it waiting for her and approves it.
  const alicePage = await newPersonPage(browser);
  await signInAs(alicePage, 'Alice Moreau');
  await alicePage.goto('/approvals');
  await alicePage.getByRole('link', { name: title }).click();
  await expect(
    alicePage.getByText('needs team-agents or platform-approvers').first(),
  ).toBeVisible();
  await alicePage.getByLabel('Comment').fill('Queue depth justifies it.');
  await alicePage.getByRole('button', { name: 'Approve' }).click();
  await expect(alicePage.getByText('Approved').first()).toBeVisible();

  // Bob's page shows the decision without a reload.
  await expect(bobPage.getByText('Approved').first()).toBeVisible({
    timeout: 30_000,
  });
  await expect(
    bobPage.getByText('Queue depth justifies it.').first(),
  ).toBeVisible();
});
