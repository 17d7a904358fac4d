import { Fieldset, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useCaptions } from '../i18n/captions.ts';

export interface ReadOnlyGroup {
  title: string;
  fields: ReadonlyArray<{ label: string; value: ReactNode }>;
}

/** A card's FastTabs for viewing: caption above value, as BC shows a non-editable card. */
export function ReadOnlyFields({ groups }: { groups: readonly ReadOnlyGroup[] }) {
  const t = useCaptions();
  return groups.map((group) => (
    <Fieldset key={group.title} legend={t(group.title)}>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" verticalSpacing="xs">
        {group.fields.map((field) => (
          <Stack key={field.label} gap={0}>
            <Text size="xs" c="dimmed">{t(field.label)}</Text>
            <Text size="sm">{field.value === '' || field.value === null ? '—' : field.value}</Text>
          </Stack>
        ))}
      </SimpleGrid>
    </Fieldset>
  ));
}
