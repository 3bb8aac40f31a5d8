import { useState, type ReactElement } from 'react';
import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { InfoCard, useApi } from '@portico/ui-api';
import { useAccess } from '../../access/access-provider';
import type { ApiToken, TokenList } from './api-token';
import { mayMakeTokens } from './may-make-tokens';
import { NewTokenForm } from './new-token-form';
import { NewTokenValue } from './new-token-value';
import { TokensTable } from './tokens-table';

/** A signed-in person's API tokens: list, make (the value is shown once) and revoke. */
export function TokensPage(): ReactElement {
  const { me, loading } = useAccess();
  const allowed = mayMakeTokens(me);
  const list = useApi<TokenList>(allowed ? '/tokens' : null);
  const [created, setCreated] = useState<{ token: ApiToken; value: string } | null>(null);
  if (loading) return <span aria-busy="true" />;
  return (
    <Stack spacing={3}>
      <Typography variant="h4" component="h1">
        API tokens
      </Typography>
      {!allowed ? (
        <Alert severity="info">API tokens belong to signed-in people: {me?.isGuest ? 'the guest has none' : me ? `${me.id} is not a person` : 'sign in'} to make one.</Alert>
      ) : (
        <>
          <Typography color="text.secondary">
            Tokens let scripts and CI act for you. Each holds only the scopes you give it, and never more than you hold yourself: if you lose a permission, your tokens lose it too.
          </Typography>
          {created && <NewTokenValue name={created.token.name} value={created.value} onDone={() => setCreated(null)} />}
          {list.error && <Alert severity="error">{list.error.message}</Alert>}
          <InfoCard title="Your tokens">{list.data ? <TokensTable tokens={list.data.items} onRevoked={list.reload} /> : <span aria-busy="true" />}</InfoCard>
          {list.data && (
            <InfoCard title="New token">
              <NewTokenForm
                permissions={me!.permissions ?? []}
                limits={list.data.limits}
                onCreated={(made) => {
                  setCreated(made);
                  list.reload();
                }}
              />
            </InfoCard>
          )}
        </>
      )}
    </Stack>
  );
}
