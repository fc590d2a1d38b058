import { render, screen } from '@testing-library/react';
import App from './App';

jest.setTimeout(60_000);

// A file of its own: the app reads its configuration once per module registry.
describe('App in production', () => {
  it('offers single sign-on instead when the production config asks for OIDC', async () => {
    process.env = {
      NODE_ENV: 'test',
      APP_CONFIG: [
        {
          data: {
            app: { title: 'Gatehouse' },
            backend: { baseUrl: 'http://localhost:7007' },
            gatehouse: { signIn: { providers: ['oidc'] } },
          },
          context: 'test',
        },
      ] as any,
    };
    render(App.createRoot());
    expect(
      await screen.findByText('Single sign-on', {}, { timeout: 30_000 }),
    ).toBeInTheDocument();
    expect(screen.queryByText('Example users')).not.toBeInTheDocument();
  });
});
