import { expect, test } from './fixtures';
import { signInAs } from './signIn';

const services = [
  'Orchestrator API',
  'Operator console',
  'Task runner',
  'Knowledge store',
];

test('a guest signs in and the catalog lists the four example services', async ({
  page,
}) => {
  await signInAs(page, 'guest');
  // Guests own nothing, so ask for every component rather than the owned ones.
  await page.goto('/?filters[kind]=component&filters[user]=all');
  for (const service of services) {
    await expect(
      page.getByRole('link', { name: service, exact: true }),
    ).toBeVisible();
  }
  await expect(page.getByText('All components (5)')).toBeVisible();
});

test('an entity page shows the service with its relations', async ({
  page,
}) => {
  await signInAs(page, 'guest');
  await page.goto('/catalog/default/component/orchestrator-api');
  await expect(
    page.getByRole('heading', { name: 'Orchestrator API' }).first(),
  ).toBeVisible();
  await expect(
    page.getByRole('heading', { name: 'Depends on resources' }),
  ).toBeVisible();
  for (const tier of ['development', 'staging', 'production']) {
    await expect(
      page.getByRole('link', { name: `Orchestrator API (${tier})` }).first(),
    ).toBeVisible();
  }
  await expect(page.getByRole('heading', { name: 'Relations' })).toBeVisible();
  // Gatehouse's cards come first on the overview, the stock cards after them.
  // (Card titles are not headings, and carry a count or status after them.)
  const top = async (title: string) =>
    (await page
      .getByText(new RegExp(`^${title}`))
      .first()
      .boundingBox())!.y;
  const gatehouseCards = await Promise.all(
    ['Open change requests', 'Workload health', 'Spend trend'].map(top),
  );
  expect(gatehouseCards).toEqual([...gatehouseCards].sort((a, b) => a - b));
  expect(Math.max(...gatehouseCards)).toBeLessThan(
    await top('Depends on resources'),
  );
  // Following a relation leads to the environment, which names its cluster.
  await page
    .getByRole('link', { name: 'Orchestrator API (production)' })
    .first()
    .click();
  await expect(
    page.getByText('The production environment of orchestrator-api.'),
  ).toBeVisible();
  await expect(
    page.getByText('EKS production (us-east-1)').first(),
  ).toBeVisible();
});

test('the scaffolder lists its templates', async ({ page }) => {
  await signInAs(page, 'guest');
  await page.goto('/create');
  await expect(page.getByText('New Node.js service')).toBeVisible();
});

test('an example user signs in as themselves and owns what their team owns', async ({
  page,
}) => {
  await signInAs(page, 'Bob Okafor');
  await page.goto('/settings');
  await expect(page.getByText('Bob Okafor').first()).toBeVisible();
  await expect(page.getByText('bob@example.com').first()).toBeVisible();
  // Bob is in team-agents, which owns the API and the task runner.
  await page.goto('/?filters[kind]=component&filters[user]=owned');
  await expect(page.getByText('Owned components (2)')).toBeVisible();
  await expect(
    page.getByRole('link', { name: 'Task runner', exact: true }),
  ).toBeVisible();
});
