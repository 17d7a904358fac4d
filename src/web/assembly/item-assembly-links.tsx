import { Anchor, Group } from '@mantine/core';
import { Link } from 'react-router';
import { withQuery } from '../api/client.ts';
import { useCaptions } from '../i18n/captions.ts';
import { assemblyOrdersPath, postedAssemblyOrdersPath } from './assembly-types.ts';

/** The item card's way to its assembly orders and posted assembly orders (BC's item card Assembly actions). */
export function ItemAssemblyLinks({ itemNo }: { itemNo: string }) {
  const t = useCaptions();
  return (
    <Group gap="md">
      <Anchor component={Link} to={withQuery(assemblyOrdersPath, { itemNo })} size="sm">{t('Assembly Orders')}</Anchor>
      <Anchor component={Link} to={withQuery(postedAssemblyOrdersPath, { itemNo })} size="sm">{t('Posted Assembly Orders')}</Anchor>
    </Group>
  );
}
