import { Alert, Button, Center, Paper, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../api/client.ts';
import { messageOf } from '../api/field-errors.ts';
import { useCaptions } from '../i18n/captions.ts';
import { updateSession } from './session-store.ts';

export function SignInPage() {
  const t = useCaptions();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const queryClient = useQueryClient();
  const signIn = useMutation({
    mutationFn: () => api.post<{ token: string }>('/auth/token', { username, password }),
    onSuccess: ({ token }) => {
      // Nothing read under an expired token (or another user) survives.
      queryClient.clear();
      updateSession({ token, username });
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate();
  };

  return (
    <Center mih="100vh" bg="gray.1">
      <Paper component="form" onSubmit={submit} shadow="sm" p="xl" w={360} withBorder>
        <Stack>
          <Title order={2}>{t('Sign in to Ledgerline')}</Title>
          {signIn.error && <Alert color="red" role="alert">{messageOf(signIn.error)}</Alert>}
          <TextInput size="sm" label={t('Username')} name="username" autoComplete="username" required autoFocus value={username}
            onChange={(event) => setUsername(event.currentTarget.value)} />
          <PasswordInput size="sm" label={t('Password')} name="password" autoComplete="current-password" required value={password}
            onChange={(event) => setPassword(event.currentTarget.value)} />
          <Button size="sm" type="submit" loading={signIn.isPending}>{t('Sign in')}</Button>
        </Stack>
      </Paper>
    </Center>
  );
}
