import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { gatehouseThemeModule } from '../theme';
import { StatusChip } from './StatusChip';
import { ResourceActionChip } from './resourceAction';

const render = (element: JSX.Element) =>
  renderInTestApp(element, { features: [gatehouseThemeModule] });

describe('StatusChip', () => {
  it('fills the chip with the theme colour of its tone', async () => {
    await render(
      <>
        <StatusChip label="Approved" tone="success" />
        <StatusChip label="Rejected" tone="error" />
        <StatusChip label="Expired" tone="neutral" />
      </>,
    );
    expect(screen.getByText('Approved').parentElement).toHaveStyle({
      background: '#2e7d32',
      color: '#fff',
    });
    expect(screen.getByText('Rejected').parentElement).toHaveStyle({
      background: '#c62828',
    });
    expect(screen.getByText('Expired').parentElement).toHaveStyle({
      background: '#616161',
    });
  });

  it('outlines a quieter attribute in the colour of its tone', async () => {
    await render(
      <StatusChip label="Medium risk" tone="warning" variant="outlined" />,
    );
    expect(screen.getByText('Medium risk').parentElement).toHaveStyle({
      color: '#ef6c00',
      borderColor: '#ef6c00',
    });
  });

  it('colours Terraform actions by what they do', async () => {
    await render(
      <>
        <ResourceActionChip action="update" />
        <ResourceActionChip action="no-op" />
      </>,
    );
    expect(screen.getByText('update').parentElement).toHaveStyle({
      background: '#1565c0',
    });
    expect(screen.getByText('no-op').parentElement).toHaveStyle({
      background: '#9e9e9e',
    });
  });
});
