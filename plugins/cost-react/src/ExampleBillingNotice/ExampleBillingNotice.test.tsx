import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ExampleBillingNotice } from './ExampleBillingNotice';

function renderWithConfig(config: object) {
  return renderInTestApp(<ExampleBillingNotice />, { config: config as any });
}

describe('ExampleBillingNotice', () => {
  it('labels the spend as example data when the configuration says so, with how to connect real billing', async () => {
    await renderWithConfig({ gatehouse: { exampleData: { billing: true } } });
    const note = screen.getByRole('note', { name: 'Example data' });
    expect(note).toHaveTextContent(/generated example billing/);
    expect(note).not.toHaveTextContent(/gatehouse\.cost\.ingestion\.locations/);
    await userEvent.click(
      screen.getByRole('button', { name: 'How to connect real billing' }),
    );
    expect(note).toHaveTextContent(/gatehouse\.cost\.ingestion\.locations/);
  });

  it('shows nothing without the flag (production configuration)', async () => {
    await renderWithConfig({ gatehouse: {} });
    expect(screen.queryByRole('note')).toBeNull();
  });
});
