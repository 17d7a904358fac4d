import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useCaptions } from '../i18n/captions.ts';

export function NotFoundPage() {
  const t = useCaptions();
  return (
    <Stack>
      <Title order={2}>{t('Page not found')}</Title>
      <Text>{t('There is no page at this address.')} <Anchor component={Link} to="/">{t('Go to Home')}</Anchor>.</Text>
    </Stack>
  );
}
