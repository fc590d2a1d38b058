import { useState } from 'react';
import {
  SignInPage,
  Content,
  ContentHeader,
  InfoCard,
  Page,
  Header,
  Progress,
  ProxiedSignInPage,
  ResponseErrorPanel,
} from '@backstage/core-components';
import type { SignInPageProps } from '@backstage/plugin-app-react';
import {
  Button,
  Chip,
  Grid,
  List,
  ListItem,
  ListItemText,
  Typography,
} from '@material-ui/core';
import { configApiRef, useApi } from '@backstage/core-plugin-api';
import { DEV_USER_HEADER } from './constants';
import { oidcAuthApiRef } from './oidcAuthApi';
import { forgetOnSignOut } from './forgetOnSignOut';
import {
  clearSignInChoice,
  readSignInChoice,
  SignInChoice,
  storeSignInChoice,
} from './storedChoice';
import { useDevUsers } from './useDevUsers';

const shortRef = (ref: string) =>
  ref.replace(/^group:default\//, '').replace(/^user:default\//, '');

function ExampleUsers(props: { onChoose: (choice: SignInChoice) => void }) {
  const { value: users, loading, error } = useDevUsers();
  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  return (
    <List dense aria-label="Example users">
      {users!.map(user => (
        <ListItem key={user.userEntityRef}>
          <ListItemText
            primary={user.displayName}
            secondary={
              <>
                {shortRef(user.userEntityRef)}{' '}
                {user.groups.map(group => (
                  <Chip key={group} size="small" label={shortRef(group)} />
                ))}
              </>
            }
          />
          <Button
            variant="outlined"
            color="primary"
            aria-label={`Sign in as ${user.displayName}`}
            onClick={() =>
              props.onChoose({
                provider: 'gatehouse-dev',
                userEntityRef: user.userEntityRef,
              })
            }
          >
            Sign in
          </Button>
        </ListItem>
      ))}
    </List>
  );
}

function ChooseIdentity(props: { onChoose: (choice: SignInChoice) => void }) {
  return (
    <Page themeId="home">
      <Header
        title="Gatehouse"
        subtitle="Self-service infrastructure, with a human sign-off on every change"
      />
      <Content>
        <ContentHeader title="Sign in" />
        <Grid container spacing={3}>
          <Grid item xs={12} md={4}>
            <InfoCard title="Guest">
              <Typography paragraph>
                Look around without an identity. Guests read the catalog but own
                nothing and approve nothing.
              </Typography>
              <Button
                variant="contained"
                color="primary"
                onClick={() => props.onChoose({ provider: 'guest' })}
              >
                Enter
              </Button>
            </InfoCard>
          </Grid>
          <Grid item xs={12} md={8}>
            <InfoCard
              title="Example users"
              subheader="Development only: sign in as anyone in the catalog, with their groups"
            >
              <ExampleUsers onChoose={props.onChoose} />
            </InfoCard>
          </Grid>
        </Grid>
      </Content>
    </Page>
  );
}

/**
 * The development sign-in page: enter as a guest or as any catalog user. The
 * choice is remembered, so reloads stay signed in, until the user signs out.
 */
export function GatehouseSignInPage(props: SignInPageProps) {
  const providers = useApi(configApiRef).getOptionalStringArray(
    'gatehouse.signIn.providers',
  ) ?? ['guest', 'gatehouse-dev'];
  if (providers.includes('oidc')) {
    return <SingleSignOnPage {...props} />;
  }
  return <DevelopmentSignInPage {...props} />;
}

/** Production: the organisation's identity provider, over OpenID Connect. */
function SingleSignOnPage(props: SignInPageProps) {
  return (
    <SignInPage
      {...props}
      title="Gatehouse"
      align="center"
      auto
      providers={[
        {
          id: 'oidc',
          title: 'Single sign-on',
          message: "Sign in with your organisation's account",
          apiRef: oidcAuthApiRef,
        },
      ]}
    />
  );
}

function DevelopmentSignInPage(props: SignInPageProps) {
  const [choice, setChoice] = useState(readSignInChoice);

  if (!choice) {
    return (
      <ChooseIdentity
        onChoose={next => {
          storeSignInChoice(next);
          setChoice(next);
        }}
      />
    );
  }

  const headers: Record<string, string> =
    choice.provider === 'gatehouse-dev'
      ? { [DEV_USER_HEADER]: choice.userEntityRef }
      : {};
  return (
    <ProxiedSignInPage
      provider={choice.provider}
      headers={headers}
      onSignInSuccess={identity =>
        props.onSignInSuccess(forgetOnSignOut(identity))
      }
      ErrorComponent={({ error }) => (
        <Page themeId="home">
          <Header title="Gatehouse" />
          <Content>
            <ResponseErrorPanel error={error ?? new Error('Sign-in failed')} />
            <Button
              variant="contained"
              onClick={() => {
                clearSignInChoice();
                setChoice(undefined);
              }}
            >
              Choose another identity
            </Button>
          </Content>
        </Page>
      )}
    />
  );
}
