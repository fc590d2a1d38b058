import { render, screen } from '@testing-library/react';
import App from './App';

jest.setTimeout(60_000);

describe('App', () => {
  it('opens on the Gatehouse sign-in page with guest and example-user sign-in', async () => {
    process.env = {
      NODE_ENV: 'test',
      APP_CONFIG: [
        {
          data: {
            app: { title: 'Gatehouse' },
            backend: { baseUrl: 'http://localhost:7007' },
          },
          context: 'test',
        },
      ] as any,
    };
    render(App.createRoot());
    // Loading every plugin's extensions takes a while in jsdom.
    expect(
      await screen.findByRole('button', { name: 'Enter' }, { timeout: 30_000 }),
    ).toBeInTheDocument();
    expect(await screen.findByText('Example users')).toBeInTheDocument();
  });
});
