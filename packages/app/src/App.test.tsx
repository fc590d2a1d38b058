import { render, screen } from '@testing-library/react';
import App from './App';

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
    expect(
      await screen.findByRole('button', { name: 'Enter' }),
    ).toBeInTheDocument();
    expect(await screen.findByText('Example users')).toBeInTheDocument();
  });
});
